/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm-generic/siginfo.h - the SIGPOLL si_codes only (6.1 values):
 * the band kill_fasync() passes (POLL_IN, POLL_OUT ...).  In host code
 * glibc's <signal.h> (included first) has the same names, which stay.
 * uapi/linux/signal.h makes them visible, as the kernel's does.
 */
#ifndef _UAPI_ASM_GENERIC_SIGINFO_H
#define _UAPI_ASM_GENERIC_SIGINFO_H

#ifndef __KERNEL__
#include <signal.h>
#endif

#ifndef POLL_IN
#define POLL_IN		1	/* data input available */
#define POLL_OUT	2	/* output buffers available */
#define POLL_MSG	3	/* input message available */
#define POLL_ERR	4	/* i/o error */
#define POLL_PRI	5	/* high priority input available */
#define POLL_HUP	6	/* device disconnected */
#endif
#define NSIGPOLL	6

#endif /* _UAPI_ASM_GENERIC_SIGINFO_H */
