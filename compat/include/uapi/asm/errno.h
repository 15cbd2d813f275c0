/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm/errno.h - x86 uses the generic error codes (the generated
 * arch/x86/include/generated/uapi/asm/errno.h of 6.x).
 */
#include <asm-generic/errno.h>
