/* expect: FIELD_PREP: mask is not constant */
/* FIELD_PREP() needs a compile-time constant mask (field_prep() does not). */
#include <linux/bitfield.h>

unsigned int prep(unsigned int mask, unsigned int val)
{
	return FIELD_PREP(mask, val);
}
