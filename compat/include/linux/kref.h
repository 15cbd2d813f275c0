/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * linux/kref.h - the kernel's object reference counter on refcount_t.
 *
 * Follows include/linux/kref.h of 6.1: kref_init() sets 1, kref_get()
 * adds one (addition on 0 WARNs "refcount_t: addition on 0;
 * use-after-free."), kref_put() drops one and calls @release exactly once,
 * when the count reaches 0 (a put below 0 WARNs "refcount_t: underflow;
 * use-after-free." and releases nothing); kref_put_mutex()/kref_put_lock()
 * take the lock before the last put and call @release holding it (release
 * must drop it).  The WARNs name the caller's file:line: these are macros.
 */
#ifndef _KREF_H_
#define _KREF_H_

#include <linux/spinlock.h>
#include <linux/refcount.h>

struct kref {
	refcount_t refcount;
};

#define KREF_INIT(n)	{ .refcount = REFCOUNT_INIT(n), }

static inline void kref_init(struct kref *kref)
{
	refcount_set(&kref->refcount, 1);
}

static inline unsigned int kref_read(const struct kref *kref)
{
	return refcount_read(&kref->refcount);
}

#define kref_get(kref)							\
	__kshim_refcount_add(1, &(kref)->refcount, NULL, __KSHIM_CALLSITE)

static inline int __kshim_kref_put(struct kref *kref,
				   void (*release)(struct kref *kref),
				   const struct kshim_site *site)
{
	if (__kshim_refcount_sub_and_test(1, &kref->refcount, NULL, site)) {
		release(kref);
		return 1;
	}
	return 0;
}
#define kref_put(kref, release)						\
	__kshim_kref_put(kref, release, __KSHIM_CALLSITE)

#define kref_put_mutex(kref, release, lock)				\
	__kshim_kref_put_mutex(kref, release, lock, __UNIQUE_ID(kref_),	\
			       __UNIQUE_ID(kret_))
#define __kshim_kref_put_mutex(kr, release, lock, k, ret)		\
({									\
	struct kref *k = (kr);					\
	int ret = 0;							\
									\
	if (refcount_dec_and_mutex_lock(&k->refcount, lock)) {		\
		(release)(k);						\
		ret = 1;						\
	}								\
	ret;								\
})

#define kref_put_lock(kref, release, lock)				\
	__kshim_kref_put_lock(kref, release, lock, __UNIQUE_ID(kref_),	\
			      __UNIQUE_ID(kret_))
#define __kshim_kref_put_lock(kr, release, lock, k, ret)		\
({									\
	struct kref *k = (kr);					\
	int ret = 0;							\
									\
	if (refcount_dec_and_lock(&k->refcount, lock)) {		\
		(release)(k);						\
		ret = 1;						\
	}								\
	ret;								\
})

/* A reference, unless the count is already 0 (the object is going). */
#define kref_get_unless_zero(kref)					\
	__kshim_refcount_add_not_zero(1, &(kref)->refcount, NULL,	\
				      __KSHIM_CALLSITE)

/* What the kernel's linux/kref.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/rcupdate.h>
#include <linux/time64.h>

#endif /* _KREF_H_ */
