/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/const.h - typed-constant helpers usable from C and assembly.
 *
 * Follows include/linux/const.h + include/vdso/const.h of 6.x: the UAPI
 * part (_AC, _AT, _UL, _ULL, _BITUL, __ALIGN_KERNEL...) and UL()/ULL().
 */
#ifndef _KSHIM_LINUX_CONST_H
#define _KSHIM_LINUX_CONST_H

#include <uapi/linux/const.h>

#define UL(x)		(_UL(x))
#define ULL(x)		(_ULL(x))

/* What the kernel's linux/const.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _KSHIM_LINUX_CONST_H */
