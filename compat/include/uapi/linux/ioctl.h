/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/ioctl.h - _IO/_IOR/_IOW/_IOWR (include/uapi/linux/ioctl.h of
 * 6.1: the architecture's asm/ioctl.h).
 */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H

#include <asm/ioctl.h>

#endif /* _LINUX_IOCTL_H */
