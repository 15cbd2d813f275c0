/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/stat.h - file mode bits, plus the kernel's S_IRUGO-style groups.
 *
 * Follows include/linux/stat.h of 6.x: the UAPI mode bits, then the
 * kernel-only combinations used in module_param() permissions.  In host
 * code glibc's <sys/stat.h> comes first and provides the mode bits (the
 * UAPI header then hides its own, as the kernel's does for glibc).
 */
#ifndef _KSHIM_LINUX_STAT_H
#define _KSHIM_LINUX_STAT_H

#ifndef __KERNEL__
#include <sys/stat.h>
#endif
#include <uapi/linux/stat.h>

#define S_IRWXUGO	(S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO		(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO		(S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO		(S_IXUSR | S_IXGRP | S_IXOTH)

/* What the kernel's linux/stat.h also makes visible. */
#include <asm/barrier.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <linux/irqflags.h>
#include <linux/percpu-defs.h>
#include <linux/time.h>
#include <linux/time64.h>

#endif /* _KSHIM_LINUX_STAT_H */
