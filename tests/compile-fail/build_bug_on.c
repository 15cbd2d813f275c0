/* expect: BUILD_BUG_ON failed: sizeof(int) == 4 */
/* BUILD_BUG_ON() with a true constant condition stops the build. */
#include <linux/build_bug.h>

int kshim_cf_build_bug_on(void);

int kshim_cf_build_bug_on(void)
{
	BUILD_BUG_ON(sizeof(int) == 4);
	return 0;
}
