// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/debugfs/file.c - debugfs value files (the behaviour of
 * fs/debugfs/file.c of 6.1 and of fs/libfs.c's simple_attr_* they are
 * built on, written for kshim).
 *
 * An attribute file formats the value once per read from position 0
 * (a continued read returns the rest of the same text) with the kernel's
 * formats; a write takes up to 23 bytes, parses them with kstrtoull()
 * (kstrtoll() for the signed ones) in base 0 and returns the whole count
 * on success; no ->get is -EACCES for a read, no ->set for a write.  The
 * attribute's value is read and written under debugfs_file_get() (-EIO
 * once the file is removed).  bool files read "Y\n"/"N\n" and take what
 * kstrtobool() takes (the count is returned even when it does not parse
 * or cannot be copied, as the kernel's); blob files read the blob.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/stat.h>
#include <linux/uaccess.h>

#include "fs/debugfs/internal.h"

/* The kernel's vsnprintf (compat/lib/vsprintf.c), not glibc's. */
int kshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

/* The debugfs dentry an open file belongs to. */
static struct dentry *dbg_dentry(const struct file *file)
{
	return &INODE_DNODE(file_inode(file))->dentry;
}

/* ------------------------------------------------------------------ */
/* Attribute files: DEFINE_DEBUGFS_ATTRIBUTE*()                        */
/* ------------------------------------------------------------------ */

/*
 * The state of one open attribute file.  The text of the last read is
 * kept so that a read continuing at a position > 0 sees the same value.
 * A u64 in decimal or hex plus "\n" and the NUL fit in 24 bytes.
 */
#define DBG_ATTR_TEXT	24

struct dbg_attr {
	struct mutex lock;		/* serializes reads and writes */
	int (*get)(void *, u64 *);
	int (*set)(void *, u64);
	const char *fmt;
	void *data;			/* the inode's i_private */
	char shown[DBG_ATTR_TEXT];	/* the text being read */
	char input[DBG_ATTR_TEXT];	/* the text being parsed */
};

int __kshim_debugfs_attr_open(struct inode *inode, struct file *file,
			      int (*get)(void *, u64 *),
			      int (*set)(void *, u64), const char *fmt)
{
	struct dbg_attr *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	mutex_init(&a->lock);
	a->get = get;
	a->set = set;
	a->fmt = fmt;
	a->data = inode->i_private;
	file->private_data = a;
	/* as nonseekable_open(): no lseek(), pread() or pwrite() */
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}
EXPORT_SYMBOL_GPL(__kshim_debugfs_attr_open);

int __kshim_debugfs_attr_release(struct inode *inode, struct file *file)
{
	struct dbg_attr *a = file->private_data;

	kfree(a);
	return 0;
}
EXPORT_SYMBOL_GPL(__kshim_debugfs_attr_release);

loff_t __kshim_debugfs_no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}
EXPORT_SYMBOL_GPL(__kshim_debugfs_no_llseek);

/* scnprintf() into @a->shown: the length actually stored. */
static size_t dbg_attr_show(struct dbg_attr *a, ...)
{
	va_list ap;
	int n;

	va_start(ap, a);
	n = kshim_vsnprintf(a->shown, sizeof(a->shown), a->fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	return min_t(size_t, n, sizeof(a->shown) - 1);
}

/*
 * Start an access to an attribute: pin the file against removal, check
 * that the attribute has the method (@method false: -EACCES) and take its
 * lock (interruptible).  On success the caller ends with dbg_attr_end().
 */
static int dbg_attr_begin(struct file *file, bool method)
{
	struct dbg_attr *a = file->private_data;
	int err;

	err = debugfs_file_get(dbg_dentry(file));
	if (unlikely(err))
		return err;
	err = method ? mutex_lock_interruptible(&a->lock) : -EACCES;
	if (err)
		debugfs_file_put(dbg_dentry(file));
	return err;
}

static void dbg_attr_end(struct file *file)
{
	struct dbg_attr *a = file->private_data;

	mutex_unlock(&a->lock);
	debugfs_file_put(dbg_dentry(file));
}

ssize_t debugfs_attr_read(struct file *file, char __user *buf, size_t len,
			  loff_t *ppos)
{
	struct dbg_attr *a = file->private_data;
	ssize_t ret;
	size_t n;

	ret = dbg_attr_begin(file, a->get != NULL);
	if (ret)
		return ret;
	if (*ppos == 0 || !a->shown[0]) {
		/* a fresh read: ask for the value now */
		u64 val;

		ret = a->get(a->data, &val);
		if (ret)
			goto end;
		n = dbg_attr_show(a, (unsigned long long)val);
	} else {
		n = strlen(a->shown);
	}
	ret = simple_read_from_buffer(buf, len, ppos, a->shown, n);
end:
	dbg_attr_end(file);
	return ret;
}
EXPORT_SYMBOL_GPL(debugfs_attr_read);

/* Parse @a->input; signed attributes take a leading minus. */
static int dbg_attr_parse(struct dbg_attr *a, bool is_signed, u64 *val)
{
	long long sval;
	int err;

	if (!is_signed)
		return kstrtoull(a->input, 0, (unsigned long long *)val);
	err = kstrtoll(a->input, 0, &sval);
	if (!err)
		*val = sval;
	return err;
}

static ssize_t dbg_attr_write(struct file *file, const char __user *buf,
			      size_t len, bool is_signed)
{
	struct dbg_attr *a = file->private_data;
	size_t take = min(len, sizeof(a->input) - 1);
	ssize_t ret;
	u64 val;

	ret = dbg_attr_begin(file, a->set != NULL);
	if (ret)
		return ret;
	if (copy_from_user(a->input, buf, take)) {
		ret = -EFAULT;
		goto end;
	}
	a->input[take] = '\0';
	ret = dbg_attr_parse(a, is_signed, &val);
	if (!ret)
		ret = a->set(a->data, val);
	/* success consumes everything, also what was beyond 23 bytes */
	if (!ret)
		ret = len;
end:
	dbg_attr_end(file);
	return ret;
}

ssize_t debugfs_attr_write(struct file *file, const char __user *buf,
			   size_t len, loff_t *ppos)
{
	return dbg_attr_write(file, buf, len, false);
}
EXPORT_SYMBOL_GPL(debugfs_attr_write);

ssize_t debugfs_attr_write_signed(struct file *file, const char __user *buf,
				  size_t len, loff_t *ppos)
{
	return dbg_attr_write(file, buf, len, true);
}
EXPORT_SYMBOL_GPL(debugfs_attr_write_signed);

/* ------------------------------------------------------------------ */
/* The typed value files: debugfs_create_u8() ...                      */
/* ------------------------------------------------------------------ */

/* get/set for a variable of C type @type, named dbg_get_@tag/dbg_set_@tag */
#define DBG_VALUE_ACCESSORS(tag, type)					\
static int dbg_get_##tag(void *data, u64 *val)				\
{									\
	const type *var = data;						\
									\
	*val = *var;							\
	return 0;							\
}									\
static int dbg_set_##tag(void *data, u64 val)				\
{									\
	type *var = data;						\
									\
	*var = (type)val;						\
	return 0;							\
}

DBG_VALUE_ACCESSORS(u8, u8)
DBG_VALUE_ACCESSORS(u16, u16)
DBG_VALUE_ACCESSORS(u32, u32)
DBG_VALUE_ACCESSORS(u64, u64)
DBG_VALUE_ACCESSORS(ulong, unsigned long)
DBG_VALUE_ACCESSORS(size_t, size_t)

static int dbg_get_atomic(void *data, u64 *val)
{
	*val = atomic_read(data);
	return 0;
}

static int dbg_set_atomic(void *data, u64 val)
{
	atomic_set(data, (int)val);
	return 0;
}

/* DEFINE_DEBUGFS_ATTRIBUTE() wants THIS_MODULE: kshim's core has none. */
#define THIS_MODULE ((struct module *)0)

/* read-write, read-only and write-only tables for one value type */
#define DBG_VALUE_FOPS(tag, get, set, fmt)				\
	DEFINE_DEBUGFS_ATTRIBUTE(dbg_##tag##_rw, get, set, fmt);	\
	DEFINE_DEBUGFS_ATTRIBUTE(dbg_##tag##_ro, get, NULL, fmt);	\
	DEFINE_DEBUGFS_ATTRIBUTE(dbg_##tag##_wo, NULL, set, fmt)

DBG_VALUE_FOPS(u8, dbg_get_u8, dbg_set_u8, "%llu\n");
DBG_VALUE_FOPS(u16, dbg_get_u16, dbg_set_u16, "%llu\n");
DBG_VALUE_FOPS(u32, dbg_get_u32, dbg_set_u32, "%llu\n");
DBG_VALUE_FOPS(u64, dbg_get_u64, dbg_set_u64, "%llu\n");
DBG_VALUE_FOPS(ulong, dbg_get_ulong, dbg_set_ulong, "%llu\n");
DBG_VALUE_FOPS(x8, dbg_get_u8, dbg_set_u8, "0x%02llx\n");
DBG_VALUE_FOPS(x16, dbg_get_u16, dbg_set_u16, "0x%04llx\n");
DBG_VALUE_FOPS(x32, dbg_get_u32, dbg_set_u32, "0x%08llx\n");
DBG_VALUE_FOPS(x64, dbg_get_u64, dbg_set_u64, "0x%016llx\n");
DBG_VALUE_FOPS(size_t, dbg_get_size_t, dbg_set_size_t, "%llu\n");
/* atomic_t is signed: its writes parse with kstrtoll() */
DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(dbg_atomic_rw, dbg_get_atomic,
				dbg_set_atomic, "%lld\n");
DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(dbg_atomic_ro, dbg_get_atomic, NULL,
				"%lld\n");
DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(dbg_atomic_wo, NULL, dbg_set_atomic,
				"%lld\n");

/* ------------------------------------------------------------------ */
/* bool and blob files                                                 */
/* ------------------------------------------------------------------ */

/* simple_open(): the file's private_data is the variable. */
static int dbg_open_value(struct inode *inode, struct file *file)
{
	file->private_data = inode->i_private;
	return 0;
}

ssize_t debugfs_read_file_bool(struct file *file, char __user *user_buf,
			       size_t count, loff_t *ppos)
{
	struct dentry *d = dbg_dentry(file);
	const bool *var = file->private_data;
	char text[2] = { 'N', '\n' };
	int err;

	err = debugfs_file_get(d);
	if (unlikely(err))
		return err;
	if (*var)
		text[0] = 'Y';
	debugfs_file_put(d);
	return simple_read_from_buffer(user_buf, count, ppos, text,
				       sizeof(text));
}
EXPORT_SYMBOL_GPL(debugfs_read_file_bool);

/*
 * As kstrtobool_from_user(): the first 3 bytes decide.  Whatever happens
 * the write consumes @count; only a removed file is an error (-EIO).
 */
ssize_t debugfs_write_file_bool(struct file *file, const char __user *user_buf,
				size_t count, loff_t *ppos)
{
	struct dentry *d = dbg_dentry(file);
	bool *var = file->private_data;
	char text[4];
	size_t take = min(count, sizeof(text) - 1);
	bool parsed;
	int err;

	if (copy_from_user(text, user_buf, take))
		return count;
	text[take] = '\0';
	if (kstrtobool(text, &parsed))
		return count;

	err = debugfs_file_get(d);
	if (unlikely(err))
		return err;
	*var = parsed;
	debugfs_file_put(d);
	return count;
}
EXPORT_SYMBOL_GPL(debugfs_write_file_bool);

static const struct file_operations dbg_bool_rw = {
	.open	= dbg_open_value,
	.read	= debugfs_read_file_bool,
	.write	= debugfs_write_file_bool,
	.llseek	= default_llseek,
};

static const struct file_operations dbg_bool_ro = {
	.open	= dbg_open_value,
	.read	= debugfs_read_file_bool,
	.llseek	= default_llseek,
};

static const struct file_operations dbg_bool_wo = {
	.open	= dbg_open_value,
	.write	= debugfs_write_file_bool,
	.llseek	= default_llseek,
};

static ssize_t dbg_read_blob(struct file *file, char __user *user_buf,
			     size_t count, loff_t *ppos)
{
	const struct debugfs_blob_wrapper *blob = file->private_data;
	struct dentry *d = dbg_dentry(file);
	ssize_t ret;

	ret = debugfs_file_get(d);
	if (likely(!ret)) {
		ret = simple_read_from_buffer(user_buf, count, ppos,
					      blob->data, blob->size);
		debugfs_file_put(d);
	}
	return ret;
}

static const struct file_operations dbg_blob_ro = {
	.open	= dbg_open_value,
	.read	= dbg_read_blob,
	.llseek	= default_llseek,
};

/* ------------------------------------------------------------------ */
/* Creating them                                                       */
/* ------------------------------------------------------------------ */

/* The three tables of one value type. */
struct dbg_value_fops {
	const struct file_operations *rw, *ro, *wo;
};

#define DBG_KIND(kind, tag)						\
	[kind] = { &dbg_##tag##_rw, &dbg_##tag##_ro, &dbg_##tag##_wo }

static const struct dbg_value_fops dbg_value_kinds[] = {
	DBG_KIND(__KSHIM_DEBUGFS_U8, u8),
	DBG_KIND(__KSHIM_DEBUGFS_U16, u16),
	DBG_KIND(__KSHIM_DEBUGFS_U32, u32),
	DBG_KIND(__KSHIM_DEBUGFS_U64, u64),
	DBG_KIND(__KSHIM_DEBUGFS_ULONG, ulong),
	DBG_KIND(__KSHIM_DEBUGFS_X8, x8),
	DBG_KIND(__KSHIM_DEBUGFS_X16, x16),
	DBG_KIND(__KSHIM_DEBUGFS_X32, x32),
	DBG_KIND(__KSHIM_DEBUGFS_X64, x64),
	DBG_KIND(__KSHIM_DEBUGFS_SIZE_T, size_t),
	DBG_KIND(__KSHIM_DEBUGFS_ATOMIC_T, atomic),
	DBG_KIND(__KSHIM_DEBUGFS_BOOL, bool),
	/* a blob is read-only whatever the mode says */
	[__KSHIM_DEBUGFS_BLOB] = { &dbg_blob_ro, &dbg_blob_ro, &dbg_blob_ro },
};

struct dentry *__kshim_debugfs_create_value(const char *name, umode_t mode,
					    struct dentry *parent,
					    void *value, int kind,
					    const struct kshim_site *site)
{
	const struct dbg_value_fops *k;
	const struct file_operations *fops;

	if (kind < 0 || kind >= (int)ARRAY_SIZE(dbg_value_kinds) ||
	    !dbg_value_kinds[kind].rw)
		return ERR_PTR(-EINVAL);
	k = &dbg_value_kinds[kind];
	/* the mode picks the table: no write bits read-only, no read bits write-only */
	if (!(mode & S_IWUGO))
		fops = k->ro;
	else if (!(mode & S_IRUGO))
		fops = k->wo;
	else
		fops = k->rw;
	return __kshim_debugfs_create_file(name, mode, parent, value, fops,
					   true, site);
}
EXPORT_SYMBOL_GPL(__kshim_debugfs_create_value);
