/* expect: comparison of distinct pointer types */
/*
 * Under a pre-6.7 kernel profile (here 2.6.36), min() of an int and a long
 * warns (an error with -Werror): both operands must have the same type,
 * use min_t().  From 6.7 on this pair is accepted (same signedness).
 */
#define KSHIM_LINUX_VERSION_CODE 0x020624 /* KERNEL_VERSION(2, 6, 36) */
#include <linux/minmax.h>

long kshim_cw_min_distinct_types(int a, long b);

long kshim_cw_min_distinct_types(int a, long b)
{
	return min(a, b);
}
