/* expect: BUILD_BUG_ON failed */
/* A mask with a hole (0x90) is refused. */
#include <linux/bitfield.h>

unsigned int prep(unsigned int val)
{
	return FIELD_PREP(0x90, val);
}
