/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/ctype.h - character classes of the kernel's _ctype[] table.
 *
 * Follows include/linux/ctype.h of 6.x (table in lib/ctype.c, here
 * compat/lib/ctype.c).  The table classifies all 256 byte values: ASCII
 * as the C locale does, and Latin-1 0xA0-0xFF too (0xA0 is a hard space,
 * 0xC0-0xDE upper case, 0xDF-0xFF lower case, except the punctuation
 * 0xD7 and 0xF7); 0x80-0x9F are in no class.  The argument is taken as an
 * unsigned char, so EOF (-1) is 0xFF (a lower-case letter).  tolower()/
 * toupper() move between the two Latin-1 halves as well (toupper(0xDF)
 * is 0xBF, as in the kernel); _tolower() only sets bit 5.
 *
 * glibc's <ctype.h> declares functions and macros of the same names, with
 * the C locale's meaning.  Kernel code sees only this header.  Host code
 * (kshim itself, tests) that includes both, in either order, gets the
 * kernel's meaning: each name is a macro calling a kshim inline function
 * of the C library's type, int (int).  Were glibc's <ctype.h> first, its
 * macros are replaced; were it later, its prototypes (extern int
 * isalpha (int)...) declare our functions again, harmlessly, and
 * __NO_CTYPE keeps it from defining its macros.  Other glibc names
 * (isblank, tolower_l...) keep glibc's meaning.
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

#include <linux/compiler.h>

#define _U	0x01	/* upper */
#define _L	0x02	/* lower */
#define _D	0x04	/* digit */
#define _C	0x08	/* cntrl */
#define _P	0x10	/* punct */
#define _S	0x20	/* white space (space/lf/tab) */
#define _X	0x40	/* hex digit */
#define _SP	0x80	/* hard space (0x20) */

extern const unsigned char _ctype[];

#define __ismask(x)	(_ctype[(int)(unsigned char)(x)])

#define __kshim_isalnum(c)	((__ismask(c) & (_U | _L | _D)) != 0)
#define __kshim_isalpha(c)	((__ismask(c) & (_U | _L)) != 0)
#define __kshim_iscntrl(c)	((__ismask(c) & (_C)) != 0)
#define __kshim_isgraph(c)	((__ismask(c) & (_P | _U | _L | _D)) != 0)
#define __kshim_islower(c)	((__ismask(c) & (_L)) != 0)
#define __kshim_isprint(c)	((__ismask(c) & (_P | _U | _L | _D | _SP)) != 0)
#define __kshim_ispunct(c)	((__ismask(c) & (_P)) != 0)
/* Note: isspace() must return false for the NUL terminator. */
#define __kshim_isspace(c)	((__ismask(c) & (_S)) != 0)
#define __kshim_isupper(c)	((__ismask(c) & (_U)) != 0)
#define __kshim_isxdigit(c)	((__ismask(c) & (_D | _X)) != 0)
#define __kshim_isascii(c)	(((unsigned char)(c)) <= 0x7f)
#define __kshim_toascii(c)	(((unsigned char)(c)) & 0x7f)

/* ASCII digits only, whatever the table says. */
static inline int __kshim_isdigit(int c)
{
	return '0' <= c && c <= '9';
}

static inline unsigned char __tolower(unsigned char c)
{
	if (__kshim_isupper(c))
		c -= 'A' - 'a';
	return c;
}

static inline unsigned char __toupper(unsigned char c)
{
	if (__kshim_islower(c))
		c -= 'a' - 'A';
	return c;
}

/* Fast check for an octal digit. */
static inline int isodigit(const char c)
{
	return c >= '0' && c <= '7';
}

#ifdef __KERNEL__

#define isalnum(c)	__kshim_isalnum(c)
#define isalpha(c)	__kshim_isalpha(c)
#define iscntrl(c)	__kshim_iscntrl(c)
#define isgraph(c)	__kshim_isgraph(c)
#define islower(c)	__kshim_islower(c)
#define isprint(c)	__kshim_isprint(c)
#define ispunct(c)	__kshim_ispunct(c)
#define isspace(c)	__kshim_isspace(c)
#define isupper(c)	__kshim_isupper(c)
#define isxdigit(c)	__kshim_isxdigit(c)
#define isascii(c)	__kshim_isascii(c)
#define toascii(c)	__kshim_toascii(c)
#define isdigit(c)	__kshim_isdigit(c)
#define tolower(c)	__tolower(c)
#define toupper(c)	__toupper(c)

/*
 * Lower case of an ASCII letter, fast: only correct for letters (and
 * harmless for characters that are already lower case or digits).
 */
static inline char _tolower(const char c)
{
	return c | 0x20;
}

#else /* host code: coexist with glibc's <ctype.h> */

#define __KSHIM_CTYPE_FN(name, expr)					\
static inline int __kshim_ctype_##name(int __c)			\
{									\
	return (expr);							\
}

__KSHIM_CTYPE_FN(isalnum, __kshim_isalnum(__c))
__KSHIM_CTYPE_FN(isalpha, __kshim_isalpha(__c))
__KSHIM_CTYPE_FN(iscntrl, __kshim_iscntrl(__c))
__KSHIM_CTYPE_FN(isgraph, __kshim_isgraph(__c))
__KSHIM_CTYPE_FN(islower, __kshim_islower(__c))
__KSHIM_CTYPE_FN(isprint, __kshim_isprint(__c))
__KSHIM_CTYPE_FN(ispunct, __kshim_ispunct(__c))
__KSHIM_CTYPE_FN(isspace, __kshim_isspace(__c))
__KSHIM_CTYPE_FN(isupper, __kshim_isupper(__c))
__KSHIM_CTYPE_FN(isxdigit, __kshim_isxdigit(__c))
__KSHIM_CTYPE_FN(isascii, __kshim_isascii(__c))
__KSHIM_CTYPE_FN(toascii, __kshim_toascii(__c))
__KSHIM_CTYPE_FN(isdigit, __kshim_isdigit(__c))
__KSHIM_CTYPE_FN(tolower, __tolower(__c))
__KSHIM_CTYPE_FN(toupper, __toupper(__c))
__KSHIM_CTYPE_FN(_tolower, (char)(__c | 0x20))
#undef __KSHIM_CTYPE_FN

/* glibc's <ctype.h> still to come must not define these as macros. */
#ifndef __NO_CTYPE
#define __NO_CTYPE 1
#endif

#undef isalnum
#undef isalpha
#undef iscntrl
#undef isgraph
#undef islower
#undef isprint
#undef ispunct
#undef isspace
#undef isupper
#undef isxdigit
#undef isascii
#undef toascii
#undef isdigit
#undef tolower
#undef toupper
#undef _tolower

#define isalnum(c)	__kshim_ctype_isalnum(c)
#define isalpha(c)	__kshim_ctype_isalpha(c)
#define iscntrl(c)	__kshim_ctype_iscntrl(c)
#define isgraph(c)	__kshim_ctype_isgraph(c)
#define islower(c)	__kshim_ctype_islower(c)
#define isprint(c)	__kshim_ctype_isprint(c)
#define ispunct(c)	__kshim_ctype_ispunct(c)
#define isspace(c)	__kshim_ctype_isspace(c)
#define isupper(c)	__kshim_ctype_isupper(c)
#define isxdigit(c)	__kshim_ctype_isxdigit(c)
#define isascii(c)	__kshim_ctype_isascii(c)
#define toascii(c)	__kshim_ctype_toascii(c)
#define isdigit(c)	__kshim_ctype_isdigit(c)
#define tolower(c)	__kshim_ctype_tolower(c)
#define toupper(c)	__kshim_ctype_toupper(c)
#define _tolower(c)	__kshim_ctype__tolower(c)

#endif /* __KERNEL__ */

#endif /* _LINUX_CTYPE_H */
