/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mman.h - mmap()'s PROT_* and MAP_* values.
 *
 * Follows include/linux/mman.h with include/uapi/asm-generic/mman-common.h
 * and arch/x86/include/uapi/asm/mman.h of 6.1 (x86-64 values).  In host
 * code glibc's <sys/mman.h> comes first and provides them (the same
 * values), as linux/stat.h does for the mode bits.
 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <linux/mm.h>
#include <linux/percpu.h>

#ifndef __KERNEL__
#include <sys/mman.h>
#else
#define PROT_READ	0x1		/* page can be read */
#define PROT_WRITE	0x2		/* page can be written */
#define PROT_EXEC	0x4		/* page can be executed */
#define PROT_SEM	0x8		/* page may be used for atomic ops */
#define PROT_NONE	0x0		/* page can not be accessed */
#define PROT_GROWSDOWN	0x01000000
#define PROT_GROWSUP	0x02000000

#define MAP_SHARED	0x01		/* Share changes */
#define MAP_PRIVATE	0x02		/* Changes are private */
#define MAP_SHARED_VALIDATE 0x03	/* share + validate extension flags */
#define MAP_TYPE	0x0f		/* Mask for type of mapping */
#define MAP_FIXED	0x10		/* Interpret addr exactly */
#define MAP_ANONYMOUS	0x20		/* don't use a file */
#define MAP_32BIT	0x40		/* only give out 32bit addresses */
#define MAP_GROWSDOWN	0x0100		/* stack-like segment */
#define MAP_DENYWRITE	0x0800		/* ETXTBSY */
#define MAP_EXECUTABLE	0x1000		/* mark it as an executable */
#define MAP_LOCKED	0x2000		/* pages are locked */
#define MAP_NORESERVE	0x4000		/* don't check for reservations */
#define MAP_POPULATE	0x008000	/* populate (prefault) pagetables */
#define MAP_NONBLOCK	0x010000	/* do not block on IO */
#define MAP_STACK	0x020000	/* give out an address for a stack */
#define MAP_HUGETLB	0x040000	/* create a huge page mapping */
#define MAP_SYNC	0x080000	/* perform synchronous page faults */
#define MAP_FIXED_NOREPLACE 0x100000	/* MAP_FIXED which doesn't unmap */
#define MAP_UNINITIALIZED 0x4000000	/* anonymous, may be uninitialized */
#define MAP_FILE	0
#define MAP_ANON	MAP_ANONYMOUS
#define MAP_FAILED	((void *) -1)
#endif /* __KERNEL__ */

/* The flags mmap() accepts with MAP_SHARED_VALIDATE (include/linux/mman.h) */
#define LEGACY_MAP_MASK (MAP_SHARED \
		| MAP_PRIVATE \
		| MAP_FIXED \
		| MAP_ANONYMOUS \
		| MAP_DENYWRITE \
		| MAP_EXECUTABLE \
		| MAP_UNINITIALIZED \
		| MAP_GROWSDOWN \
		| MAP_LOCKED \
		| MAP_NORESERVE \
		| MAP_POPULATE \
		| MAP_NONBLOCK \
		| MAP_STACK \
		| MAP_HUGETLB \
		| MAP_32BIT \
		| MAP_HUGE_2MB \
		| MAP_HUGE_1GB)

#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000
#endif
#ifndef MAP_HUGE_SHIFT
#define MAP_HUGE_SHIFT	26
#define MAP_HUGE_MASK	0x3f
#endif
#ifndef MAP_HUGE_2MB
#define MAP_HUGE_2MB	(21 << MAP_HUGE_SHIFT)
#define MAP_HUGE_1GB	(30 << MAP_HUGE_SHIFT)
#endif

/* What the kernel's linux/mman.h also makes visible. */
#include <linux/dcache.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/ioport.h>
#include <linux/kdev_t.h>
#include <linux/notifier.h>

#endif /* _LINUX_MMAN_H */
