/*
 * The other include order for test_ctype: <linux/ctype.h> before glibc's
 * <ctype.h> (test_ctype.c has glibc's first).  Both must compile and the
 * kernel's names must keep the kernel's meaning; glibc's other names
 * (isblank) keep glibc's.
 */
#include <linux/ctype.h>
#include <ctype.h>

#include "ctype_order.h"

int order_isalpha(int c)
{
	return isalpha(c);
}

int order_toupper(int c)
{
	return toupper(c);
}

int order_isblank(int c)
{
	return isblank(c);
}
