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

#define EXPORT_SYMBOL(sym)		__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_GPL(sym)		__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_NS(sym, ns)	__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__KSHIM_EXPORT(sym)
#define EXPORT_SYMBOL_GPL_FUTURE(sym)	__KSHIM_EXPORT(sym)

/* What the kernel's linux/export.h also makes visible. */
#include <linux/compiler.h>
#include <linux/stringify.h>

#endif /* _LINUX_EXPORT_H */
