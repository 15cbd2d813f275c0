/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/unaligned.h - unaligned access helpers (get_unaligned_le32()...).
 *
 * x86 has no header of its own in 6.x: kbuild maps <asm/unaligned.h> to
 * include/asm-generic/unaligned.h, as this file does.
 */
#ifndef _ASM_X86_UNALIGNED_H
#define _ASM_X86_UNALIGNED_H

#include <asm-generic/unaligned.h>

#endif /* _ASM_X86_UNALIGNED_H */
