/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm-generic/types.h - fixed-width types (include/uapi/asm-generic/
 * types.h of 6.x: int-ll64 everywhere).
 */
#ifndef _ASM_GENERIC_TYPES_H
#define _ASM_GENERIC_TYPES_H

#include <asm-generic/int-ll64.h>

#endif /* _ASM_GENERIC_TYPES_H */
