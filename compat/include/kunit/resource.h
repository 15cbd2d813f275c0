/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit/resource.h - test-managed resources, as include/kunit/resource.h
 * of 6.1 (deferred actions from 6.5): a resource is reference counted,
 * listed on its test, found by a match function or a name, and released
 * (its free function called) when the case ends, newest first, whether
 * the case passed, failed an assertion or skipped.
 */
#ifndef _KUNIT_RESOURCE_H
#define _KUNIT_RESOURCE_H

#include <kunit/test.h>

#include <linux/errno.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/version.h>

struct kunit_resource;

typedef int (*kunit_resource_init_t)(struct kunit_resource *, void *);
typedef void (*kunit_resource_free_t)(struct kunit_resource *);

struct kunit_resource {
	void *data;
	const char *name;
	kunit_resource_free_t free;

	/* private: internal use only. */
	struct kref refcount;
	struct list_head node;
	bool should_kfree;
};

static inline void kunit_get_resource(struct kunit_resource *res)
{
	kref_get(&res->refcount);
}

/* The last reference is gone: free the data, then the resource if ours. */
static inline void kunit_release_resource(struct kref *kref)
{
	struct kunit_resource *res = container_of(kref, struct kunit_resource,
						  refcount);
	bool ours = res->should_kfree;	/* res->free may free res itself */

	if (res->free)
		res->free(res);
	if (ours)
		kfree(res);
}

static inline void kunit_put_resource(struct kunit_resource *res)
{
	kref_put(&res->refcount, kunit_release_resource);
}

/* Initialise @res (init(res, data), or data as is) and list it on @test. */
int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
			 kunit_resource_free_t free,
			 struct kunit_resource *res, void *data);

static inline int kunit_add_resource(struct kunit *test,
				     kunit_resource_init_t init,
				     kunit_resource_free_t free,
				     struct kunit_resource *res, void *data)
{
	res->should_kfree = false;
	return __kunit_add_resource(test, init, free, res, data);
}

typedef bool (*kunit_resource_match_t)(struct kunit *test,
				       struct kunit_resource *res,
				       void *match_data);

/* The newest resource @match accepts, with a reference, or NULL. */
static inline struct kunit_resource *
kunit_find_resource(struct kunit *test, kunit_resource_match_t match,
		    void *match_data)
{
	struct kunit_resource *res, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&test->lock, flags);
	list_for_each_entry_reverse(res, &test->resources, node) {
		if (match(test, res, match_data)) {
			found = res;
			kunit_get_resource(found);
			break;
		}
	}
	spin_unlock_irqrestore(&test->lock, flags);
	return found;
}

static inline bool kunit_resource_name_match(struct kunit *test,
					     struct kunit_resource *res,
					     void *match_name)
{
	return res->name && !strcmp(res->name, match_name);
}

static inline bool kunit_resource_instance_match(struct kunit *test,
						 struct kunit_resource *res,
						 void *match_data)
{
	return res->data == match_data;
}

static inline struct kunit_resource *
kunit_find_named_resource(struct kunit *test, const char *name)
{
	return kunit_find_resource(test, kunit_resource_name_match,
				   (void *)name);
}

/* A resource by name: -EINVAL without one, -EEXIST if the name is taken. */
static inline int kunit_add_named_resource(struct kunit *test,
					   kunit_resource_init_t init,
					   kunit_resource_free_t free,
					   struct kunit_resource *res,
					   const char *name, void *data)
{
	struct kunit_resource *existing;

	if (!name)
		return -EINVAL;
	existing = kunit_find_named_resource(test, name);
	if (existing) {
		kunit_put_resource(existing);
		return -EEXIST;
	}
	res->name = name;
	res->should_kfree = false;
	return __kunit_add_resource(test, init, free, res, data);
}

/* A new resource holding a reference for the caller (kunit_put_resource). */
static inline struct kunit_resource *
kunit_alloc_and_get_resource(struct kunit *test, kunit_resource_init_t init,
			     kunit_resource_free_t free, gfp_t internal_gfp,
			     void *context)
{
	struct kunit_resource *res = kzalloc(sizeof(*res), internal_gfp);

	if (!res)
		return NULL;
	res->should_kfree = true;
	if (__kunit_add_resource(test, init, free, res, context)) {
		kfree(res);
		return NULL;
	}
	kunit_get_resource(res);
	return res;
}

/* A new resource; returns its data (NULL if init failed). */
static inline void *kunit_alloc_resource(struct kunit *test,
					 kunit_resource_init_t init,
					 kunit_resource_free_t free,
					 gfp_t internal_gfp, void *context)
{
	struct kunit_resource *res;
	void *data;

	res = kunit_alloc_and_get_resource(test, init, free, internal_gfp,
					   context);
	if (!res)
		return NULL;
	data = res->data;
	kunit_put_resource(res);	/* the test's reference remains */
	return data;
}

/* Unlist @res and drop the list's reference (freed when the last goes). */
void kunit_remove_resource(struct kunit *test, struct kunit_resource *res);

/* Remove the newest resource @match accepts: 0, or -ENOENT. */
int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match,
			   void *match_data);

static inline int kunit_destroy_named_resource(struct kunit *test,
					       const char *name)
{
	return kunit_destroy_resource(test, kunit_resource_name_match,
				      (void *)name);
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
/* A function called with @ctx when the case ends (or when released). */
typedef void (kunit_action_t)(void *);

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);
/* Same, but on failure to defer, @action(@ctx) is called at once. */
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx);
/* Forget the newest deferral of @action(@ctx) without calling it. */
void kunit_remove_action(struct kunit *test, kunit_action_t *action,
			 void *ctx);
/* Call the newest deferral of @action(@ctx) now, and forget it. */
void kunit_release_action(struct kunit *test, kunit_action_t *action,
			  void *ctx);
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
/* A kunit_action_t calling @orig(@arg_type) (6.8). */
#define KUNIT_DEFINE_ACTION_WRAPPER(wrapper, orig, arg_type)		\
	static void wrapper(void *in)					\
	{								\
		arg_type arg = (arg_type)in;				\
		orig(arg);						\
	}
#endif

#endif /* _KUNIT_RESOURCE_H */
