// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/string.c - the kernel-only string functions of lib/string.c.
 *
 * Reproduces lib/string.c of 6.1 for the functions the C library does not
 * have: strscpy() (-E2BIG on truncation, a WARN_ON_ONCE for a size above
 * INT_MAX at the caller's line), strlcpy(), strlcat() (BUG when the
 * destination is not NUL-terminated within its size, as the kernel's
 * BUG_ON(dsize >= count)), strnchr(), strnchrnul(), skip_spaces(),
 * strim(), strnstr(), memset16/32/64(), memscan(), memchr_inv(),
 * strreplace(), sysfs_streq(), match_string(), __sysfs_match_string().
 * isspace() is the kernel's (lib/ctype.c: Latin-1 0xa0 is a space too),
 * not the C library's.  The standard functions are the C library's.
 */
#include <stdint.h>
#include <string.h>

#include <linux/string.h>
#include <linux/kernel.h>

/* lib/ctype.c's _S class: \t \n \v \f \r, space and Latin-1 NBSP. */
static bool kernel_isspace(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

ssize_t __kshim_sized_strscpy(char *dst, const char *src, size_t count,
			      const struct kshim_site *site)
{
	size_t i;

	if (count == 0)
		return -E2BIG;
	if (unlikely(count > INT_MAX)) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return -E2BIG;
	}
	for (i = 0; i < count - 1 && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
	return src[i] ? -E2BIG : (ssize_t)i;
}

ssize_t __kshim_sized_strscpy_pad(char *dst, const char *src, size_t count,
				  const struct kshim_site *site)
{
	ssize_t len = __kshim_sized_strscpy(dst, src, count, site);

	if (count && count <= INT_MAX) {
		size_t used = len < 0 ? count : (size_t)len + 1;

		memset(dst + used, 0, count - used);
	}
	return len;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t ret = strlen(src);

	if (size) {
		size_t len = ret < size - 1 ? ret : size - 1;

		memcpy(dest, src, len);
		dest[len] = '\0';
	}
	return ret;
}

size_t __kshim_strlcat(char *dest, const char *src, size_t count,
		       const struct kshim_site *site)
{
	size_t dsize = strlen(dest);
	size_t len = strlen(src);
	size_t res = dsize + len;

	if (unlikely(dsize >= count))
		__kshim_bug(site->file, site->line, site->func, site->mod);
	dest += dsize;
	count -= dsize;
	if (len >= count)
		len = count - 1;
	memcpy(dest, src, len);
	dest[len] = '\0';
	return res;
}

char *strnchr(const char *s, size_t count, int c)
{
	for (; count; count--, s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			break;
	}
	return NULL;
}

char *strnchrnul(const char *s, size_t count, int c)
{
	while (count && *s && *s != (char)c) {
		s++;
		count--;
	}
	return (char *)s;
}

char *skip_spaces(const char *str)
{
	while (kernel_isspace((unsigned char)*str))
		str++;
	return (char *)str;
}

char *strim(char *s)
{
	size_t size = strlen(s);
	char *end;

	if (!size)
		return s;
	end = s + size;
	while (end > s && kernel_isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	return skip_spaces(s);
}

char *strnstr(const char *s1, const char *s2, size_t len)
{
	size_t l2 = strlen(s2);

	if (!l2)
		return (char *)s1;
	for (; len >= l2; len--, s1++)
		if (!memcmp(s1, s2, l2))
			return (char *)s1;
	return NULL;
}

void *memset16(uint16_t *s, uint16_t v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

void *memset32(uint32_t *s, uint32_t v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

void *memset64(uint64_t *s, uint64_t v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

void *memscan(void *addr, int c, size_t size)
{
	unsigned char *p = addr;

	for (; size; size--, p++)
		if (*p == (unsigned char)c)
			break;
	return p;
}

void *memchr_inv(const void *start, int c, size_t bytes)
{
	const unsigned char *p = start;
	unsigned char value = (unsigned char)c;

	for (; bytes; bytes--, p++)
		if (*p != value)
			return (void *)p;
	return NULL;
}

char *strreplace(char *s, char old, char new)
{
	for (; *s; s++)
		if (*s == old)
			*s = new;
	return s;
}

bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	/* One trailing newline on either side is ignored. */
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	if (*s1 == '\n' && !s1[1] && !*s2)
		return true;
	return false;
}

int match_string(const char * const *array, size_t n, const char *string)
{
	size_t i;

	for (i = 0; i < n && array[i]; i++)
		if (!strcmp(array[i], string))
			return (int)i;
	return -EINVAL;
}

int __sysfs_match_string(const char * const *array, size_t n,
			 const char *str)
{
	size_t i;

	for (i = 0; i < n && array[i]; i++)
		if (sysfs_streq(array[i], str))
			return (int)i;
	return -EINVAL;
}
