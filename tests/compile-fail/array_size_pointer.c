/* expect: argument is a pointer, not an array */
/* ARRAY_SIZE() of a pointer (here a decayed array parameter) is refused. */
#include <linux/kernel.h>

int kshim_cf_array_size_pointer(int *values);

int kshim_cf_array_size_pointer(int *values)
{
	return (int)ARRAY_SIZE(values);
}
