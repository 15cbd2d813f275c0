/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/export.h - EXPORT_SYMBOL and friends.
 *
 * Follows include/linux/export.h: in a test program every driver is
 * statically linked, so exporting only checks that the symbol exists and
 * is declared as what it is.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#define __KSHIM_EXPORT(sym) extern typeof(sym) sym

/*
 * THIS_MODULE: the module the file belongs to (linux/module.h defines the
 * object).  With __KBUILD_MODNAME (kbuild's kmod_<name>), all files of a
 * module share it; without, each file has its own; without KBUILD_MODNAME
 * the file is no module (NULL).
 */
struct module;
#define __KSHIM_PASTE_(a, b) a##b
#define __KSHIM_PASTE(a, b) __KSHIM_PASTE_(a, b)
#if defined(KBUILD_MODNAME) && defined(__KBUILD_MODNAME)
extern struct module __KSHIM_PASTE(__KBUILD_MODNAME, __this_module);
#define THIS_MODULE (&__KSHIM_PASTE(__KBUILD_MODNAME, __this_module))
#elif defined(KBUILD_MODNAME)
#define THIS_MODULE (&__kshim_this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#define EXPORT_SYMBOL(sym)		__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_GPL(sym)		__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_NS(sym, ns)	__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_GPL_FUTURE(sym)	__KSHIM_EXPORT(sym)

/* What the kernel's linux/export.h also makes visible. */
#include <linux/compiler.h>
#include <linux/stringify.h>

#endif /* _LINUX_EXPORT_H */
