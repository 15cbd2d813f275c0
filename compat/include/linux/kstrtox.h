/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kstrtox.h - kstrto*() string to integer conversion.
 *
 * Follows include/linux/kstrtox.h and lib/kstrtox.c of 6.x: the whole
 * string must be a number in the given base (0 = auto: 0x hex, 0 octal),
 * a single trailing newline is allowed, a leading '+' is accepted, '-'
 * only for signed types; out of range gives -ERANGE, anything else
 * -EINVAL.  kstrtobool() accepts y/Y/1/on and n/N/0/off.
 * simple_strto*() (declared here as in 6.1) parse as far as digits go.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/compiler.h>
#include <linux/types.h>

int __must_check kstrtoull(const char *s, unsigned int base,
			   unsigned long long *res);
int __must_check kstrtoll(const char *s, unsigned int base, long long *res);
int __must_check kstrtoul(const char *s, unsigned int base,
			  unsigned long *res);
int __must_check kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtouint(const char *s, unsigned int base,
			    unsigned int *res);
int __must_check kstrtoint(const char *s, unsigned int base, int *res);
int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
int __must_check kstrtos16(const char *s, unsigned int base, s16 *res);
int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
int __must_check kstrtos8(const char *s, unsigned int base, s8 *res);
int __must_check kstrtobool(const char *s, bool *res);

static inline int __must_check kstrtou64(const char *s, unsigned int base,
					 u64 *res)
{
	return kstrtoull(s, base, (unsigned long long *)res);
}

static inline int __must_check kstrtos64(const char *s, unsigned int base,
					 s64 *res)
{
	return kstrtoll(s, base, (long long *)res);
}

static inline int __must_check kstrtou32(const char *s, unsigned int base,
					 u32 *res)
{
	return kstrtouint(s, base, res);
}

static inline int __must_check kstrtos32(const char *s, unsigned int base,
					 s32 *res)
{
	return kstrtoint(s, base, res);
}

/*
 * The lenient forerunners (lib/vsprintf.c): digits as far as they go, the
 * end through @endp, no range check; "use only for convenience".
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);

/* 6.1 keeps the old name (removed in 6.2). */
static inline int strtobool(const char *s, bool *res)
{
	return kstrtobool(s, res);
}

#endif /* _LINUX_KSTRTOX_H */
