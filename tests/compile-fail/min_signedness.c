/* expect: signedness error */
/*
 * Under the default (6.8) profile, min() of an int and an unsigned int is
 * a build error: -1 would compare as UINT_MAX.  Use umin() for values
 * known to be non-negative, or min_t() with an explicit type.
 */
#include <linux/minmax.h>

unsigned int kshim_cf_min_signedness(int a, unsigned int b);

unsigned int kshim_cf_min_signedness(int a, unsigned int b)
{
	return min(a, b);
}
