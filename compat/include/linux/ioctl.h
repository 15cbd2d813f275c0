/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * linux/ioctl.h - _IO/_IOR/_IOW/_IOWR and _IOC_* for drivers' commands.
 *
 * The kernel has no include/linux/ioctl.h: kernel code finds
 * include/uapi/linux/ioctl.h (6.1), which includes the architecture's
 * asm/ioctl.h.  kshim's host code has no uapi directory on its path, and
 * the C library's <sys/ioctl.h> includes <linux/ioctl.h> by name, so this
 * file is that uapi header under the same guard.
 */
#include <uapi/linux/ioctl.h>
