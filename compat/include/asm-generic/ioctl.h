/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/ioctl.h - the ioctl encoding, with the kernel's size check.
 *
 * Follows include/asm-generic/ioctl.h of 6.1: in kernel code _IOR/_IOW/
 * _IOWR take a type whose size must fit _IOC_SIZEBITS (a size that does
 * not, or a value instead of a type, does not link, through
 * __invalid_size_argument_for_IOC).  Host code (tests) keeps the user
 * space form, sizeof(t), which is what the C library's headers expect.
 */
#ifndef _ASM_GENERIC_IOCTL_H
#define _ASM_GENERIC_IOCTL_H

#include <uapi/asm-generic/ioctl.h>

#ifdef __KERNEL__
/* provoke compile error for invalid uses of size argument */
extern unsigned int __invalid_size_argument_for_IOC;
#define _IOC_TYPECHECK(t) \
	((sizeof(t) == sizeof(t[1]) && \
	  sizeof(t) < (1 << _IOC_SIZEBITS)) ? \
	  sizeof(t) : __invalid_size_argument_for_IOC)
#endif

#endif /* _ASM_GENERIC_IOCTL_H */
