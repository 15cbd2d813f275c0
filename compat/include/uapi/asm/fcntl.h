/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm/fcntl.h - x86 uses the generic open flags (the generated
 * arch/x86/include/generated/uapi/asm/fcntl.h of 6.1).
 */
#include <asm-generic/fcntl.h>
