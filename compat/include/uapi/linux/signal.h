/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/signal.h - the architecture's signals (include/uapi/linux/
 * signal.h of 6.x, without the sigaltstack flags).
 */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include <asm/signal.h>

#endif /* _UAPI_LINUX_SIGNAL_H */
