/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/debugfs.h - a driver's files under /sys/kernel/debug.
 *
 * Follows include/linux/debugfs.h and fs/debugfs/{inode,file}.c of 6.1
 * (compat/fs/debugfs/): debugfs_create_dir(), debugfs_create_file(),
 * debugfs_create_file_unsafe(), debugfs_create_file_size(), the value
 * files debugfs_create_{u8,u16,u32,u64,ulong,x8,x16,x32,x64,size_t,
 * atomic_t,bool,blob}(), debugfs_remove() (recursive; also
 * debugfs_remove_recursive), debugfs_lookup() (+ dput()),
 * debugfs_lookup_and_remove(), debugfs_file_get()/put(),
 * debugfs_real_fops(), DEFINE_DEBUGFS_ATTRIBUTE(_SIGNED), debugfs_attr_*,
 * debugfs_read_file_bool()/debugfs_write_file_bool().
 *
 * As in 6.1, creation never returns NULL: a failure is an ERR_PTR (a name
 * that exists: "debugfs: File '%s' in directory '%s' already present!" or
 * "debugfs: Directory '%s' with parent '%s' already present!" and
 * -EEXIST), and an ERR_PTR parent is returned as it is, so callers need
 * not check.  Value files print "%llu\n" (u8..u64, ulong, size_t),
 * "0x%02llx\n" ... "0x%016llx\n" (x8..x64), "%lld\n" (atomic_t), "Y\n" or
 * "N\n" (bool); writes parse with kstrtoull(.., 0, ..) (kstrtoll for
 * atomic_t, kstrtobool for bool).  A mode without write bits gives a file
 * without ->write (write(2) fails), one without read bits a file without
 * ->read.  debugfs_create_file() files are protected against removal
 * (after debugfs_remove() every call on a still open file is -EIO, and
 * removal waits for calls in progress); _unsafe ones are not (their
 * handlers use debugfs_file_get()).  A simulated process opens
 * "/sys/kernel/debug/<path>" (kshim/user.h).  Entries still present when
 * a test ends are on the ledger ("debugfs entries"), each with the line
 * that created it.
 *
 * Profiles: the value creators return void from 5.5 on (a struct dentry *
 * before).
 */
#ifndef _DEBUGFS_H_
#define _DEBUGFS_H_

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/version.h>
#include <kshim/site.h>

struct device;
struct file_operations;

struct debugfs_blob_wrapper {
	void *data;
	unsigned long size;
};

struct debugfs_u32_array {
	u32 *array;
	u32 n_elements;
};

/* compat/fs/debugfs/file.c: the attribute files' open/release. */
int __kshim_debugfs_attr_open(struct inode *inode, struct file *file,
			      int (*get)(void *, u64 *),
			      int (*set)(void *, u64), const char *fmt);
int __kshim_debugfs_attr_release(struct inode *inode, struct file *file);
loff_t __kshim_debugfs_no_llseek(struct file *file, loff_t offset,
				 int whence);

static inline __printf(1, 2)
void __kshim_debugfs_attr_check_format(const char *fmt, ...)
{
	/* empty: only here so that __printf checks @fmt against a u64 */
}

/*
 * An attribute file: @__get/@__set (either may be NULL) move the value as
 * a u64, @__fmt prints it; writes parse signed when @__is_signed.
 */
#define DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, __is_signed) \
static int __fops ## _open(struct inode *inode, struct file *file)	\
{									\
	__kshim_debugfs_attr_check_format(__fmt, 0ull);			\
	return __kshim_debugfs_attr_open(inode, file, __get, __set,	\
					 __fmt);			\
}									\
static const struct file_operations __fops = {				\
	.owner		= THIS_MODULE,					\
	.open		= __fops ## _open,				\
	.llseek		= __kshim_debugfs_no_llseek,			\
	.read		= debugfs_attr_read,				\
	.write		= (__is_signed) ? debugfs_attr_write_signed	\
					: debugfs_attr_write,		\
	.release	= __kshim_debugfs_attr_release,			\
}

#define DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt)		\
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, false)

#define DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(__fops, __get, __set, __fmt)	\
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, true)

struct dentry *__kshim_debugfs_create_file(const char *name, umode_t mode,
		struct dentry *parent, void *data,
		const struct file_operations *fops, bool unsafe,
		const struct kshim_site *site);
struct dentry *__kshim_debugfs_create_dir(const char *name,
					  struct dentry *parent,
					  const struct kshim_site *site);
/* The value files: @kind is one of compat/fs/debugfs/file.c's. */
struct dentry *__kshim_debugfs_create_value(const char *name, umode_t mode,
					    struct dentry *parent,
					    void *value, int kind,
					    const struct kshim_site *site);
enum {
	__KSHIM_DEBUGFS_U8, __KSHIM_DEBUGFS_U16, __KSHIM_DEBUGFS_U32,
	__KSHIM_DEBUGFS_U64, __KSHIM_DEBUGFS_ULONG, __KSHIM_DEBUGFS_X8,
	__KSHIM_DEBUGFS_X16, __KSHIM_DEBUGFS_X32, __KSHIM_DEBUGFS_X64,
	__KSHIM_DEBUGFS_SIZE_T, __KSHIM_DEBUGFS_ATOMIC_T,
	__KSHIM_DEBUGFS_BOOL, __KSHIM_DEBUGFS_BLOB,
};

struct dentry *debugfs_lookup(const char *name, struct dentry *parent);

struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);

#define debugfs_create_file(name, mode, parent, data, fops)		\
	__kshim_debugfs_create_file(name, mode, parent, data, fops, false, \
				    __KSHIM_CALLSITE)
#define debugfs_create_file_unsafe(name, mode, parent, data, fops)	\
	__kshim_debugfs_create_file(name, mode, parent, data, fops, true, \
				    __KSHIM_CALLSITE)
#define debugfs_create_dir(name, parent)				\
	__kshim_debugfs_create_dir(name, parent, __KSHIM_CALLSITE)

void debugfs_create_file_size(const char *name, umode_t mode,
			      struct dentry *parent, void *data,
			      const struct file_operations *fops,
			      loff_t file_size);

void debugfs_remove(struct dentry *dentry);
#define debugfs_remove_recursive debugfs_remove

void debugfs_lookup_and_remove(const char *name, struct dentry *parent);

const struct file_operations *debugfs_real_fops(const struct file *filp);

int debugfs_file_get(struct dentry *dentry);
void debugfs_file_put(struct dentry *dentry);

ssize_t debugfs_attr_read(struct file *file, char __user *buf,
			size_t len, loff_t *ppos);
ssize_t debugfs_attr_write(struct file *file, const char __user *buf,
			size_t len, loff_t *ppos);
ssize_t debugfs_attr_write_signed(struct file *file, const char __user *buf,
			size_t len, loff_t *ppos);

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 5, 0)
#define __KSHIM_DEBUGFS_VALUE(name, mode, parent, value, kind)		\
	((void)__kshim_debugfs_create_value(name, mode, parent, value,	\
					    kind, __KSHIM_CALLSITE))
#else
#define __KSHIM_DEBUGFS_VALUE(name, mode, parent, value, kind)		\
	__kshim_debugfs_create_value(name, mode, parent, value, kind,	\
				     __KSHIM_CALLSITE)
#endif

/* Type-checked pointers, as the kernel's prototypes check them. */
static inline void *__kshim_dbg_u8(u8 *v) { return v; }
static inline void *__kshim_dbg_u16(u16 *v) { return v; }
static inline void *__kshim_dbg_u32(u32 *v) { return v; }
static inline void *__kshim_dbg_u64(u64 *v) { return v; }
static inline void *__kshim_dbg_ulong(unsigned long *v) { return v; }
static inline void *__kshim_dbg_size_t(size_t *v) { return v; }
static inline void *__kshim_dbg_atomic_t(atomic_t *v) { return v; }
static inline void *__kshim_dbg_bool(bool *v) { return v; }

#define debugfs_create_u8(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u8(value), \
			      __KSHIM_DEBUGFS_U8)
#define debugfs_create_u16(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u16(value), \
			      __KSHIM_DEBUGFS_U16)
#define debugfs_create_u32(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u32(value), \
			      __KSHIM_DEBUGFS_U32)
#define debugfs_create_u64(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u64(value), \
			      __KSHIM_DEBUGFS_U64)
#define debugfs_create_ulong(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent,			\
			      __kshim_dbg_ulong(value), __KSHIM_DEBUGFS_ULONG)
#define debugfs_create_x8(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u8(value), \
			      __KSHIM_DEBUGFS_X8)
#define debugfs_create_x16(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u16(value), \
			      __KSHIM_DEBUGFS_X16)
#define debugfs_create_x32(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u32(value), \
			      __KSHIM_DEBUGFS_X32)
#define debugfs_create_x64(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_u64(value), \
			      __KSHIM_DEBUGFS_X64)
#define debugfs_create_size_t(name, mode, parent, value)		\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent,			\
			      __kshim_dbg_size_t(value), __KSHIM_DEBUGFS_SIZE_T)
#define debugfs_create_atomic_t(name, mode, parent, value)		\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent,			\
			      __kshim_dbg_atomic_t(value),		\
			      __KSHIM_DEBUGFS_ATOMIC_T)
#define debugfs_create_bool(name, mode, parent, value)			\
	__KSHIM_DEBUGFS_VALUE(name, mode, parent, __kshim_dbg_bool(value), \
			      __KSHIM_DEBUGFS_BOOL)

static inline void *__kshim_dbg_blob(struct debugfs_blob_wrapper *b)
{
	return b;
}
#define debugfs_create_blob(name, mode, parent, blob)			\
	__kshim_debugfs_create_value(name, mode, parent,		\
				     __kshim_dbg_blob(blob),		\
				     __KSHIM_DEBUGFS_BLOB, __KSHIM_CALLSITE)

bool debugfs_initialized(void);

ssize_t debugfs_read_file_bool(struct file *file, char __user *user_buf,
			       size_t count, loff_t *ppos);
ssize_t debugfs_write_file_bool(struct file *file, const char __user *user_buf,
				size_t count, loff_t *ppos);

/* What the kernel's linux/debugfs.h also makes visible. */
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/gfp.h>
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
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/xarray.h>

#endif /* _DEBUGFS_H_ */
