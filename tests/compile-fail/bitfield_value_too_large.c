/* expect: FIELD_PREP: value too large for the field */
#include <linux/bitfield.h>
#include <linux/bits.h>

unsigned int prep(void)
{
	return FIELD_PREP(GENMASK(7, 4), 0x10);
}
