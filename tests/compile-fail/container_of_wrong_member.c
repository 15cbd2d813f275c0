/* expect: pointer type mismatch in container_of() */
/* container_of() checks that the pointer has the member's type. */
#include <linux/kernel.h>

struct holder {
	int count;
	long total;
};

struct holder *kshim_cf_container_of(int *count);

struct holder *kshim_cf_container_of(int *count)
{
	return container_of(count, struct holder, total);
}
