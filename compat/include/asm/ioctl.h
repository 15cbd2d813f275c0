/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * asm/ioctl.h - x86 uses the generic ioctl encoding (the generated
 * arch/x86/include/generated/uapi/asm/ioctl.h of 6.1).  The C library's
 * <sys/ioctl.h> reaches this file by name too.
 */
#include <asm-generic/ioctl.h>
