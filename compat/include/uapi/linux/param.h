/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/param.h - the architecture's parameters (include/uapi/linux/
 * param.h of 6.x).  Kernel code reaches it as <linux/param.h>.
 */
#ifndef _LINUX_PARAM_H
#define _LINUX_PARAM_H

#include <asm/param.h>

#endif /* _LINUX_PARAM_H */
