/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/const.h - typed-constant helpers usable from C and assembly.
 *
 * Follows include/linux/const.h + include/vdso/const.h of 6.x.  The host
 * UAPI <linux/const.h> (_AC, _AT, _UL, _ULL, _BITUL, __ALIGN_KERNEL...) is
 * included first: host UAPI headers, and glibc's <sys/sysinfo.h> through
 * <linux/kernel.h>, include it by name and must get what they expect.  It
 * uses the guard _LINUX_CONST_H, hence the different guard here.
 */
#ifndef _KSHIM_LINUX_CONST_H
#define _KSHIM_LINUX_CONST_H

#include_next <linux/const.h>

#define UL(x)		(_UL(x))
#define ULL(x)		(_ULL(x))

#endif /* _KSHIM_LINUX_CONST_H */
