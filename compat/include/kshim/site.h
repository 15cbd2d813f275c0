/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kshim/site.h - the caller's position, handed from a macro to kshim.
 *
 * kshim-internal (no kernel counterpart): the kernel's debug reports name
 * the kernel's own file:line, kshim's name the driver's.  So every kernel
 * API that can report is a macro that captures its caller's position with
 * __KSHIM_CALLSITE: a pointer to a static constant struct kshim_site
 * (file, line, function, KBUILD_MODNAME), one argument instead of four and
 * nothing built at run time.  __KSHIM_MODNAME is the caller's module name,
 * or NULL outside kernel code built as a module.
 */
#ifndef _KSHIM_SITE_H
#define _KSHIM_SITE_H

#ifdef KBUILD_MODNAME
#define __KSHIM_MODNAME KBUILD_MODNAME
#else
#define __KSHIM_MODNAME NULL
#endif

struct kshim_site {
	const char *file;
	int line;
	const char *func;
	const char *mod;	/* KBUILD_MODNAME of the caller, or NULL */
};

#define __KSHIM_CALLSITE						\
({									\
	static const struct kshim_site __kshim_site = {			\
		__FILE__, __LINE__, __func__, __KSHIM_MODNAME		\
	};								\
	&__kshim_site;							\
})

/* A site's parts, "?" and 0 when it (or the part) is unknown. */
static inline const char *kshim_site_file(const struct kshim_site *s)
{
	return s && s->file ? s->file : "?";
}

static inline int kshim_site_line(const struct kshim_site *s)
{
	return s ? s->line : 0;
}

static inline const char *kshim_site_func(const struct kshim_site *s)
{
	return s && s->func ? s->func : "?";
}

#endif /* _KSHIM_SITE_H */
