/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/errno.h - the kernel-internal error codes above the UAPI range.
 *
 * Follows include/linux/errno.h of 6.x (values 512..531).  glibc's
 * <errno.h> includes <linux/errno.h> by name to get EPERM..EHWPOISON, so
 * the UAPI codes (uapi/linux/errno.h) come first or <errno.h> would
 * silently lose ENOMEM and friends.  These codes are never returned to user space by the kernel;
 * here they are simply visible to everyone.
 */
#ifndef _KSHIM_LINUX_ERRNO_H
#define _KSHIM_LINUX_ERRNO_H

#include <uapi/linux/errno.h>

/* System call restart protocol (signal delivery). */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514	/* restart if no handler */
#define ENOIOCTLCMD		515	/* no such ioctl command */
#define ERESTART_RESTARTBLOCK	516	/* restart via restart_syscall */
#define EPROBE_DEFER		517	/* driver asks for a later probe */
#define EOPENSTALE		518	/* open hit a stale dentry */
#define ENOPARAM		519	/* parameter not supported */

/* NFSv3 protocol codes. */
#define EBADHANDLE		521	/* illegal NFS file handle */
#define ENOTSYNC		522	/* update synchronisation mismatch */
#define EBADCOOKIE		523	/* cookie is stale */
#define ENOTSUPP		524	/* operation is not supported */
#define ETOOSMALL		525	/* buffer or request too small */
#define ESERVERFAULT		526	/* untranslatable server error */
#define EBADTYPE		527	/* type not supported by server */
#define EJUKEBOX		528	/* request will not complete in time */
#define EIOCBQUEUED		529	/* iocb queued, completion follows */
#define ERECALLCONFLICT		530	/* conflict with recalled state */
#define ENOGRACE		531	/* NFS file lock reclaim refused */

/* What the kernel's linux/errno.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _KSHIM_LINUX_ERRNO_H */
