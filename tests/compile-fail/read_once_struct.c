/* expect: Unsupported access size for {READ,WRITE}_ONCE() */
/* READ_ONCE() only takes 1, 2, 4 or 8-byte objects; 16 bytes is refused. */
#include <linux/compiler.h>
#include <linux/types.h>

struct pair {
	u64 a, b;
};

u64 kshim_cf_read_once_struct(struct pair *p);

u64 kshim_cf_read_once_struct(struct pair *p)
{
	struct pair copy = READ_ONCE(*p);

	return copy.a + copy.b;
}
