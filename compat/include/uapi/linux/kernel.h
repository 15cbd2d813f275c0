/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/kernel.h - what user space gets from <linux/kernel.h>
 * (include/uapi/linux/kernel.h of 6.x): struct sysinfo and const.h.
 */
#ifndef _UAPI_LINUX_KERNEL_H
#define _UAPI_LINUX_KERNEL_H

#include <linux/sysinfo.h>
#include <linux/const.h>

#endif /* _UAPI_LINUX_KERNEL_H */
