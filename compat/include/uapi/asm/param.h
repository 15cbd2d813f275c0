/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm/param.h - x86 uses the generic parameters (the generated
 * arch/x86/include/generated/uapi/asm/param.h of 6.x).
 */
#include <asm-generic/param.h>
