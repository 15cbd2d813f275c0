/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/fcntl.h - the architecture's O_* flags (asm/fcntl.h) and the
 * Linux-specific fcntl commands.
 *
 * Follows include/uapi/linux/fcntl.h of 6.1 for the commands a driver
 * may meet (leases, notify, pipe sizes, F_DUPFD_CLOEXEC) and AT_FDCWD;
 * each is guarded, as the C library's <fcntl.h> defines them too.
 */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#ifdef __KERNEL__
#include <asm/fcntl.h>
#else
/*
 * kshim: host code gets kshim's copy, not the system's <asm/fcntl.h>,
 * whose struct flock clashes with the C library's <fcntl.h>.
 */
#include <uapi/asm-generic/fcntl.h>
#endif

#ifndef F_SETLEASE
#define F_SETLEASE	(F_LINUX_SPECIFIC_BASE + 0)
#define F_GETLEASE	(F_LINUX_SPECIFIC_BASE + 1)
#endif

/* Cancel a blocking posix lock; internal use only until we expose an
 * asynchronous lock api to userspace: */
#ifndef F_CANCELLK
#define F_CANCELLK	(F_LINUX_SPECIFIC_BASE + 5)
#endif

/* Create a file descriptor with FD_CLOEXEC set. */
#ifndef F_DUPFD_CLOEXEC
#define F_DUPFD_CLOEXEC	(F_LINUX_SPECIFIC_BASE + 6)
#endif

/* Request nofications on a directory. */
#ifndef F_NOTIFY
#define F_NOTIFY	(F_LINUX_SPECIFIC_BASE + 2)
#endif

/* Set and get of pipe page size array */
#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ	(F_LINUX_SPECIFIC_BASE + 7)
#define F_GETPIPE_SZ	(F_LINUX_SPECIFIC_BASE + 8)
#endif

/* Special value used to indicate openat should use the current working
 * directory. */
#ifndef AT_FDCWD
#define AT_FDCWD		-100
#endif

#endif /* _UAPI_LINUX_FCNTL_H */
