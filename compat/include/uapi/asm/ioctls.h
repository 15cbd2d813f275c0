/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm/ioctls.h - x86 uses the generic ioctl numbers (the generated
 * arch/x86/include/generated/uapi/asm/ioctls.h of 6.1).
 */
#include <asm-generic/ioctls.h>
