/* expect: FIELD_MAX: mask is not constant */
#include <linux/bitfield.h>

unsigned long max_of(unsigned long mask)
{
	return FIELD_MAX(mask);
}
