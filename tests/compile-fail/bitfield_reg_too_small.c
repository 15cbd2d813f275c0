/* expect: FIELD_GET: type of reg too small for mask */
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/types.h>

unsigned int get(u8 reg)
{
	return FIELD_GET(GENMASK(11, 4), reg);
}
