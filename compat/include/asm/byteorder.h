/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/byteorder.h - x86 is little-endian.
 *
 * Follows arch/x86/include/uapi/asm/byteorder.h of 6.x: everything comes
 * from linux/byteorder/little_endian.h (cpu_to_le32(), be16_to_cpu()...).
 */
#ifndef _ASM_X86_BYTEORDER_H
#define _ASM_X86_BYTEORDER_H

#include <linux/byteorder/little_endian.h>

#endif /* _ASM_X86_BYTEORDER_H */
