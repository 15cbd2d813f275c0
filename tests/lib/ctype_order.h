/* ctype_order.c: linux/ctype.h included before glibc's <ctype.h>. */
#ifndef _TESTS_LIB_CTYPE_ORDER_H
#define _TESTS_LIB_CTYPE_ORDER_H

int order_isalpha(int c);
int order_toupper(int c);
int order_isblank(int c);

#endif
