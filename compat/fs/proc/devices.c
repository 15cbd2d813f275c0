// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/proc/devices.c - /proc/devices, with the output of
 * fs/proc/devices.c of 6.1 (kshim's own code):
 * "Character devices:\n", then each registered char device region as
 * "%3d %s\n" (major, name) in the order of majors (chrdev_show(),
 * compat/fs/char_dev.c), then "\nBlock devices:\n" (kshim has no block
 * devices: the section stays empty).  The seq_file's position runs over
 * the CHRDEV_MAJOR_MAX char majors, then the BLKDEV_MAJOR_MAX block ones.
 * A permanent entry made at boot (static: the machine allocates nothing
 * at boot).
 */
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "fs/proc/internal.h"
#include "kshim/internal.h"

#define BLKDEV_MAJOR_MAX	512	/* include/linux/blkdev.h */
#define DEVICES_POSITIONS	(CHRDEV_MAJOR_MAX + BLKDEV_MAJOR_MAX)

/* One position: a char major, or the start of the block section. */
static int devices_seq_show(struct seq_file *sf, void *cursor)
{
	loff_t pos = *(loff_t *)cursor;

	if (pos < CHRDEV_MAJOR_MAX) {
		if (pos == 0)
			seq_puts(sf, "Character devices:\n");
		chrdev_show(sf, pos);
	} else if (pos == CHRDEV_MAJOR_MAX) {
		/* blkdev_show(): no block device is ever registered */
		seq_puts(sf, "\nBlock devices:\n");
	}
	return 0;
}

/* The cursor is the position itself, while it names a major. */
static void *devices_seq_start(struct seq_file *sf, loff_t *pos)
{
	return *pos < DEVICES_POSITIONS ? pos : NULL;
}

static void *devices_seq_next(struct seq_file *sf, void *cursor, loff_t *pos)
{
	*pos += 1;
	return devices_seq_start(sf, pos);
}

static void devices_seq_stop(struct seq_file *sf, void *cursor)
{
}

static const struct seq_operations devices_seq_ops = {
	.start	= devices_seq_start,
	.next	= devices_seq_next,
	.stop	= devices_seq_stop,
	.show	= devices_seq_show,
};

static struct proc_dir_entry proc_devices;

void kshim_proc_devices_init(void)
{
	kshim_proc_create_seq_boot(&proc_devices, "devices", &devices_seq_ops);
}
