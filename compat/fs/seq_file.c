// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/seq_file.c - sequential files (the behaviour of fs/seq_file.c
 * of 6.1, written for kshim).
 *
 * The contract drivers rely on:
 *  - a read at position 0 starts over from the first record; a read at
 *    another position than where the last one ended (pread(), lseek())
 *    replays the records from the start up to it;
 *  - the buffer starts at one page; a record that does not fit (the
 *    buffer full: seq_has_overflowed()) is thrown away, the iteration
 *    stopped, the buffer doubled and ->start() + ->show() called again
 *    for the same record;
 *  - ->show() returning SEQ_SKIP (> 0) drops what it printed; < 0 is an
 *    error the read returns when nothing was copied yet; an empty record
 *    is skipped;
 *  - one read returns at least one whole record when the caller's buffer
 *    is big enough, and then as many more as fit; what did not fit stays
 *    in the buffer for the next read;
 *  - a ->next() that does not advance *pos gets the kernel's "buggy .next
 *    function %ps did not update position index" and the index moves on.
 * seq_read() copies with copy_to_user(), seq_read_iter() with
 * copy_to_iter(): both go through seq_read_locked() with a struct
 * seq_sink saying where the bytes go.
 */
#include <linux/export.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/hex.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/* The kernel's vsnprintf (compat/lib/vsprintf.c), not glibc's. */
int kshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#endif

/* The kernel refuses buffers above MAX_RW_COUNT (INT_MAX & PAGE_MASK). */
#define SEQ_BUF_LIMIT	(0x7fffffff & PAGE_MASK)

/* ------------------------------------------------------------------ */
/* The record buffer                                                   */
/* ------------------------------------------------------------------ */

/* Mark the buffer full: the record being printed is lost. */
static void seq_mark_full(struct seq_file *m)
{
	m->count = m->size;
}

static void *seq_buf_alloc(size_t bytes)
{
	return bytes > SEQ_BUF_LIMIT ? NULL : kvmalloc(bytes, GFP_KERNEL_ACCOUNT);
}

/* Replace the buffer by an empty one of @bytes; false when out of memory. */
static bool seq_buf_replace(struct seq_file *m, size_t bytes)
{
	kvfree(m->buf);
	m->count = 0;
	m->size = bytes;
	m->buf = seq_buf_alloc(bytes);
	return m->buf != NULL;
}

/* The first read or replay allocates one page. */
static int seq_buf_ensure(struct seq_file *m)
{
	if (m->buf || seq_buf_replace(m, PAGE_SIZE))
		return 0;
	return -ENOMEM;
}

/* Append @len bytes, or mark the buffer full when they do not fit. */
static bool seq_append(struct seq_file *m, const void *data, size_t len)
{
	if (len >= m->size - m->count || m->count >= m->size) {
		seq_mark_full(m);
		return false;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
	return true;
}

/* ------------------------------------------------------------------ */
/* Running the iterator                                                */
/* ------------------------------------------------------------------ */

enum seq_shown {
	SEQ_SHOWN_ERROR,	/* ->show() failed; *err says how */
	SEQ_SHOWN_NOTHING,	/* empty, or SEQ_SKIP: nothing kept */
	SEQ_SHOWN_KEPT,		/* the record is in the buffer */
	SEQ_SHOWN_TOO_BIG,	/* the buffer overflowed */
};

/*
 * Let ->show() print @v behind the @base bytes already buffered.  A
 * record that is not kept leaves the buffer at @base.
 */
static enum seq_shown seq_show_at(struct seq_file *m, void *v, size_t base,
				  int *err)
{
	int ret = m->op->show(m, v);
	enum seq_shown what;

	if (ret < 0) {
		*err = ret;
		what = SEQ_SHOWN_ERROR;
	} else if (ret > 0) {
		m->count = base;
		return SEQ_SHOWN_NOTHING;
	} else if (seq_has_overflowed(m)) {
		what = SEQ_SHOWN_TOO_BIG;
	} else {
		return m->count == base ? SEQ_SHOWN_NOTHING : SEQ_SHOWN_KEPT;
	}
	m->count = base;
	return what;
}

/*
 * The iteration ended with a record too big: close it and double the
 * buffer.  -ENOMEM when that fails.
 */
static int seq_stop_and_grow(struct seq_file *m, void *v)
{
	m->op->stop(m, v);
	return seq_buf_replace(m, m->size * 2) ? 0 : -ENOMEM;
}

/*
 * Rebuild the state a sequence of reads would have left at byte @target
 * of the output: m->index on the record that holds the byte, the rest of
 * that record (from the byte on) buffered at m->from.  Used when a read
 * or lseek() goes somewhere else than where the last read ended.
 */
static int seq_replay_to(struct seq_file *m, loff_t target)
{
	loff_t passed;
	void *v;
	int err;

restart:
	m->index = 0;
	m->from = 0;
	m->count = 0;
	if (target == 0)
		return 0;
	err = seq_buf_ensure(m);
	if (err)
		return err;

	passed = 0;
	v = m->op->start(m, &m->index);
	while (v) {
		if (IS_ERR(v)) {
			err = PTR_ERR(v);
			break;
		}
		switch (seq_show_at(m, v, 0, &err)) {
		case SEQ_SHOWN_ERROR:
			goto out;
		case SEQ_SHOWN_TOO_BIG:
			err = seq_stop_and_grow(m, v);
			if (err)
				return err;
			goto restart;
		default:
			break;
		}
		v = m->op->next(m, v, &m->index);
		if (target < passed + (loff_t)m->count) {
			/* @target falls inside this record */
			m->from = target - passed;
			m->count -= m->from;
			break;
		}
		passed += m->count;
		m->count = 0;
		if (passed == target)
			break;
	}
out:
	m->op->stop(m, v);
	return err;
}

/*
 * Make the next read continue at @pos.  A failed replay forgets
 * everything so that the one after starts from scratch.
 */
static int seq_goto_locked(struct seq_file *m, loff_t pos)
{
	int err;

	if (pos == m->read_pos)
		return 0;
	err = seq_replay_to(m, pos);
	if (err) {
		m->index = 0;
		m->count = 0;
		m->read_pos = 0;
		return err;
	}
	m->read_pos = pos;
	return 0;
}

/*
 * Bring the next non-empty record into the empty buffer, growing it until
 * the record fits.  Returns 1 with the iteration still running at *@vp,
 * else 0 (no more records) or an error, the iteration stopped.
 */
static int seq_load_one(struct seq_file *m, void **vp)
{
	void *v = m->op->start(m, &m->index);
	int err = 0;

	while (!IS_ERR_OR_NULL(v)) {
		switch (seq_show_at(m, v, 0, &err)) {
		case SEQ_SHOWN_KEPT:
			*vp = v;
			return 1;
		case SEQ_SHOWN_NOTHING:
			v = m->op->next(m, v, &m->index);
			break;
		case SEQ_SHOWN_TOO_BIG:
			err = seq_stop_and_grow(m, v);
			if (err)
				return err;
			v = m->op->start(m, &m->index);
			break;
		case SEQ_SHOWN_ERROR:
			goto stop;
		}
	}
	err = PTR_ERR_OR_ZERO(v);
stop:
	m->op->stop(m, v);
	m->count = 0;
	return err;
}

/* Step the iteration past @v; a ->next() that forgets *pos is reported. */
static void *seq_step(struct seq_file *m, void *v)
{
	loff_t was = m->index;

	v = m->op->next(m, v, &m->index);
	if (unlikely(m->index == was)) {
		pr_info_ratelimited("buggy .next function %ps did not update position index\n",
				    m->op->next);
		m->index = was + 1;
	}
	return v;
}

/*
 * One record is buffered at @v: add the following ones while fewer than
 * @wanted bytes are buffered and they fit.  The iteration moves past every
 * record that was shown, so the next read starts behind the last one.
 */
static void seq_load_more(struct seq_file *m, void *v, size_t wanted)
{
	int ignored;

	for (;;) {
		size_t base = m->count;
		enum seq_shown what;

		v = seq_step(m, v);
		if (IS_ERR_OR_NULL(v) || m->count >= wanted)
			break;
		what = seq_show_at(m, v, base, &ignored);
		if (what == SEQ_SHOWN_ERROR || what == SEQ_SHOWN_TOO_BIG)
			break;
	}
	m->op->stop(m, v);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

/* Where a read copies to: a user buffer or an iov_iter. */
struct seq_sink {
	struct iov_iter *iter;	/* or else: */
	char __user *ubuf;
	size_t room;
};

static size_t seq_sink_room(const struct seq_sink *s)
{
	return s->iter ? iov_iter_count(s->iter) : s->room;
}

/* Copy up to @len bytes out; returns how many made it. */
static size_t seq_sink_put(struct seq_sink *s, const char *from, size_t len)
{
	size_t left;

	if (s->iter)
		return copy_to_iter(from, len, s->iter);
	len = min(len, s->room);
	left = copy_to_user(s->ubuf, from, len);
	s->ubuf += len - left;
	s->room -= len - left;
	return len - left;
}

/* Hand out the buffered bytes starting at m->from. */
static size_t seq_flush(struct seq_file *m, struct seq_sink *s)
{
	size_t n = seq_sink_put(s, m->buf + m->from, m->count);

	m->from += n;
	m->count -= n;
	return n;
}

static ssize_t seq_read_locked(struct seq_file *m, struct seq_sink *s,
			       loff_t *ppos)
{
	size_t copied = 0;
	void *v = NULL;
	int err;

	if (*ppos == 0) {
		/* reading from the top again */
		m->index = 0;
		m->count = 0;
	}
	err = seq_goto_locked(m, *ppos);
	if (!err)
		err = seq_buf_ensure(m);
	if (err)
		goto out;

	/* The tail of a record an earlier read could not take. */
	if (m->count) {
		copied = seq_flush(m, s);
		if (m->count)
			goto out;
	}

	m->from = 0;
	err = seq_load_one(m, &v);
	if (err > 0) {
		err = 0;
		seq_load_more(m, v, seq_sink_room(s));
		copied += seq_flush(m, s);
	}
out:
	if (copied) {
		*ppos += copied;
		m->read_pos += copied;
		return copied;
	}
	/* nothing copied although something was there: the copy faulted */
	return m->count ? -EFAULT : err;
}

static ssize_t seq_read_sink(struct seq_file *m, struct seq_sink *s,
			     loff_t *ppos)
{
	ssize_t ret;

	if (seq_sink_room(s) == 0)
		return 0;
	mutex_lock(&m->lock);
	ret = seq_read_locked(m, s, ppos);
	mutex_unlock(&m->lock);
	return ret;
}

ssize_t seq_read(struct file *file, char __user *buf, size_t size,
		 loff_t *ppos)
{
	struct seq_sink sink = { .ubuf = buf, .room = size };

	return seq_read_sink(file->private_data, &sink, ppos);
}
EXPORT_SYMBOL(seq_read);

ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct seq_sink sink = { .iter = iter };

	return seq_read_sink(iocb->ki_filp->private_data, &sink,
			     &iocb->ki_pos);
}
EXPORT_SYMBOL(seq_read_iter);

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t ret;

	if (whence != SEEK_SET && whence != SEEK_CUR)
		return -EINVAL;

	mutex_lock(&m->lock);
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	if (offset < 0) {
		ret = -EINVAL;
	} else {
		ret = seq_goto_locked(m, offset);
		file->f_pos = ret ? 0 : offset;
		if (!ret)
			ret = offset;
	}
	mutex_unlock(&m->lock);
	return ret;
}
EXPORT_SYMBOL(seq_lseek);

/* ------------------------------------------------------------------ */
/* Opening and releasing                                               */
/* ------------------------------------------------------------------ */

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *sf;

	/* someone else's private_data would be overwritten */
	WARN_ON(file->private_data);

	sf = kzalloc(sizeof(*sf), GFP_KERNEL);
	if (!sf)
		return -ENOMEM;
	mutex_init(&sf->lock);
	sf->op = op;
	sf->file = file;
	file->private_data = sf;
	/* reads may be positioned (pread()), there is no pwrite() */
	file->f_mode &= ~FMODE_PWRITE;
	return 0;
}
EXPORT_SYMBOL(seq_open);

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *sf = file->private_data;

	kvfree(sf->buf);
	kfree(sf);
	return 0;
}
EXPORT_SYMBOL(seq_release);

/* single_open(): a file of exactly one record, printed by @show. */

void *single_start(struct seq_file *p, loff_t *pos)
{
	if (*pos == 0)
		return SEQ_START_TOKEN;
	return NULL;
}

static void *single_next(struct seq_file *p, void *v, loff_t *pos)
{
	*pos += 1;
	return NULL;
}

static void single_stop(struct seq_file *p, void *v)
{
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data)
{
	struct seq_operations *ops;
	int err;

	ops = kmalloc(sizeof(*ops), GFP_KERNEL_ACCOUNT);
	if (!ops)
		return -ENOMEM;
	*ops = (struct seq_operations) {
		.start = single_start,
		.next = single_next,
		.stop = single_stop,
		.show = show,
	};
	err = seq_open(file, ops);
	if (err) {
		kfree(ops);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}
EXPORT_SYMBOL(single_open);

int single_open_size(struct file *file, int (*show)(struct seq_file *, void *),
		     void *data, size_t size)
{
	struct seq_file *sf;
	char *buf;
	int err;

	buf = seq_buf_alloc(size);
	if (!buf)
		return -ENOMEM;
	err = single_open(file, show, data);
	if (err) {
		kvfree(buf);
		return err;
	}
	sf = file->private_data;
	sf->buf = buf;
	sf->size = size;
	return 0;
}
EXPORT_SYMBOL(single_open_size);

int single_release(struct inode *inode, struct file *file)
{
	struct seq_file *sf = file->private_data;
	const struct seq_operations *ops = sf->op;
	int ret;

	ret = seq_release(inode, file);
	kfree(ops);
	return ret;
}
EXPORT_SYMBOL(single_release);

void *__seq_open_private(struct file *f, const struct seq_operations *ops,
			 int psize)
{
	void *priv = kzalloc(psize, GFP_KERNEL_ACCOUNT);

	if (priv && seq_open(f, ops) == 0) {
		((struct seq_file *)f->private_data)->private = priv;
		return priv;
	}
	kfree(priv);
	return NULL;
}
EXPORT_SYMBOL(__seq_open_private);

int seq_open_private(struct file *filp, const struct seq_operations *ops,
		     int psize)
{
	if (!__seq_open_private(filp, ops, psize))
		return -ENOMEM;
	return 0;
}
EXPORT_SYMBOL(seq_open_private);

int seq_release_private(struct inode *inode, struct file *file)
{
	struct seq_file *sf = file->private_data;
	void *priv = sf->private;

	sf->private = NULL;
	kfree(priv);
	return seq_release(inode, file);
}
EXPORT_SYMBOL(seq_release_private);

/* ------------------------------------------------------------------ */
/* Printing into the buffer                                            */
/* ------------------------------------------------------------------ */

void seq_vprintf(struct seq_file *m, const char *f, va_list args)
{
	size_t room = m->count < m->size ? m->size - m->count : 0;
	int n;

	if (room) {
		n = kshim_vsnprintf(m->buf + m->count, room, f, args);
		/* the text and its NUL fitted */
		if (n >= 0 && (size_t)n < room) {
			m->count += n;
			return;
		}
	}
	seq_mark_full(m);
}
EXPORT_SYMBOL(seq_vprintf);

void seq_printf(struct seq_file *m, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	seq_vprintf(m, f, ap);
	va_end(ap);
}
EXPORT_SYMBOL(seq_printf);

/*
 * Copy path @p down to @s (which is at or before @p in the same buffer),
 * writing each character of @esc as a backslash and three octal digits.
 * Returns the end of the copy, or NULL when an escape would overtake the
 * unread rest of @p.
 */
char *mangle_path(char *s, const char *p, const char *esc)
{
	for (; s <= p; p++) {
		unsigned char ch = *p;
		int shift;

		if (ch == '\0')
			return s;
		if (!strchr(esc, ch)) {
			*s++ = ch;
			continue;
		}
		/* @p has already moved past @ch when the escape is written */
		if (s + 4 > p + 1)
			return NULL;
		*s++ = '\\';
		for (shift = 6; shift >= 0; shift -= 3)
			*s++ = '0' + ((ch >> shift) & 7);
	}
	return NULL;
}
EXPORT_SYMBOL(mangle_path);

void seq_putc(struct seq_file *m, char c)
{
	/* a full buffer just stays full */
	if (m->count < m->size)
		m->buf[m->count++] = c;
}
EXPORT_SYMBOL(seq_putc);

void seq_puts(struct seq_file *m, const char *s)
{
	seq_append(m, s, strlen(s));
}
EXPORT_SYMBOL(seq_puts);

int seq_write(struct seq_file *seq, const void *data, size_t len)
{
	return seq_append(seq, data, len) ? 0 : -1;
}
EXPORT_SYMBOL(seq_write);

static void seq_put_delimiter(struct seq_file *m, const char *delimiter)
{
	if (!delimiter || !*delimiter)
		return;
	if (delimiter[1])
		seq_puts(m, delimiter);
	else
		seq_putc(m, *delimiter);
}

/*
 * @num in decimal, right-aligned with spaces to at least @width
 * characters, into @buf of @size; 0 when it does not fit.
 */
static size_t seq_format_decimal(char *buf, size_t size,
				 unsigned long long num, unsigned int width)
{
	char digits[24];
	size_t ndig = 0, total, pad;

	do {
		digits[ndig++] = '0' + num % 10;
		num /= 10;
	} while (num);
	total = width > ndig ? width : ndig;
	if (total > size)
		return 0;
	pad = total - ndig;
	memset(buf, ' ', pad);
	while (ndig)
		buf[pad++] = digits[--ndig];
	return total;
}

/*
 * The shared part of the decimal printers: @need_first bytes must be free
 * before the delimiter, @need_after after it; then an optional minus and
 * the number.
 */
static void seq_put_number(struct seq_file *m, const char *delimiter,
			   size_t need_first, size_t need_after, bool minus,
			   unsigned long long num, unsigned int width)
{
	size_t n;

	if (m->count + need_first >= m->size)
		goto full;
	seq_put_delimiter(m, delimiter);
	if (m->count + need_after >= m->size)
		goto full;
	if (minus)
		m->buf[m->count++] = '-';
	n = seq_format_decimal(m->buf + m->count, m->size - m->count, num,
			       width);
	if (n) {
		m->count += n;
		return;
	}
full:
	seq_mark_full(m);
}

void seq_put_decimal_ull_width(struct seq_file *m, const char *delimiter,
			       unsigned long long num, unsigned int width)
{
	seq_put_number(m, delimiter, 2, width ? width : 1, false, num, width);
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num)
{
	seq_put_number(m, delimiter, 2, 1, false, num, 0);
}
EXPORT_SYMBOL(seq_put_decimal_ull);

void seq_put_decimal_ll(struct seq_file *m, const char *delimiter,
			long long num)
{
	unsigned long long mag = num;

	if (num < 0)
		mag = 0ULL - mag;
	seq_put_number(m, delimiter, 3, 2, num < 0, mag, 0);
}
EXPORT_SYMBOL(seq_put_decimal_ll);

void seq_put_hex_ll(struct seq_file *m, const char *delimiter,
		    unsigned long long v, unsigned int width)
{
	unsigned int ndig = 1;
	unsigned long long rest;
	char *end;

	seq_put_delimiter(m, delimiter);
	for (rest = v >> 4; rest; rest >>= 4)
		ndig++;
	if (width > ndig)
		ndig = width;
	if (ndig > m->size - m->count) {
		seq_mark_full(m);
		return;
	}
	/* lowest nibble last; zeros fill up to @width */
	end = m->buf + m->count + ndig;
	m->count += ndig;
	while (ndig--) {
		*--end = hex_asc[v & 0xf];
		v >>= 4;
	}
}

void seq_pad(struct seq_file *m, char c)
{
	if (m->pad_until > m->count) {
		size_t gap = m->pad_until - m->count;

		if (gap > m->size - m->count) {
			seq_mark_full(m);
			return;
		}
		memset(m->buf + m->count, ' ', gap);
		m->count += gap;
	}
	if (c)
		seq_putc(m, c);
}
EXPORT_SYMBOL(seq_pad);

/* print_hex_dump()'s lines, into the buffer */
void seq_hex_dump(struct seq_file *m, const char *prefix_str, int prefix_type,
		  int rowsize, int groupsize, const void *buf, size_t len,
		  bool ascii)
{
	const u8 *bytes = buf;
	size_t off;

	if (rowsize != 32)
		rowsize = 16;

	for (off = 0; off < len; off += rowsize) {
		size_t line = min_t(size_t, len - off, rowsize);
		char *room;
		size_t avail;
		int ret;

		if (seq_has_overflowed(m))
			break;
		if (prefix_type == DUMP_PREFIX_ADDRESS)
			seq_printf(m, "%s%p: ", prefix_str, bytes + off);
		else if (prefix_type == DUMP_PREFIX_OFFSET)
			seq_printf(m, "%s%.8x: ", prefix_str, (unsigned int)off);
		else
			seq_printf(m, "%s", prefix_str);

		avail = seq_get_buf(m, &room);
		ret = hex_dump_to_buffer(bytes + off, line, rowsize, groupsize,
					 room, avail, ascii);
		/* a line that was cut short overflows the buffer */
		seq_commit(m, ret < (int)avail ? ret : -1);
		seq_putc(m, '\n');
	}
}
EXPORT_SYMBOL(seq_hex_dump);

/* ------------------------------------------------------------------ */
/* Iterating over lists                                                */
/* ------------------------------------------------------------------ */

struct list_head *seq_list_start(struct list_head *head, loff_t pos)
{
	struct list_head *it = head->next;

	for (; it != head; it = it->next, pos--)
		if (pos == 0)
			return it;
	return NULL;
}
EXPORT_SYMBOL(seq_list_start);

/* position 0 is the head itself, for a header line */
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos)
{
	return pos ? seq_list_start(head, pos - 1) : head;
}
EXPORT_SYMBOL(seq_list_start_head);

struct list_head *seq_list_next(void *v, struct list_head *head,
				loff_t *ppos)
{
	struct list_head *it = v;

	*ppos += 1;
	it = it->next;
	if (it == head)
		return NULL;
	return it;
}
EXPORT_SYMBOL(seq_list_next);

struct hlist_node *seq_hlist_start(struct hlist_head *head, loff_t pos)
{
	struct hlist_node *it = head->first;

	for (; it; it = it->next, pos--)
		if (pos == 0)
			return it;
	return NULL;
}
EXPORT_SYMBOL(seq_hlist_start);

/* position 0 is SEQ_START_TOKEN, for a header line */
struct hlist_node *seq_hlist_start_head(struct hlist_head *head, loff_t pos)
{
	return pos ? seq_hlist_start(head, pos - 1) : SEQ_START_TOKEN;
}
EXPORT_SYMBOL(seq_hlist_start_head);

struct hlist_node *seq_hlist_next(void *v, struct hlist_head *head,
				  loff_t *ppos)
{
	*ppos += 1;
	if (v == SEQ_START_TOKEN)
		return head->first;
	return ((struct hlist_node *)v)->next;
}
EXPORT_SYMBOL(seq_hlist_next);
