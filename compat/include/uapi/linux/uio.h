/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/uio.h - struct iovec, UIO_FASTIOV, UIO_MAXIOV.
 *
 * Follows include/uapi/linux/uio.h of 6.1.  The C library's <sys/uio.h>
 * defines struct iovec too (same layout, guarded by __iovec_defined);
 * this one takes the same guard so the two meet in either order.
 */
#ifndef _UAPI__LINUX_UIO_H
#define _UAPI__LINUX_UIO_H

#include <linux/compiler.h>
#include <linux/types.h>

#ifndef __iovec_defined
#define __iovec_defined 1
struct iovec
{
	void __user *iov_base;	/* BSD uses caddr_t (1003.1g requires void *) */
	__kernel_size_t iov_len; /* Must be size_t (1003.1g) */
};
#endif

/*
 *	UIO_MAXIOV shall be at least 16 1003.1g (5.4.1.1)
 */
#ifndef UIO_FASTIOV
#define UIO_FASTIOV	8
#endif
#ifndef UIO_MAXIOV		/* the C library's <sys/uio.h> has it too */
#define UIO_MAXIOV	1024
#endif

#endif /* _UAPI__LINUX_UIO_H */
