/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/limits.h - the system limits user space reads (PATH_MAX...).
 *
 * Follows include/uapi/linux/limits.h of 6.x.  glibc's <limits.h> includes
 * <linux/limits.h> by name for these.
 */
#ifndef _UAPI_LINUX_LIMITS_H
#define _UAPI_LINUX_LIMITS_H

#define NR_OPEN		1024
#define NGROUPS_MAX	65536	/* supplementary group IDs */
#define ARG_MAX		131072	/* bytes of args + environ for exec() */
#define LINK_MAX	127	/* links a file may have */
#define MAX_CANON	255	/* canonical input queue */
#define MAX_INPUT	255	/* type-ahead buffer */
#define NAME_MAX	255	/* chars in a file name */
#define PATH_MAX	4096	/* chars in a path name, NUL included */
#define PIPE_BUF	4096	/* bytes in an atomic pipe write */
#define XATTR_NAME_MAX	255	/* chars in an extended attribute name */
#define XATTR_SIZE_MAX	65536	/* size of an extended attribute value */
#define XATTR_LIST_MAX	65536	/* size of an extended attribute list */

#define RTSIG_MAX	32

#endif /* _UAPI_LINUX_LIMITS_H */
