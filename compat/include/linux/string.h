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
#include <kshim/site.h>

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
 * -E2BIG when @src did not fit (the copy is then truncated) or @count is 0
 * or above INT_MAX (which also WARNs once, as lib/string.c does, at the
 * caller's line).  The _pad form fills the rest of @dst with NULs.
 * (compat/lib/string.c)
 */
ssize_t __kshim_sized_strscpy(char *dst, const char *src, size_t count,
			      const struct kshim_site *site);
ssize_t __kshim_sized_strscpy_pad(char *dst, const char *src, size_t count,
				  const struct kshim_site *site);
#define sized_strscpy(dst, src, count)					\
	__kshim_sized_strscpy(dst, src, count, __KSHIM_CALLSITE)
#define sized_strscpy_pad(dst, src, count)				\
	__kshim_sized_strscpy_pad(dst, src, count, __KSHIM_CALLSITE)

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

/*
 * The kernel-only functions of lib/string.c (compat/lib/string.c).
 * strlcat() BUGs, at the caller's line, when @dest is not NUL-terminated
 * within @count bytes (lib/string.c's BUG_ON(dsize >= count)).  glibc
 * 2.38 declares strlcpy()/strlcat() with the same prototypes and meaning.
 */
size_t strlcpy(char *, const char *, size_t);
size_t __kshim_strlcat(char *dest, const char *src, size_t count,
		       const struct kshim_site *site);
#define strlcat(dest, src, count)					\
	__kshim_strlcat(dest, src, count, __KSHIM_CALLSITE)
extern char *strnchrnul(const char *, size_t, int);
extern char *strnchr(const char *, size_t, int);
extern char * __must_check skip_spaces(const char *);
extern char *strim(char *);

static inline __must_check char *strstrip(char *str)
{
	return strim(str);
}

extern char *strnstr(const char *, const char *, size_t);
extern void *memset16(uint16_t *, uint16_t, __kernel_size_t);
extern void *memset32(uint32_t *, uint32_t, __kernel_size_t);
extern void *memset64(uint64_t *, uint64_t, __kernel_size_t);

static inline void *memset_l(unsigned long *p, unsigned long v,
			     __kernel_size_t n)
{
	return memset64((uint64_t *)p, v, n);
}

static inline void *memset_p(void **p, void *v, __kernel_size_t n)
{
	return memset64((uint64_t *)p, (uintptr_t)v, n);
}

extern void *memscan(void *, int, __kernel_size_t);
void *memchr_inv(const void *s, int c, size_t n);
char *strreplace(char *s, char old, char new);

static inline bool mem_is_zero(const void *s, size_t n)
{
	return !memchr_inv(s, 0, n);
}

extern bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char * const *array, size_t n, const char *string);
int __sysfs_match_string(const char * const *array, size_t n, const char *s);

#define sysfs_match_string(_a, _s)					\
	__sysfs_match_string(_a, ARRAY_SIZE(_a), _s)

/*
 * mm/util.c (compat/mm/util.c): copies in kmalloc() memory, allocated at
 * the caller's line.  kstrdup_const() returns @s itself when it is
 * read-only data (a string literal: kshim asks the loaded objects'
 * read-only segments, its is_kernel_rodata()), and kfree_const() frees
 * anything else.  kfree_const() is a real function too.
 */
char *__kshim_kstrdup(const char *s, gfp_t gfp, const struct kshim_site *site);
const char *__kshim_kstrdup_const(const char *s, gfp_t gfp,
				  const struct kshim_site *site);
char *__kshim_kstrndup(const char *s, size_t max, gfp_t gfp,
		       const struct kshim_site *site);
void *__kshim_kmemdup(const void *src, size_t len, gfp_t gfp,
		      const struct kshim_site *site);
char *__kshim_kmemdup_nul(const char *s, size_t len, gfp_t gfp,
			  const struct kshim_site *site);
void __kshim_kfree_const(const void *x, const struct kshim_site *site);
extern void kfree_const(const void *x);

#define kstrdup(s, gfp)		__kshim_kstrdup(s, gfp, __KSHIM_CALLSITE)
#define kstrdup_const(s, gfp)	__kshim_kstrdup_const(s, gfp, __KSHIM_CALLSITE)
#define kstrndup(s, max, gfp)	__kshim_kstrndup(s, max, gfp, __KSHIM_CALLSITE)
#define kmemdup(src, len, gfp)	__kshim_kmemdup(src, len, gfp, __KSHIM_CALLSITE)
#define kmemdup_nul(s, len, gfp)					\
	__kshim_kmemdup_nul(s, len, gfp, __KSHIM_CALLSITE)
#define kfree_const(x)		__kshim_kfree_const(x, __KSHIM_CALLSITE)

/* memset() that the compiler may not drop (secrets on the stack). */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	barrier_data(s);
}

static inline const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

/* lib/string_helpers.c */
void memcpy_and_pad(void *dest, size_t dest_len, const void *src,
		    size_t count, int pad);

/*
 * Copy the string @src into the character array @dest (whose size the
 * compiler must know, else the build fails, as in 6.1) without a NUL
 * terminator: strtomem() leaves the bytes of @dest after the string as
 * they were, strtomem_pad() fills them with @pad.  At most sizeof(dest)
 * bytes of @src are read.
 */
#define strtomem_pad(dest, src, pad)	do {				\
	const size_t __kshim_dlen = __builtin_object_size(dest, 1);	\
									\
	BUILD_BUG_ON(!__builtin_constant_p(__kshim_dlen) ||		\
		     __kshim_dlen == (size_t)-1);			\
	memcpy_and_pad(dest, __kshim_dlen, src,				\
		       strnlen(src, __kshim_dlen), pad);		\
} while (0)

#define strtomem(dest, src)	do {					\
	const size_t __kshim_dlen = __builtin_object_size(dest, 1);	\
									\
	BUILD_BUG_ON(!__builtin_constant_p(__kshim_dlen) ||		\
		     __kshim_dlen == (size_t)-1);			\
	memcpy(dest, src, strnlen(src, __kshim_dlen));			\
} while (0)

#define memset_after(obj, v, member)					\
({									\
	u8 *__ptr = (u8 *)(obj);					\
	typeof(v) __val = (v);						\
	memset(__ptr + offsetofend(typeof(*(obj)), member), __val,	\
	       sizeof(*(obj)) - offsetofend(typeof(*(obj)), member));	\
})

#define memset_startat(obj, v, member)					\
({									\
	u8 *__ptr = (u8 *)(obj);					\
	typeof(v) __val = (v);						\
	memset(__ptr + offsetof(typeof(*(obj)), member), __val,	\
	       sizeof(*(obj)) - offsetof(typeof(*(obj)), member));	\
})

/* The value %p prints for @ptr (lib/vsprintf.c): a 32-bit keyed hash. */
int ptr_to_hashval(const void *ptr, unsigned long *hashval_out);

/* fs/libfs.c: copy from @from[*@ppos, @available) and move *@ppos on. */
extern ssize_t memory_read_from_buffer(void *to, size_t count, loff_t *ppos,
				       const void *from, size_t available);

/* What the kernel's linux/string.h also makes visible. */
#include <linux/array_size.h>
#include <linux/err.h>
#include <linux/jump_label.h>
#include <linux/overflow.h>
#include <linux/stdarg.h>

#endif /* _LINUX_STRING_H */
