/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm/bitsperlong.h - x86-64's word size (arch/x86/include/uapi/asm/
 * bitsperlong.h of 6.x, 64-bit only).
 */
#ifndef __ASM_X86_BITSPERLONG_H
#define __ASM_X86_BITSPERLONG_H

#define __BITS_PER_LONG 64

#include <asm-generic/bitsperlong.h>

#endif /* __ASM_X86_BITSPERLONG_H */
