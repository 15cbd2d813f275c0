/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/file.h - a driver's view of another descriptor of the calling
 * process (an ioctl that takes an fd).
 *
 * Follows include/linux/file.h of 6.1 for fget()/fput(), struct fd with
 * fdget()/fdput() (fdget() always takes a reference here: kshim's file
 * tables are never single-threaded-shortcut) and get_file()
 * (linux/fs.h).  compat/fs/file.c implements them on the current
 * simulated process's table.
 */
#ifndef __LINUX_FILE_H
#define __LINUX_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/fs.h>

struct file;

extern void fput(struct file *);
extern struct file *fget(unsigned int fd);

#define FDPUT_FPUT       1
#define FDPUT_POS_UNLOCK 2

struct fd {
	struct file *file;
	unsigned int flags;
};

static inline void fdput(struct fd fd)
{
	if (fd.flags & FDPUT_FPUT)
		fput(fd.file);
}

static inline struct fd fdget(unsigned int fd)
{
	struct file *f = fget(fd);

	return (struct fd){ f, f ? FDPUT_FPUT : 0 };
}

#endif /* __LINUX_FILE_H */
