/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/hashtable.h - statically sized hash tables of hlists.
 *
 * Follows include/linux/hashtable.h of 6.1: a table is an array of
 * 2^bits struct hlist_head; an object's bucket is hash_min(key, bits)
 * (hash_32() for keys of up to 32 bits, else hash_long()), so objects land
 * in the buckets the kernel would put them in.  The macros taking the
 * table by name need the array itself, not a pointer (HASH_SIZE() is its
 * ARRAY_SIZE()).
 *
 * Not provided: the _rcu variants (hash_add_rcu, hash_del_rcu,
 * hash_for_each_rcu, hash_for_each_possible_rcu{,_notrace}), which need
 * <linux/rculist.h> (kshim has no RCU yet).
 */
#ifndef _LINUX_HASHTABLE_H
#define _LINUX_HASHTABLE_H

#include <linux/list.h>
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/log2.h>		/* ilog2(), through kernel.h in the kernel */
#include <linux/hash.h>

#define DEFINE_HASHTABLE(name, bits)					\
	struct hlist_head name[1 << (bits)] =				\
		{ [0 ... ((1 << (bits)) - 1)] = HLIST_HEAD_INIT }

#define DEFINE_READ_MOSTLY_HASHTABLE(name, bits)			\
	struct hlist_head name[1 << (bits)] __read_mostly =		\
		{ [0 ... ((1 << (bits)) - 1)] = HLIST_HEAD_INIT }

#define DECLARE_HASHTABLE(name, bits)					\
	struct hlist_head name[1 << (bits)]

#define HASH_SIZE(name)	(ARRAY_SIZE(name))
#define HASH_BITS(name)	ilog2(HASH_SIZE(name))

/* hash_32() where the key fits, as it is cheaper on 64-bit kernels too. */
#define hash_min(val, bits)						\
	(sizeof(val) <= 4 ? hash_32(val, bits) : hash_long(val, bits))

static inline void __hash_init(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		INIT_HLIST_HEAD(&ht[i]);
}

/* Empty every bucket of @hashtable (an array, not a pointer). */
#define hash_init(hashtable)	__hash_init(hashtable, HASH_SIZE(hashtable))

/* Add the object of hlist_node @node under @key. */
#define hash_add(hashtable, node, key)					\
	hlist_add_head(node, &hashtable[hash_min(key, HASH_BITS(hashtable))])

/* Is @node in a table? */
static inline bool hash_hashed(struct hlist_node *node)
{
	return !hlist_unhashed(node);
}

static inline bool __hash_empty(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		if (!hlist_empty(&ht[i]))
			return false;
	return true;
}

#define hash_empty(hashtable)	__hash_empty(hashtable, HASH_SIZE(hashtable))

/* Remove @node from its table; it is left unhashed (hash_hashed() false). */
static inline void hash_del(struct hlist_node *node)
{
	hlist_del_init(node);
}

/* Every object: @bkt (an int) is the bucket, @obj the cursor. */
#define hash_for_each(name, bkt, obj, member)				\
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);\
	     (bkt)++)							\
		hlist_for_each_entry(obj, &name[bkt], member)

/* As hash_for_each(); @obj may be removed (@tmp, an hlist_node *). */
#define hash_for_each_safe(name, bkt, tmp, obj, member)		\
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);\
	     (bkt)++)							\
		hlist_for_each_entry_safe(obj, tmp, &name[bkt], member)

/* The objects in @key's bucket (they may have other keys: compare). */
#define hash_for_each_possible(name, obj, member, key)			\
	hlist_for_each_entry(obj,					\
		&name[hash_min(key, HASH_BITS(name))], member)

#define hash_for_each_possible_safe(name, obj, tmp, member, key)	\
	hlist_for_each_entry_safe(obj, tmp,				\
		&name[hash_min(key, HASH_BITS(name))], member)

/* What the kernel's linux/hashtable.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/smp.h>
#include <linux/time64.h>

#endif /* _LINUX_HASHTABLE_H */
