/* expect: KSHIM_HZ must be 100, 250, 300 or 1000 */
/* A tick rate the kernel cannot be configured with (CONFIG_HZ). */
#define KSHIM_HZ 123
#include <linux/jiffies.h>

unsigned long hz_jiffies(void)
{
	return HZ;
}
