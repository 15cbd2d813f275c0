/* expect: FIELD_GET: mask is zero */
#include <linux/bitfield.h>

unsigned int get(unsigned int reg)
{
	return FIELD_GET(0, reg);
}
