/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm-generic/bitsperlong.h - the word size user space sees.
 *
 * Follows include/uapi/asm-generic/bitsperlong.h of 6.x; x86-64 only.
 */
#ifndef _UAPI__ASM_GENERIC_BITS_PER_LONG
#define _UAPI__ASM_GENERIC_BITS_PER_LONG

#ifndef __BITS_PER_LONG
#define __BITS_PER_LONG 64
#endif

#endif /* _UAPI__ASM_GENERIC_BITS_PER_LONG */
