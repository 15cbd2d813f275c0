/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * linux/uio.h - struct kvec and the iov_iter a ->read_iter/->write_iter
 * method copies through.
 *
 * Follows include/linux/uio.h of 6.1 (with the stable series' ITER_SOURCE
 * and ITER_DEST): struct iov_iter with the 6.1 members, the ITER_UBUF,
 * ITER_IOVEC and ITER_KVEC kinds (iov_iter_ubuf(), iov_iter_init(),
 * iov_iter_kvec(), import_single_range()), iov_iter_count(),
 * iov_iter_advance()/iov_iter_revert()/iov_iter_truncate()/
 * iov_iter_reexpand(), copy_to_iter()/copy_from_iter()/
 * copy_from_iter_full(), copy_page_to_iter()/copy_page_from_iter() (the
 * page through kmap_local_page(), highmem too) and iov_iter_zero().
 * User-backed segments go through uaccess (access_ok() and the raw
 * copies, compat/lib/iov_iter.c): a bad user range copies short, as the
 * kernel's copyout()/copyin(), and copying to user space may fault
 * (might_fault()).  bvec, pipe, xarray and discard iterators are not
 * provided.
 */
#ifndef __LINUX_UIO_H
#define __LINUX_UIO_H

#include <linux/kernel.h>
#include <linux/thread_info.h>
#include <linux/mm_types.h>
#include <linux/bug.h>
#include <uapi/linux/uio.h>
#include <kshim/site.h>

struct page;

struct kvec {
	void *iov_base;	/* kernel memory only (user memory: struct iovec) */
	size_t iov_len;
};

enum iter_type {
	/* iter types */
	ITER_IOVEC,
	ITER_KVEC,
	ITER_BVEC,
	ITER_PIPE,
	ITER_XARRAY,
	ITER_DISCARD,
	ITER_UBUF,
};

/* The direction an iterator is set up for: the data's source or sink. */
#define ITER_SOURCE	1	/* the iterator is read from (WRITE) */
#define ITER_DEST	0	/* the iterator is written to (READ) */

struct iov_iter_state {
	size_t iov_offset;
	size_t count;
	unsigned long nr_segs;
};

struct iov_iter {
	u8 iter_type;
	bool nofault;
	bool data_source;
	bool user_backed;
	union {
		size_t iov_offset;
		int last_offset;
	};
	size_t count;
	union {
		const struct iovec *iov;
		const struct kvec *kvec;
		const struct bio_vec *bvec;
		struct xarray *xarray;
		struct pipe_inode_info *pipe;
		void __user *ubuf;
	};
	union {
		unsigned long nr_segs;
		struct {
			unsigned int head;
			unsigned int start_head;
		};
		loff_t xarray_start;
	};
};

static inline enum iter_type iov_iter_type(const struct iov_iter *i)
{
	return i->iter_type;
}

/* Remember where @iter is, for iov_iter_restore(). */
static inline void iov_iter_save_state(struct iov_iter *iter,
				       struct iov_iter_state *state)
{
	*state = (struct iov_iter_state){
		.nr_segs = iter->nr_segs,
		.count = iter->count,
		.iov_offset = iter->iov_offset,
	};
}

static inline bool iter_is_ubuf(const struct iov_iter *i)
{
	return i->iter_type == ITER_UBUF;
}

static inline bool iter_is_iovec(const struct iov_iter *i)
{
	return i->iter_type == ITER_IOVEC;
}

static inline bool iov_iter_is_kvec(const struct iov_iter *i)
{
	return i->iter_type == ITER_KVEC;
}

static inline bool iov_iter_is_bvec(const struct iov_iter *i)
{
	return i->iter_type == ITER_BVEC;
}

static inline bool iov_iter_is_pipe(const struct iov_iter *i)
{
	return i->iter_type == ITER_PIPE;
}

static inline bool iov_iter_is_discard(const struct iov_iter *i)
{
	return i->iter_type == ITER_DISCARD;
}

static inline bool iov_iter_is_xarray(const struct iov_iter *i)
{
	return i->iter_type == ITER_XARRAY;
}

static inline unsigned char iov_iter_rw(const struct iov_iter *i)
{
	return i->data_source ? WRITE : READ;
}

static inline bool user_backed_iter(const struct iov_iter *i)
{
	return i->user_backed;
}

/* The sum of the lengths of @nr_segs iovecs. */
static inline size_t iov_length(const struct iovec *iov,
				unsigned long nr_segs)
{
	const struct iovec *end = iov + nr_segs;
	size_t sum = 0;

	while (iov < end)
		sum += (iov++)->iov_len;
	return sum;
}

/* The rest of the current segment (no more than count) as an iovec. */
static inline struct iovec iov_iter_iovec(const struct iov_iter *iter)
{
	const struct iovec *seg = iter->iov;
	size_t rest = seg->iov_len - iter->iov_offset;
	struct iovec v;

	v.iov_base = seg->iov_base + iter->iov_offset;
	v.iov_len = rest < iter->count ? rest : iter->count;
	return v;
}

void iov_iter_advance(struct iov_iter *i, size_t bytes);
void iov_iter_revert(struct iov_iter *i, size_t bytes);
size_t iov_iter_single_seg_count(const struct iov_iter *i);

size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i);
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i);
size_t _copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t _copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t _copy_from_iter_nocache(void *addr, size_t bytes, struct iov_iter *i);

/*
 * kshim: the copies are macros over these, so that a might_fault() report
 * (copying to or from user space in atomic context) names the caller.
 */
size_t __kshim_copy_to_iter(const void *addr, size_t bytes,
			    struct iov_iter *i, const struct kshim_site *site);
size_t __kshim_copy_from_iter(void *addr, size_t bytes, struct iov_iter *i,
			      const struct kshim_site *site);
size_t __kshim_copy_page_to_iter(struct page *page, size_t offset,
				 size_t bytes, struct iov_iter *i,
				 const struct kshim_site *site);
size_t __kshim_copy_page_from_iter(struct page *page, size_t offset,
				   size_t bytes, struct iov_iter *i,
				   const struct kshim_site *site);

#define copy_to_iter(addr, bytes, i)					\
	__kshim_copy_to_iter(addr, bytes, i, __KSHIM_CALLSITE)
#define copy_from_iter(addr, bytes, i)					\
	__kshim_copy_from_iter(addr, bytes, i, __KSHIM_CALLSITE)
#define copy_from_iter_nocache(addr, bytes, i)				\
	__kshim_copy_from_iter(addr, bytes, i, __KSHIM_CALLSITE)
#define copy_page_to_iter(page, offset, bytes, i)			\
	__kshim_copy_page_to_iter(page, offset, bytes, i, __KSHIM_CALLSITE)
#define copy_page_from_iter(page, offset, bytes, i)			\
	__kshim_copy_page_from_iter(page, offset, bytes, i, __KSHIM_CALLSITE)

#define copy_from_iter_full(addr, bytes, i)				\
({									\
	size_t __cfif_bytes = (bytes);					\
	struct iov_iter *__cfif_i = (i);				\
	size_t __cfif_copied = __kshim_copy_from_iter(addr, __cfif_bytes, \
					__cfif_i, __KSHIM_CALLSITE);	\
	bool __cfif_ok = __cfif_copied == __cfif_bytes;			\
									\
	if (!__cfif_ok)							\
		iov_iter_revert(__cfif_i, __cfif_copied);		\
	__cfif_ok;							\
})
#define copy_from_iter_full_nocache(addr, bytes, i)			\
	copy_from_iter_full(addr, bytes, i)

size_t iov_iter_zero(size_t bytes, struct iov_iter *);
void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_restore(struct iov_iter *i, struct iov_iter_state *state);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/*
 * Limit what @i covers to at most @count bytes: a limit above the
 * current count changes nothing (it is a cap, not a new size).
 */
static inline void iov_iter_truncate(struct iov_iter *i, u64 count)
{
	i->count = (u64)i->count < count ? i->count : (size_t)count;
}

/*
 * Undo iov_iter_truncate(): @count is the size before it (the caller
 * must not grow the iterator past that).
 */
static inline void iov_iter_reexpand(struct iov_iter *i, size_t count)
{
	i->count = count;
}

int import_single_range(int type, void __user *buf, size_t len,
			struct iovec *iov, struct iov_iter *i);

static inline void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
				 void __user *buf, size_t count)
{
	/* only ITER_SOURCE or ITER_DEST */
	WARN_ON(direction > (READ | WRITE));
	*i = (struct iov_iter){
		.ubuf = buf,
		.count = count,
		.iter_type = ITER_UBUF,
		.data_source = direction,
		.user_backed = true,
	};
}

/* What the kernel's linux/uio.h also makes visible. */
#include <linux/notifier.h>

#endif
