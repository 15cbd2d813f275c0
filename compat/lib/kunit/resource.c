// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kunit/resource.c - test-managed resources (lib/kunit/
 * resource.c of 6.1), deferred actions (6.5) and static stubs (6.4, a
 * resource mapping a function to its replacement for one test).
 */
#include <kunit/resource.h>
#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/kref.h>
#include <linux/slab.h>

int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
			 kunit_resource_free_t free,
			 struct kunit_resource *res, void *data)
{
	unsigned long flags;
	int ret;

	res->free = free;
	kref_init(&res->refcount);	/* the list's reference */
	if (init) {
		ret = init(res, data);
		if (ret)
			return ret;
	} else {
		res->data = data;
	}
	spin_lock_irqsave(&test->lock, flags);
	list_add_tail(&res->node, &test->resources);
	spin_unlock_irqrestore(&test->lock, flags);
	return 0;
}

void kunit_remove_resource(struct kunit *test, struct kunit_resource *res)
{
	unsigned long flags;
	bool listed;

	spin_lock_irqsave(&test->lock, flags);
	listed = !list_empty(&res->node);
	list_del_init(&res->node);
	spin_unlock_irqrestore(&test->lock, flags);
	if (listed)
		kunit_put_resource(res);
}

int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match,
			   void *match_data)
{
	struct kunit_resource *res = kunit_find_resource(test, match,
							 match_data);

	if (!res)
		return -ENOENT;
	kunit_remove_resource(test, res);
	kunit_put_resource(res);	/* the reference find took */
	return 0;
}

/* ---- deferred actions ---- */

struct kunit_action_ctx {
	struct kunit_resource res;	/* first: kfree(res) frees it all */
	kunit_action_t *func;
	void *ctx;
};

static void kunit_action_free(struct kunit_resource *res)
{
	struct kunit_action_ctx *a = container_of(res, struct kunit_action_ctx,
						  res);

	a->func(a->ctx);
}

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_ctx *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	a->func = action;
	a->ctx = ctx;
	a->res.should_kfree = true;
	return __kunit_add_resource(test, NULL, kunit_action_free, &a->res, a);
}

int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx)
{
	int ret = kunit_add_action(test, action, ctx);

	if (ret)
		action(ctx);
	return ret;
}

static bool kunit_action_match(struct kunit *test, struct kunit_resource *res,
			       void *match_data)
{
	struct kunit_action_ctx *want = match_data, *a;

	if (res->free != kunit_action_free)
		return false;
	a = container_of(res, struct kunit_action_ctx, res);
	return a->func == want->func && a->ctx == want->ctx;
}

/* The newest deferral of @action(@ctx), with a reference, or NULL. */
static struct kunit_resource *find_action(struct kunit *test,
					  kunit_action_t *action, void *ctx)
{
	struct kunit_action_ctx want = { .func = action, .ctx = ctx };

	return kunit_find_resource(test, kunit_action_match, &want);
}

void kunit_remove_action(struct kunit *test, kunit_action_t *action,
			 void *ctx)
{
	struct kunit_resource *res = find_action(test, action, ctx);

	if (!res)
		return;
	res->free = NULL;		/* forgotten, not called */
	kunit_remove_resource(test, res);
	kunit_put_resource(res);
}

void kunit_release_action(struct kunit *test, kunit_action_t *action,
			  void *ctx)
{
	struct kunit_resource *res = find_action(test, action, ctx);

	if (!res)
		return;
	kunit_remove_resource(test, res);
	kunit_put_resource(res);	/* the last reference: called now */
}

/* ---- static stubs ---- */

struct kunit_static_stub {
	void *real;
	void *replacement;
};

static void kunit_static_stub_free(struct kunit_resource *res)
{
	kfree(res->data);
}

static bool kunit_static_stub_match(struct kunit *test,
				    struct kunit_resource *res,
				    void *real)
{
	struct kunit_static_stub *stub = res->data;

	return res->free == kunit_static_stub_free && stub->real == real;
}

void *__kshim_kunit_static_stub(struct kunit *test, void *real_fn_addr)
{
	struct kunit_resource *res;
	void *replacement;

	res = kunit_find_resource(test, kunit_static_stub_match, real_fn_addr);
	if (!res)
		return NULL;
	replacement = ((struct kunit_static_stub *)res->data)->replacement;
	kunit_put_resource(res);
	return replacement;
}

void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr)
{
	kunit_destroy_resource(test, kunit_static_stub_match, real_fn_addr);
}

void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr,
				  void *replacement_addr)
{
	struct kunit_static_stub *stub;
	struct kunit_resource *res;

	KUNIT_ASSERT_PTR_NE_MSG(test, real_fn_addr, NULL,
				"Tried to activate a stub for function NULL");
	if (!replacement_addr) {
		kunit_deactivate_static_stub(test, real_fn_addr);
		return;
	}
	res = kunit_find_resource(test, kunit_static_stub_match, real_fn_addr);
	if (res) {
		((struct kunit_static_stub *)res->data)->replacement =
			replacement_addr;
		kunit_put_resource(res);
		return;
	}
	stub = kzalloc(sizeof(*stub), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, stub,
					 "Failed to allocate static stub context");
	stub->real = real_fn_addr;
	stub->replacement = replacement_addr;
	if (!kunit_alloc_resource(test, NULL, kunit_static_stub_free,
				  GFP_KERNEL, stub))
		kfree(stub);
}
