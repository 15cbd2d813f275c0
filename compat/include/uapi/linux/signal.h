/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/signal.h - the architecture's signals and the si_codes kshim
 * has (include/uapi/linux/signal.h of 6.x, without the sigaltstack flags).
 */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include <asm/signal.h>
#include <uapi/asm-generic/siginfo.h>	/* as asm/siginfo.h */

#endif /* _UAPI_LINUX_SIGNAL_H */
