/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/string.h - the C string functions plus kernel-only helpers.
 *
 * Follows include/linux/string.h of 6.x.  The standard functions (memcpy,
 * strlen, strcmp...) behave as lib/string.c's and are the C library's at
 * run time: kernel code (-nostdinc) sees the kernel's prototypes, host code
 * glibc's <string.h>.  The kernel-only ones that need no runtime are
 * inline here.  strscpy() takes the 6.9 optional
 * size: strscpy(dst, src) uses sizeof(dst), which must be an array.  The
 * kernel's strscpy also refuses sizes above INT_MAX, as we do.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/limits.h>

#ifdef __KERNEL__
extern char *strcpy(char *, const char *);
extern char *strncpy(char *, const char *, __kernel_size_t);
extern char *strcat(char *, const char *);
extern char *strncat(char *, const char *, __kernel_size_t);
extern int strcmp(const char *, const char *);
extern int strncmp(const char *, const char *, __kernel_size_t);
extern int strcasecmp(const char *s1, const char *s2);
extern int strncasecmp(const char *s1, const char *s2, size_t n);
extern char *strchr(const char *, int);
extern char *strchrnul(const char *, int);
extern char *strrchr(const char *, int);
extern char *strstr(const char *, const char *);
extern __kernel_size_t strlen(const char *);
extern __kernel_size_t strnlen(const char *, __kernel_size_t);
extern char *strpbrk(const char *, const char *);
extern char *strsep(char **, const char *);
extern __kernel_size_t strspn(const char *, const char *);
extern __kernel_size_t strcspn(const char *, const char *);
extern void *memset(void *, int, __kernel_size_t);
extern void *memcpy(void *, const void *, __kernel_size_t);
extern void *memmove(void *, const void *, __kernel_size_t);
extern int memcmp(const void *, const void *, __kernel_size_t);
extern int bcmp(const void *, const void *, __kernel_size_t);
extern void *memchr(const void *, int, __kernel_size_t);
#else
#include <string.h>
#endif

/*
 * Copy the C string @src into the @count-byte buffer @dst, always NUL
 * terminated (unless @count is 0).  Returns the length of the copy, or
 * -E2BIG when @src did not fit (the copy is then truncated) or @count is 0.
 */
static inline ssize_t sized_strscpy(char *dst, const char *src, size_t count)
{
	size_t i;

	if (count == 0 || count > INT_MAX)
		return -E2BIG;
	for (i = 0; i < count; i++) {
		char c = src[i];

		if (c == '\0' || i == count - 1) {
			dst[i] = '\0';
			return c == '\0' ? (ssize_t)i : -E2BIG;
		}
		dst[i] = c;
	}
	return -E2BIG;	/* not reached */
}

/* As sized_strscpy(), and the rest of @dst is filled with NULs. */
static inline ssize_t sized_strscpy_pad(char *dst, const char *src,
					size_t count)
{
	ssize_t len = sized_strscpy(dst, src, count);

	if (len >= 0 && (size_t)len + 1 < count)
		memset(dst + len + 1, 0, count - (size_t)len - 1);
	return len;
}

/* strscpy(dst, src) or strscpy(dst, src, count). */
#define __kshim_strscpy_sel(_1, _2, _3, name, ...)	name
#define __kshim_strscpy_arr(dst, src)					\
	sized_strscpy(dst, src, sizeof(dst) + __must_be_array(dst))
#define __kshim_strscpy_pad_arr(dst, src)				\
	sized_strscpy_pad(dst, src, sizeof(dst) + __must_be_array(dst))
#define strscpy(...)							\
	__kshim_strscpy_sel(__VA_ARGS__, sized_strscpy,			\
			    __kshim_strscpy_arr, ~)(__VA_ARGS__)
#define strscpy_pad(...)						\
	__kshim_strscpy_sel(__VA_ARGS__, sized_strscpy_pad,		\
			    __kshim_strscpy_pad_arr, ~)(__VA_ARGS__)

/* Does @str start with @prefix? */
static inline bool strstarts(const char *str, const char *prefix)
{
	return strncmp(str, prefix, strlen(prefix)) == 0;
}

/* strlen(@prefix) if @str starts with it, else 0. */
static inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

#endif /* _LINUX_STRING_H */
