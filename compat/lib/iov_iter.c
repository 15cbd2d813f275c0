// SPDX-License-Identifier: GPL-2.0-only
/*
 * compat/lib/iov_iter.c - iov_iter for ->read_iter/->write_iter, as
 * lib/iov_iter.c of 6.1 for the ITER_UBUF, ITER_IOVEC and ITER_KVEC kinds:
 *  - copy_to_iter()/copy_from_iter() walk the segments from iov_offset,
 *    copy at most count bytes, advance the iterator by what was copied
 *    and return it; a user segment is copied as copyout()/copyin() do
 *    (access_ok(), then the raw copy: a bad range copies short, nothing
 *    is zeroed) and a user-backed copy is one might_fault() point (at the
 *    caller's line);
 *  - copy_page_to_iter()/copy_page_from_iter(): page by page through
 *    kmap_local_page() (a highmem page too);
 *  - iov_iter_advance()/iov_iter_revert()/iov_iter_zero()/
 *    iov_iter_single_seg_count()/iov_iter_restore(), iov_iter_init()/
 *    iov_iter_kvec() (WARN_ON a direction other than READ/WRITE),
 *    import_single_range() (-EFAULT when access_ok() fails, the length
 *    capped at MAX_RW_COUNT).
 * Other kinds (bvec, pipe, xarray, discard) copy nothing.
 */
#include <linux/build_bug.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/mm.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#undef copy_to_iter
#undef copy_from_iter
#undef copy_page_to_iter
#undef copy_page_from_iter

/*
 * kshim walks IOVEC and KVEC iterators through the one member i->iov:
 * struct kvec is laid out like struct iovec (checked below), only the
 * address space of the base differs.
 */
static inline void kshim_iovec_kvec_alike(void)
{
	BUILD_BUG_ON(sizeof(struct kvec) != sizeof(struct iovec));
	BUILD_BUG_ON(offsetof(struct kvec, iov_base) !=
		     offsetof(struct iovec, iov_base));
	BUILD_BUG_ON(offsetof(struct kvec, iov_len) !=
		     offsetof(struct iovec, iov_len));
}

/* A kind with an array of segments (rather than one buffer or none). */
static bool kshim_iter_has_segs(const struct iov_iter *i)
{
	return iter_is_iovec(i) || iov_iter_is_kvec(i);
}

/* Bad direction bits are the caller's bug: warn, and go on. */
static void kshim_iter_check_dir(unsigned int direction)
{
	WARN_ON(direction > (READ | WRITE));
}

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count)
{
	kshim_iter_check_dir(direction);
	memset(i, 0, sizeof(*i));
	i->iter_type = ITER_IOVEC;
	i->user_backed = true;
	i->data_source = direction;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->count = count;
}
EXPORT_SYMBOL(iov_iter_init);

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count)
{
	kshim_iovec_kvec_alike();
	kshim_iter_check_dir(direction);
	memset(i, 0, sizeof(*i));
	i->iter_type = ITER_KVEC;
	i->data_source = direction;
	i->kvec = kvec;
	i->nr_segs = nr_segs;
	i->count = count;
}
EXPORT_SYMBOL(iov_iter_kvec);

/*
 * Consume @n bytes of a UBUF or segment-array iterator: the offset moves
 * on, and whole segments behind it (empty ones included) are dropped
 * from the front of the array.
 */
static void kshim_iter_eat(struct iov_iter *i, size_t n)
{
	i->count -= n;
	i->iov_offset += n;
	if (!kshim_iter_has_segs(i))
		return;
	while (i->nr_segs && i->iov_offset >= i->iov->iov_len) {
		i->iov_offset -= i->iov->iov_len;
		i->iov++;
		i->nr_segs--;
	}
}

/*
 * The contiguous stretch the iterator is at: its start in *start and its
 * length (bounded by count); 0 when there is nothing left to reach.
 */
static size_t kshim_iter_stretch(const struct iov_iter *i, void **start)
{
	size_t room;

	if (iter_is_ubuf(i)) {
		*start = i->ubuf + i->iov_offset;
		return i->count;
	}
	if (!kshim_iter_has_segs(i) || !i->nr_segs)
		return 0;
	*start = i->iov->iov_base + i->iov_offset;
	room = i->iov->iov_len - i->iov_offset;
	return room < i->count ? room : i->count;
}

enum kshim_iter_op { KSHIM_ITER_OUT, KSHIM_ITER_IN, KSHIM_ITER_CLEAR };

/*
 * Move @len bytes between @kbuf and one stretch at @at (user memory when
 * @user: access_ok() and the raw copy, as copyout()/copyin(), so a bad
 * range comes up short and nothing is zeroed).  Returns what was NOT
 * moved.
 */
static size_t kshim_stretch_move(void *at, bool user, void *kbuf, size_t len,
				 enum kshim_iter_op op,
				 const struct kshim_site *site)
{
	switch (op) {
	case KSHIM_ITER_OUT:
		if (user)
			return __kshim_copy_to_user((void __user *)at, kbuf,
						    len, __KSHIM_UC_CHECK, site);
		memcpy(at, kbuf, len);
		return 0;
	case KSHIM_ITER_IN:
		if (user)
			return __kshim_copy_from_user(kbuf,
						      (const void __user *)at,
						      len, __KSHIM_UC_CHECK,
						      site);
		memcpy(kbuf, at, len);
		return 0;
	default:
		if (user)
			return __kshim_clear_user((void __user *)at, len, true,
						  site);
		memset(at, 0, len);
		return 0;
	}
}

/*
 * The one copy loop: up to @bytes (at most what the iterator still
 * covers), stretch by stretch, stopping at the first short one; the
 * iterator ends past what was moved.  A user-backed iterator is one
 * might_fault() point, reported at the caller's line.
 */
static size_t kshim_iter_move(struct iov_iter *i, size_t bytes, void *kbuf,
			      enum kshim_iter_op op,
			      const struct kshim_site *site)
{
	bool user = user_backed_iter(i);
	size_t moved = 0;

	bytes = min(bytes, i->count);
	if (!bytes)
		return 0;
	if (user)
		__might_fault(kshim_site_file(site), kshim_site_line(site));

	/* Step over empty segments the iterator may start on. */
	kshim_iter_eat(i, 0);
	while (moved < bytes) {
		void *at;
		size_t want = min(kshim_iter_stretch(i, &at), bytes - moved);
		size_t missed, got;

		if (!want)
			break;
		missed = kshim_stretch_move(at, user,
					    kbuf ? (char *)kbuf + moved : NULL,
					    want, op, site);
		got = want - missed;
		kshim_iter_eat(i, got);
		moved += got;
		if (missed)
			break;
	}
	return moved;
}

size_t __kshim_copy_to_iter(const void *addr, size_t bytes,
			    struct iov_iter *i, const struct kshim_site *site)
{
	return kshim_iter_move(i, bytes, (void *)addr, KSHIM_ITER_OUT, site);
}

size_t __kshim_copy_from_iter(void *addr, size_t bytes, struct iov_iter *i,
			      const struct kshim_site *site)
{
	return kshim_iter_move(i, bytes, addr, KSHIM_ITER_IN, site);
}

size_t _copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return __kshim_copy_to_iter(addr, bytes, i, NULL);
}
EXPORT_SYMBOL(_copy_to_iter);

size_t _copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return __kshim_copy_from_iter(addr, bytes, i, NULL);
}
EXPORT_SYMBOL(_copy_from_iter);

/* No cache bypass to model: the same as _copy_from_iter(). */
size_t _copy_from_iter_nocache(void *addr, size_t bytes, struct iov_iter *i)
{
	return __kshim_copy_from_iter(addr, bytes, i, NULL);
}
EXPORT_SYMBOL(_copy_from_iter_nocache);

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return kshim_iter_move(i, bytes, NULL, KSHIM_ITER_CLEAR, NULL);
}
EXPORT_SYMBOL(iov_iter_zero);

/*
 * A range of (possibly compound, possibly highmem) pages: each page is
 * mapped with kmap_local_page() for its part of the copy.  The range is
 * addressed by its byte offset from @page; the walk ends when all is
 * done or a part moves nothing.
 */
static size_t kshim_pages_move(struct page *page, size_t offset,
			       size_t bytes, struct iov_iter *i,
			       enum kshim_iter_op op,
			       const struct kshim_site *site)
{
	size_t total = 0;

	for (;;) {
		size_t pos = offset + total;
		size_t in_page = pos & ~PAGE_MASK;
		size_t part = min(bytes - total, PAGE_SIZE - in_page);
		char *map = kmap_local_page(page + pos / PAGE_SIZE);
		size_t got = kshim_iter_move(i, part, map + in_page, op, site);

		kunmap_local(map);
		total += got;
		if (!got || total == bytes)
			return total;
	}
}

size_t __kshim_copy_page_to_iter(struct page *page, size_t offset,
				 size_t bytes, struct iov_iter *i,
				 const struct kshim_site *site)
{
	return kshim_pages_move(page, offset, bytes, i, KSHIM_ITER_OUT, site);
}

size_t __kshim_copy_page_from_iter(struct page *page, size_t offset,
				   size_t bytes, struct iov_iter *i,
				   const struct kshim_site *site)
{
	return kshim_pages_move(page, offset, bytes, i, KSHIM_ITER_IN, site);
}

size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	return __kshim_copy_page_to_iter(page, offset, bytes, i, NULL);
}
EXPORT_SYMBOL(copy_page_to_iter);

size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i)
{
	return __kshim_copy_page_from_iter(page, offset, bytes, i, NULL);
}
EXPORT_SYMBOL(copy_page_from_iter);

void iov_iter_advance(struct iov_iter *i, size_t size)
{
	size_t step = min(size, i->count);

	if (iter_is_ubuf(i) || kshim_iter_has_segs(i))
		kshim_iter_eat(i, step);
	else if (iov_iter_is_discard(i))
		i->count -= step;
	/* bvec, pipe and xarray iterators are not built by kshim. */
}
EXPORT_SYMBOL(iov_iter_advance);

void iov_iter_revert(struct iov_iter *i, size_t unroll)
{
	if (!unroll || WARN_ON(unroll > MAX_RW_COUNT))
		return;
	i->count += unroll;
	if (iov_iter_is_discard(i))
		return;
	if (kshim_iter_has_segs(i)) {
		/* Back over whole segments until the rest fits in one. */
		while (unroll > i->iov_offset) {
			unroll -= i->iov_offset;
			i->iov--;
			i->nr_segs++;
			i->iov_offset = i->iov->iov_len;
		}
		i->iov_offset -= unroll;
	} else if (unroll <= i->iov_offset) {
		i->iov_offset -= unroll;
	}
}
EXPORT_SYMBOL(iov_iter_revert);

/* What the current segment still holds (all of count for one buffer). */
size_t iov_iter_single_seg_count(const struct iov_iter *i)
{
	size_t in_seg;

	if (i->nr_segs <= 1 || !kshim_iter_has_segs(i))
		return i->count;
	in_seg = i->iov->iov_len - i->iov_offset;
	return in_seg < i->count ? in_seg : i->count;
}
EXPORT_SYMBOL(iov_iter_single_seg_count);

void iov_iter_restore(struct iov_iter *i, struct iov_iter_state *state)
{
	bool restorable = iter_is_ubuf(i) || iter_is_iovec(i) ||
			  iov_iter_is_bvec(i);

	/*
	 * A kvec iterator trips the warning (once) yet is restored, as in
	 * the kernel from 6.2 on (6.1 warned for ubuf too); other kinds are
	 * left alone.
	 */
	if (WARN_ON_ONCE(!restorable) && !iov_iter_is_kvec(i))
		return;
	i->count = state->count;
	i->iov_offset = state->iov_offset;
	if (iter_is_ubuf(i))
		return;
	/* Segments consumed since the save come back at the front. */
	i->iov = i->iov - (state->nr_segs - i->nr_segs);
	i->nr_segs = state->nr_segs;
}
EXPORT_SYMBOL(iov_iter_restore);

int import_single_range(int rw, void __user *buf, size_t len,
			struct iovec *iov, struct iov_iter *i)
{
	size_t n = min_t(size_t, len, MAX_RW_COUNT);

	if (!__kshim_access_ok(buf, n))
		return -EFAULT;
	*iov = (struct iovec){ .iov_base = buf, .iov_len = n };
	iov_iter_init(i, rw, iov, 1, n);
	return 0;
}
EXPORT_SYMBOL(import_single_range);
