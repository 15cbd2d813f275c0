/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/errno.h - the architecture's error codes (include/uapi/linux/
 * errno.h of 6.x).
 */
#include <asm/errno.h>
