/* expect: comparison of distinct pointer types */
/* min() of an int and a long warns (an error with -Werror): use min_t(). */
#include <linux/minmax.h>

long kshim_cw_min_distinct_types(int a, long b);

long kshim_cw_min_distinct_types(int a, long b)
{
	return min(a, b);
}
