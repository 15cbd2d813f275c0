// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kasprintf.c - lib/kasprintf.c of 6.1: the kernel's
 * asprintf().  The string is formatted twice with the kernel's vsnprintf
 * (compat/lib/vsprintf.c: %p hashing, %pS, "(null)"...), once to size
 * the kmalloc() and once into it; if the two disagree (an argument
 * changed in between) the kernel's WARN says so.  kvasprintf_const()
 * returns a format without '%' (or the sole argument of "%s") itself
 * when it is read-only data, as kstrdup_const() does.
 */
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "kshim/internal.h"

/* The kernel's vsnprintf (compat/lib/vsprintf.c), not glibc's. */
int kshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

char *__kshim_kvasprintf(const struct kshim_site *site, gfp_t gfp,
			 const char *fmt, va_list ap)
{
	unsigned int first, second;
	char *p;
	va_list aq;

	va_copy(aq, ap);
	first = kshim_vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);

	p = __kshim_kmalloc(first + 1, gfp, NUMA_NO_NODE, site);
	if (!p)
		return NULL;

	second = kshim_vsnprintf(p, first + 1, fmt, ap);
	if (first != second)
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN,
			     "different return values (%u and %u) from vsnprintf(\"%s\", ...)",
			     first, second, fmt);
	return p;
}

const char *__kshim_kvasprintf_const(const struct kshim_site *site,
				     gfp_t gfp, const char *fmt, va_list ap)
{
	if (!strchr(fmt, '%'))
		return __kshim_kstrdup_const(fmt, gfp, site);
	if (!strcmp(fmt, "%s"))
		return __kshim_kstrdup_const(va_arg(ap, const char *), gfp,
					     site);
	return __kshim_kvasprintf(site, gfp, fmt, ap);
}

char *__kshim_kasprintf(const struct kshim_site *site, gfp_t gfp,
			const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = __kshim_kvasprintf(site, gfp, fmt, ap);
	va_end(ap);
	return p;
}
