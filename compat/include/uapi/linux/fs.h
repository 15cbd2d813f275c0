/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/fs.h - lseek whences and the file-system ioctls the VFS
 * answers before a driver's ->unlocked_ioctl sees a command.
 *
 * Follows include/uapi/linux/fs.h of 6.1 for a subset: SEEK_SET ...
 * SEEK_MAX, INR_OPEN_*, NR_FILE, FIBMAP, FIGETBSZ, FIFREEZE, FITHAW,
 * FICLONE and FS_IOC_GETFLAGS/SETFLAGS.  The ioctl numbers are guarded:
 * the C library's <sys/mount.h> defines some with other spacing.
 */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#include <linux/limits.h>
#include <linux/ioctl.h>
#include <linux/types.h>

/* Fixed constants first: */
#define INR_OPEN_CUR 1024	/* Initial setting for nfile rlimits */
#define INR_OPEN_MAX 4096	/* Hard limit for nfile rlimits */

#define BLOCK_SIZE_BITS 10
#define BLOCK_SIZE (1<<BLOCK_SIZE_BITS)

#define SEEK_SET	0	/* seek relative to beginning of file */
#define SEEK_CUR	1	/* seek relative to current file position */
#define SEEK_END	2	/* seek relative to end of file */
#define SEEK_DATA	3	/* seek to the next data */
#define SEEK_HOLE	4	/* seek to the next hole */
#define SEEK_MAX	SEEK_HOLE

#define NR_FILE  8192	/* this can well be larger on a larger system */

#ifndef FIBMAP
#define FIBMAP	   _IO(0x00,1)	/* bmap access */
#endif
#ifndef FIGETBSZ
#define FIGETBSZ   _IO(0x00,2)	/* get the block size used for bmap */
#endif
#ifndef FIFREEZE
#define FIFREEZE	_IOWR('X', 119, int)	/* Freeze */
#endif
#ifndef FITHAW
#define FITHAW		_IOWR('X', 120, int)	/* Thaw */
#endif
#ifndef FICLONE
#define FICLONE		_IOW(0x94, 9, int)
#endif

#ifndef FS_IOC_GETFLAGS
#define	FS_IOC_GETFLAGS			_IOR('f', 1, long)
#define	FS_IOC_SETFLAGS			_IOW('f', 2, long)
#define	FS_IOC_GETVERSION		_IOR('v', 1, long)
#define	FS_IOC_SETVERSION		_IOW('v', 2, long)
#endif

#endif /* _UAPI_LINUX_FS_H */
