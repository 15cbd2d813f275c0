/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scullp - a char device whose storage is whole pages, in the spirit of
 * LDD3's scullp (chapter 15) and simple: what user space sees of it.
 *
 * The module (named after its build: scullp, or scullp_<bug> for a
 * planted-bug variant, see scullp.c) creates two device nodes sharing
 * one storage:
 *   /dev/<module>      read/write/llseek/ioctl/poll, mmap served page by
 *                      page by its ->fault handler (MAP_SHARED or not);
 *   /dev/<module>_pfn  the same, but mmap remaps the pages up front with
 *                      remap_pfn_range() (MAP_SHARED only);
 * and a debugfs file <module>/state with its counters.
 *
 * The storage holds up to max_pages (module parameter) pages, allocated
 * on demand from highmem when there is some.  A read of an empty device
 * blocks until a writer adds data (O_NONBLOCK: -EAGAIN); otherwise read
 * and write honour the file position (end of data: 0, full: -ENOSPC).
 * poll: EPOLLIN when the device holds data, EPOLLOUT while it has room.
 */
#ifndef _SCULLP_H
#define _SCULLP_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define SCULLP_IOC_MAGIC	'k'

/* Drop every page: the size becomes 0 (-EBUSY while pfn-mapped). */
#define SCULLP_IOCRESET		_IO(SCULLP_IOC_MAGIC, 0)
/* The size in bytes, to a __u64. */
#define SCULLP_IOCGSIZE		_IOR(SCULLP_IOC_MAGIC, 1, __u64)
/* Set the size from a __u64: truncate, or extend with zeroes (-EBUSY
 * when that would drop pages while pfn-mapped, -ENOSPC above the max). */
#define SCULLP_IOCSSIZE		_IOW(SCULLP_IOC_MAGIC, 2, __u64)

/*
 * Direct I/O: the user buffer is pinned (pin_user_pages_fast()) and the
 * data copied between its pages and the device's, both through
 * kmap_local_page(), without copy_to/from_user().  Returns the bytes
 * moved (a read stops at the end of the data).
 */
struct scullp_dio {
	__u64 buf;		/* user address */
	__u64 len;		/* bytes, at most SCULLP_DIO_MAX */
	__s64 offset;		/* in the device */
	__u32 to_device;	/* 1: buffer -> device; 0: device -> buffer */
	__u32 pad;
};
#define SCULLP_DIO_MAX		(64UL * 4096)
#define SCULLP_IOCDIO		_IOW(SCULLP_IOC_MAGIC, 3, struct scullp_dio)

#define SCULLP_MAX_PAGES_LIMIT	1024

#endif /* _SCULLP_H */
