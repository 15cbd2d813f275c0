/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/seq_file.h - sequential files: a driver's text made of records.
 *
 * Follows include/linux/seq_file.h and fs/seq_file.c of 6.1 (compat/fs/
 * seq_file.c): seq_open() with a struct seq_operations (->start, ->next,
 * ->stop, ->show), single_open(), single_open_size(), seq_read(),
 * seq_read_iter(), seq_lseek(), seq_release(), single_release(),
 * seq_open_private()/seq_release_private(), the printing helpers
 * (seq_printf(), seq_puts(), seq_putc(), seq_write(), seq_put_decimal_*,
 * seq_put_hex_ll(), seq_pad(), seq_hex_dump()), the list/hlist iterator
 * helpers and DEFINE_SHOW_ATTRIBUTE / DEFINE_SEQ_ATTRIBUTE /
 * DEFINE_PROC_SHOW_ATTRIBUTE.  The buffer is the kernel's: one page to
 * start, and when a record does not fit (seq_has_overflowed()) it is
 * thrown away, the buffer doubled and ->show() called again for the same
 * record; SEQ_SKIP (->show() returning 1) drops a record.  Not provided
 * (a compile error): seq_escape*() (no string_escape_mem()), seq_path()
 * and seq_file_path() (no dcache paths), seq_bprintf(), seq_user_ns().
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/string.h>
#include <linux/string_helpers.h>
#include <linux/bug.h>
#include <linux/mutex.h>
#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/fs.h>
#include <linux/stdarg.h>
#include <linux/version.h>

struct seq_operations;
struct list_head;
struct hlist_head;
struct hlist_node;

struct seq_file {
	char *buf;
	size_t size;
	size_t from;
	size_t count;
	size_t pad_until;
	loff_t index;
	loff_t read_pos;
	struct mutex lock;
	const struct seq_operations *op;
	int poll_event;
	const struct file *file;
	void *private;
};

struct seq_operations {
	void * (*start) (struct seq_file *m, loff_t *pos);
	void (*stop) (struct seq_file *m, void *v);
	void * (*next) (struct seq_file *m, void *v, loff_t *pos);
	int (*show) (struct seq_file *m, void *v);
};

#define SEQ_SKIP 1

/* true when the buffer received more than it can hold (count == size) */
static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->size == m->count;
}

/* The room left in the buffer, *@bufp where it starts (NULL when none). */
static inline size_t seq_get_buf(struct seq_file *m, char **bufp)
{
	size_t room;

	BUG_ON(m->size < m->count);
	room = m->size - m->count;
	*bufp = room ? m->buf + m->count : NULL;
	return room;
}

/* @num bytes written at seq_get_buf()'s pointer; < 0: it did not fit. */
static inline void seq_commit(struct seq_file *m, int num)
{
	if (num >= 0) {
		BUG_ON((size_t)num > m->size - m->count);
		m->count += num;
	} else {
		m->count = m->size;	/* overflowed */
	}
}

/* seq_pad() fills up to @size characters from here */
static inline void seq_setwidth(struct seq_file *m, size_t size)
{
	m->pad_until = size + m->count;
}
void seq_pad(struct seq_file *m, char c);

char *mangle_path(char *s, const char *p, const char *esc);
int seq_open(struct file *, const struct seq_operations *);
ssize_t seq_read(struct file *, char __user *, size_t, loff_t *);
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
loff_t seq_lseek(struct file *, loff_t, int);
int seq_release(struct inode *, struct file *);
int seq_write(struct seq_file *seq, const void *data, size_t len);

__printf(2, 0)
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
__printf(2, 3)
void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_putc(struct seq_file *m, char c);
void seq_puts(struct seq_file *m, const char *s);
void seq_put_decimal_ull_width(struct seq_file *m, const char *delimiter,
			       unsigned long long num, unsigned int width);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter,
			long long num);
void seq_put_hex_ll(struct seq_file *m, const char *delimiter,
		    unsigned long long v, unsigned int width);

void seq_hex_dump(struct seq_file *m, const char *prefix_str, int prefix_type,
		  int rowsize, int groupsize, const void *buf, size_t len,
		  bool ascii);

void *single_start(struct seq_file *, loff_t *);
int single_open(struct file *, int (*)(struct seq_file *, void *), void *);
int single_open_size(struct file *, int (*)(struct seq_file *, void *),
		     void *, size_t);
int single_release(struct inode *, struct file *);
void *__seq_open_private(struct file *, const struct seq_operations *, int);
int seq_open_private(struct file *, const struct seq_operations *, int);
int seq_release_private(struct inode *, struct file *);

#define DEFINE_SEQ_ATTRIBUTE(__name)					\
static int __name ## _open(struct inode *inode, struct file *file)	\
{									\
	int __err = seq_open(file, &__name ## _sops);			\
									\
	if (__err == 0 && inode->i_private)				\
		((struct seq_file *)file->private_data)->private =	\
			inode->i_private;				\
	return __err;							\
}									\
									\
static const struct file_operations __name ## _fops = {			\
	.owner		= THIS_MODULE,					\
	.open		= __name ## _open,				\
	.read		= seq_read,					\
	.llseek		= seq_lseek,					\
	.release	= seq_release,					\
}

#define DEFINE_SHOW_ATTRIBUTE(__name)					\
static int __name ## _open(struct inode *inode, struct file *file)	\
{									\
	return single_open(file, __name ## _show, inode->i_private);	\
}									\
									\
static const struct file_operations __name ## _fops = {			\
	.owner		= THIS_MODULE,					\
	.open		= __name ## _open,				\
	.read		= seq_read,					\
	.llseek		= seq_lseek,					\
	.release	= single_release,				\
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
/* struct proc_ops and pde_data() come with linux/proc_fs.h. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 17, 0)
#define __kshim_pde_data(inode)	pde_data(inode)
#else
#define __kshim_pde_data(inode)	PDE_DATA(inode)
#endif
#define DEFINE_PROC_SHOW_ATTRIBUTE(__name)				\
static int __name ## _open(struct inode *inode, struct file *file)	\
{									\
	return single_open(file, __name ## _show,			\
			   __kshim_pde_data(inode));			\
}									\
									\
static const struct proc_ops __name ## _proc_ops = {			\
	.proc_open	= __name ## _open,				\
	.proc_read	= seq_read,					\
	.proc_lseek	= seq_lseek,					\
	.proc_release	= single_release,				\
}
#endif

#define SEQ_START_TOKEN ((void *)1)

/* ->start/->next helpers for iterating over a list or an hlist */
struct list_head *seq_list_start(struct list_head *head, loff_t pos);
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos);
struct list_head *seq_list_next(void *v, struct list_head *head,
				loff_t *ppos);
struct hlist_node *seq_hlist_start(struct hlist_head *head, loff_t pos);
struct hlist_node *seq_hlist_start_head(struct hlist_head *head, loff_t pos);
struct hlist_node *seq_hlist_next(void *v, struct hlist_head *head,
				  loff_t *ppos);

/* What the kernel's linux/seq_file.h also makes visible. */
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/dcache.h>
#include <linux/gfp.h>
#include <linux/hash.h>
#include <linux/kasan.h>
#include <linux/kref.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/notifier.h>
#include <linux/page-flags.h>
#include <linux/radix-tree.h>
#include <linux/ratelimit.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stringhash.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/xarray.h>

#endif /* _LINUX_SEQ_FILE_H */
