// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kstrtox.c - kstrto*(): strict string to integer conversion.
 *
 * Behaves as lib/kstrtox.c: base 0 picks 16 for "0x", 8 for a leading 0,
 * else 10; base 16 also accepts "0x"; the number must use the whole
 * string except for one trailing newline; overflow is -ERANGE, anything
 * malformed -EINVAL.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>

#include <linux/kstrtox.h>

static unsigned int fixup_radix(const char **sp, unsigned int base)
{
	const char *s = *sp;

	if (base == 0) {
		if (s[0] == '0' && tolower((unsigned char)s[1]) == 'x' &&
		    isxdigit((unsigned char)s[2]))
			base = 16;
		else if (s[0] == '0')
			base = 8;
		else
			base = 10;
	}
	if (base == 16 && s[0] == '0' && tolower((unsigned char)s[1]) == 'x')
		*sp = s + 2;
	return base;
}

/* The value of digit @c in @base, or -1 when it is not one. */
static int digit(char c, unsigned int base)
{
	int l = tolower((unsigned char)c);
	unsigned int d;

	if (l >= '0' && l <= '9')
		d = l - '0';
	else if (l >= 'a' && l <= 'f')
		d = l - 'a' + 10;
	else
		return -1;
	return d < base ? (int)d : -1;
}

static int parse_ull(const char *s, unsigned int base,
		     unsigned long long *res)
{
	unsigned long long acc = 0;
	bool overflow = false;
	const char *start;

	base = fixup_radix(&s, base);
	if (base < 2 || base > 16)
		return -EINVAL;
	start = s;
	for (; *s; s++) {
		int d = digit(*s, base);

		if (d < 0)
			break;
		if (acc > (ULLONG_MAX - d) / base)
			overflow = true;
		acc = acc * base + d;
	}
	if (s == start)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = acc;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long tmp;
	int rv;

	if (s[0] == '-') {
		rv = parse_ull(s + 1, base, &tmp);
		if (rv)
			return rv;
		if (tmp > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = -(long long)(tmp - 1) - 1;
		return 0;
	}
	rv = kstrtoull(s, base, &tmp);
	if (rv)
		return rv;
	if (tmp > LLONG_MAX)
		return -ERANGE;
	*res = tmp;
	return 0;
}

/* Narrower types: parse wide, then range-check. */
#define KSTRTO_UNSIGNED(name, type, max)				\
int name(const char *s, unsigned int base, type *res)			\
{									\
	unsigned long long tmp;						\
	int rv = kstrtoull(s, base, &tmp);				\
									\
	if (rv)								\
		return rv;						\
	if (tmp > (max))						\
		return -ERANGE;						\
	*res = tmp;							\
	return 0;							\
}

#define KSTRTO_SIGNED(name, type, min, max)				\
int name(const char *s, unsigned int base, type *res)			\
{									\
	long long tmp;							\
	int rv = kstrtoll(s, base, &tmp);				\
									\
	if (rv)								\
		return rv;						\
	if (tmp < (min) || tmp > (max))					\
		return -ERANGE;						\
	*res = tmp;							\
	return 0;							\
}

KSTRTO_UNSIGNED(kstrtoul, unsigned long, ULONG_MAX)
KSTRTO_SIGNED(kstrtol, long, LONG_MIN, LONG_MAX)
KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX)
KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX)
KSTRTO_UNSIGNED(kstrtou16, u16, USHRT_MAX)
KSTRTO_SIGNED(kstrtos16, s16, SHRT_MIN, SHRT_MAX)
KSTRTO_UNSIGNED(kstrtou8, u8, UCHAR_MAX)
KSTRTO_SIGNED(kstrtos8, s8, SCHAR_MIN, SCHAR_MAX)

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		switch (s[1]) {
		case 'n': case 'N':
			*res = true;
			return 0;
		case 'f': case 'F':
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

/*
 * simple_strto*(): the old, lenient conversions (the kernel has them in
 * lib/vsprintf.c; they share the radix rule above).  As many digits as
 * there are, no whitespace skipped, no '+'; a value too big wraps (no
 * error exists); *endp is left after the last digit taken, after a "0x"
 * prefix taken with base 16 even when no digit follows, and at the start
 * when nothing was taken.
 */
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long acc = 0;
	const char *s = cp;

	base = fixup_radix(&s, base);
	for (;; s++) {
		int d = digit(*s, base);

		if (d < 0)
			break;
		acc = acc * base + d;
	}
	if (endp)
		*endp = (char *)s;
	return acc;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
