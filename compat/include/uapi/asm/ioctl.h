/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm/ioctl.h - x86 uses the generic ioctl encoding (the generated
 * arch/x86/include/generated/uapi/asm/ioctl.h of 6.1).
 */
#include <asm-generic/ioctl.h>
