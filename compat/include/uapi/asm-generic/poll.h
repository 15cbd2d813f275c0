/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm-generic/poll.h - the poll(2) event bits and struct pollfd.
 *
 * The values of include/uapi/asm-generic/poll.h (6.1).  In host code
 * glibc's <sys/poll.h> comes first and provides the same bits and struct
 * pollfd; this header then adds only what glibc lacks.
 */
#ifndef __ASM_GENERIC_POLL_H
#define __ASM_GENERIC_POLL_H

#ifndef __KERNEL__
#include <sys/poll.h>
#endif

#ifndef POLLIN
/* These are specified by iBCS2 */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#endif

/* The rest seem to be more-or-less nonstandard. */
#ifndef POLLRDNORM
#define POLLRDNORM	0x0040
#endif
#ifndef POLLRDBAND
#define POLLRDBAND	0x0080
#endif
#ifndef POLLWRNORM
#define POLLWRNORM	0x0100
#endif
#ifndef POLLWRBAND
#define POLLWRBAND	0x0200
#endif
#ifndef POLLMSG
#define POLLMSG		0x0400
#endif
#ifndef POLLREMOVE
#define POLLREMOVE	0x1000
#endif
#ifndef POLLRDHUP
#define POLLRDHUP       0x2000
#endif

#define POLLFREE	(__force __poll_t)0x4000

#define POLL_BUSY_LOOP	(__force __poll_t)0x8000

#ifdef __KERNEL__
struct pollfd {
	int fd;
	short events;
	short revents;
};
#endif

#endif	/* __ASM_GENERIC_POLL_H */
