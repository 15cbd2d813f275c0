// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/devres.c - managed device resources, as
 * drivers/base/devres.c of 6.1 (without resource groups and
 * devm_krealloc()):
 *  - a resource is a struct devres (list node, release function, name,
 *    size) followed by the caller's data, allocated with kmalloc at the
 *    caller's line (so a leak names the driver); devres_add() appends it to
 *    dev->devres_head under dev->devres_lock, and adding a node twice, or
 *    freeing one still on a list, is the kernel's BUG_ON;
 *  - lookups (devres_find/get/remove/destroy/release) take the most
 *    recently added match; devres_release_all() (device_del() and the
 *    final put_device()) unlinks every node under the lock, then calls the
 *    release functions without it, last added first, and frees each node;
 *  - devm_kmalloc() is a node with an empty release; devm_kfree() of a
 *    pointer the device does not manage is WARN_ON(rc) (at the caller's
 *    line); devm_kmalloc(dev, 0, gfp) is ZERO_SIZE_PTR; sizes that overflow
 *    with the header fail (NULL);
 *  - devm_add_action() is a node that calls action(data); removing one
 *    that is not there WARNs (devm_remove_action()/devm_release_action()).
 */
#include <linux/device.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "base.h"

struct devres_node {
	struct list_head		entry;
	dr_release_t			release;
	const char			*name;
	size_t				size;
};

struct devres {
	struct devres_node		node;
	/* The caller's data: aligned as kmalloc's memory is. */
	u8 __aligned(ARCH_KMALLOC_MINALIGN) data[];
};


/* WARN_ON(cond) of devres.c, reported at the caller's line. */
static bool warn_on_at(bool cond, const struct kshim_site *s)
{
	if (unlikely(cond))
		__kshim_warn(kshim_site_file(s), kshim_site_line(s),
			     kshim_site_func(s), s ? s->mod : NULL,
			     TAINT_WARN, NULL);
	return cond;
}

/* BUG_ON(cond) of devres.c, reported at the caller's line. */
static void bug_on_at(bool cond, const struct kshim_site *s)
{
	if (unlikely(cond))
		__kshim_bug(kshim_site_file(s), kshim_site_line(s),
			    kshim_site_func(s), s ? s->mod : NULL);
}

static struct devres *alloc_dr(dr_release_t release, size_t size, gfp_t gfp,
			       int nid, const struct kshim_site *site)
{
	struct devres *dr;
	size_t tot_size;

	/* Near-SIZE_MAX sizes must not wrap with the header. */
	if (unlikely(check_add_overflow(sizeof(struct devres), size,
					&tot_size)))
		return NULL;
	dr = __kshim_kmalloc(tot_size, gfp, nid, site);
	if (unlikely(!dr))
		return NULL;
	/* The data is cleared only when asked for (__GFP_ZERO). */
	if (!(gfp & __GFP_ZERO))
		memset(dr, 0, offsetof(struct devres, data));
	INIT_LIST_HEAD(&dr->node.entry);
	dr->node.release = release;
	return dr;
}

static void add_dr(struct device *dev, struct devres_node *node,
		   const struct kshim_site *site)
{
	bug_on_at(!list_empty(&node->entry), site);
	list_add_tail(&node->entry, &dev->devres_head);
}

void *__kshim_devres_alloc_node(dr_release_t release, size_t size,
				gfp_t gfp, int nid, const char *name,
				const struct kshim_site *site)
{
	struct devres *dr;

	dr = alloc_dr(release, size, gfp | __GFP_ZERO, nid, site);
	if (unlikely(!dr))
		return NULL;
	dr->node.name = name;
	dr->node.size = size;
	return dr->data;
}

void __kshim_devres_free(void *res, const struct kshim_site *site)
{
	struct devres *dr;

	if (!res)
		return;
	dr = container_of(res, struct devres, data);
	bug_on_at(!list_empty(&dr->node.entry), site);
	__kshim_kfree(dr, site);
}

void __kshim_devres_add(struct device *dev, void *res,
			const struct kshim_site *site)
{
	struct devres *dr = container_of(res, struct devres, data);
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	add_dr(dev, &dr->node, site);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}

/* The most recently added resource of @release that @match accepts. */
static struct devres *find_dr(struct device *dev, dr_release_t release,
			      dr_match_t match, void *match_data)
{
	struct devres_node *node;

	list_for_each_entry_reverse(node, &dev->devres_head, entry) {
		struct devres *dr = container_of(node, struct devres, node);

		if (node->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void devres_for_each_res(struct device *dev, dr_release_t release,
			 dr_match_t match, void *match_data,
			 void (*fn)(struct device *, void *, void *),
			 void *data)
{
	struct devres_node *node, *tmp;
	unsigned long flags;

	if (!fn)
		return;
	spin_lock_irqsave(&dev->devres_lock, flags);
	list_for_each_entry_safe_reverse(node, tmp, &dev->devres_head,
					 entry) {
		struct devres *dr = container_of(node, struct devres, node);

		if (node->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		fn(dev, dr->data, data);
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}
EXPORT_SYMBOL_GPL(devres_for_each_res);

void *devres_find(struct device *dev, dr_release_t release,
		  dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}
EXPORT_SYMBOL_GPL(devres_find);

static void *devres_get_at(struct device *dev, void *new_res,
			   dr_match_t match, void *match_data,
			   const struct kshim_site *site)
{
	struct devres *new_dr = container_of(new_res, struct devres, data);
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, new_dr->node.release, match, match_data);
	if (!dr) {
		add_dr(dev, &new_dr->node, site);
		dr = new_dr;
		new_res = NULL;
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	__kshim_devres_free(new_res, site);
	return dr->data;
}

void *devres_get(struct device *dev, void *new_res,
		 dr_match_t match, void *match_data)
{
	return devres_get_at(dev, new_res, match, match_data,
			     __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devres_get);

void *devres_remove(struct device *dev, dr_release_t release,
		    dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->node.entry);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}
EXPORT_SYMBOL_GPL(devres_remove);

int devres_destroy(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	__kshim_devres_free(res, __KSHIM_CALLSITE);
	return 0;
}
EXPORT_SYMBOL_GPL(devres_destroy);

int devres_release(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	release(dev, res);
	__kshim_devres_free(res, __KSHIM_CALLSITE);
	return 0;
}
EXPORT_SYMBOL_GPL(devres_release);

int devres_release_all(struct device *dev)
{
	struct devres_node *node, *tmp;
	unsigned long flags;
	LIST_HEAD(todo);
	int cnt = 0;

	/* Looks like an uninitialized device structure. */
	if (WARN_ON(dev->devres_head.next == NULL))
		return -ENODEV;
	if (list_empty(&dev->devres_head))
		return 0;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_splice_init(&dev->devres_head, &todo);
	spin_unlock_irqrestore(&dev->devres_lock, flags);

	/* Without the lock: a release may sleep.  Last added first. */
	list_for_each_entry_safe_reverse(node, tmp, &todo, entry) {
		struct devres *dr = container_of(node, struct devres, node);

		node->release(dev, dr->data);
		kfree(dr);
		cnt++;
	}
	return cnt;
}

/* ---- managed actions ---- */

struct action_devres {
	void *data;
	void (*action)(void *);
};

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *devres = res;
	struct action_devres *target = p;

	return devres->action == target->action &&
	       devres->data == target->data;
}

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *devres = res;

	devres->action(devres->data);
}

int __kshim_devm_add_action(struct device *dev, void (*action)(void *),
			    void *data, const struct kshim_site *site)
{
	struct action_devres *devres;

	devres = __kshim_devres_alloc_node(devm_action_release,
					   sizeof(struct action_devres),
					   GFP_KERNEL, NUMA_NO_NODE,
					   "devm_action_release", site);
	if (!devres)
		return -ENOMEM;
	devres->data = data;
	devres->action = action;
	__kshim_devres_add(dev, devres, site);
	return 0;
}

void __kshim_devm_remove_action(struct device *dev, void (*action)(void *),
				void *data, const struct kshim_site *site)
{
	struct action_devres devres = { .data = data, .action = action };

	warn_on_at(devres_destroy(dev, devm_action_release,
				  devm_action_match, &devres), site);
}

void __kshim_devm_release_action(struct device *dev,
				 void (*action)(void *), void *data,
				 const struct kshim_site *site)
{
	struct action_devres devres = { .data = data, .action = action };

	warn_on_at(devres_release(dev, devm_action_release,
				  devm_action_match, &devres), site);
}

/* ---- managed kmalloc ---- */

/* The memory is the node itself: freed with it. */
static void devm_kmalloc_release(struct device *dev, void *res)
{
}

static int devm_kmalloc_match(struct device *dev, void *res, void *data)
{
	return res == data;
}

void *__kshim_devm_kmalloc(struct device *dev, size_t size, gfp_t gfp,
			   const struct kshim_site *site)
{
	struct devres *dr;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	dr = alloc_dr(devm_kmalloc_release, size, gfp, dev_to_node(dev),
		      site);
	if (unlikely(!dr))
		return NULL;
	/* The kernel's name, kept for history (kzalloc came first). */
	dr->node.name = "devm_kzalloc_release";
	dr->node.size = size;
	__kshim_devres_add(dev, dr->data, site);
	return dr->data;
}

void __kshim_devm_kfree(struct device *dev, const void *p,
			const struct kshim_site *site)
{
	int rc;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	rc = devres_destroy(dev, devm_kmalloc_release, devm_kmalloc_match,
			    (void *)p);
	warn_on_at(rc, site);
}

char *__kshim_devm_kstrdup(struct device *dev, const char *s, gfp_t gfp,
			   const struct kshim_site *site)
{
	size_t size;
	char *buf;

	if (!s)
		return NULL;
	size = strlen(s) + 1;
	buf = __kshim_devm_kmalloc(dev, size, gfp, site);
	if (buf)
		memcpy(buf, s, size);
	return buf;
}

void *__kshim_devm_kmemdup(struct device *dev, const void *src, size_t len,
			   gfp_t gfp, const struct kshim_site *site)
{
	void *p = __kshim_devm_kmalloc(dev, len, gfp, site);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *__kshim_devm_kvasprintf(struct device *dev, gfp_t gfp,
			      const struct kshim_site *site,
			      const char *fmt, va_list ap)
{
	unsigned int len;
	va_list aq;
	char *p;

	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	p = __kshim_devm_kmalloc(dev, len + 1, gfp, site);
	if (!p)
		return NULL;
	vsnprintf(p, len + 1, fmt, ap);
	return p;
}

char *__kshim_devm_kasprintf(struct device *dev, gfp_t gfp,
			     const struct kshim_site *site,
			     const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = __kshim_devm_kvasprintf(dev, gfp, site, fmt, ap);
	va_end(ap);
	return p;
}

/* The real functions, for callers that take their address. */
#undef devres_free
#undef devres_add
#undef __devres_alloc_node
#undef devm_kmalloc
#undef devm_kfree
#undef devm_kstrdup
#undef devm_kmemdup
#undef devm_kvasprintf
#undef devm_kasprintf
#undef devm_add_action
#undef devm_remove_action
#undef devm_release_action

void *__devres_alloc_node(dr_release_t release, size_t size, gfp_t gfp,
			  int nid, const char *name)
{
	return __kshim_devres_alloc_node(release, size, gfp, nid, name,
					 __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(__devres_alloc_node);

void devres_free(void *res)
{
	__kshim_devres_free(res, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devres_free);

void devres_add(struct device *dev, void *res)
{
	__kshim_devres_add(dev, res, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devres_add);

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return __kshim_devm_kmalloc(dev, size, gfp, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_kmalloc);

void devm_kfree(struct device *dev, const void *p)
{
	__kshim_devm_kfree(dev, p, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_kfree);

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	return __kshim_devm_kstrdup(dev, s, gfp, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_kstrdup);

void *devm_kmemdup(struct device *dev, const void *src, size_t len,
		   gfp_t gfp)
{
	return __kshim_devm_kmemdup(dev, src, len, gfp, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_kmemdup);

char *devm_kvasprintf(struct device *dev, gfp_t gfp, const char *fmt,
		      va_list ap)
{
	return __kshim_devm_kvasprintf(dev, gfp, __KSHIM_CALLSITE, fmt, ap);
}
EXPORT_SYMBOL(devm_kvasprintf);

char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = __kshim_devm_kvasprintf(dev, gfp, __KSHIM_CALLSITE, fmt, ap);
	va_end(ap);
	return p;
}
EXPORT_SYMBOL_GPL(devm_kasprintf);

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	return __kshim_devm_add_action(dev, action, data, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_add_action);

void devm_remove_action(struct device *dev, void (*action)(void *),
			void *data)
{
	__kshim_devm_remove_action(dev, action, data, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_remove_action);

void devm_release_action(struct device *dev, void (*action)(void *),
			 void *data)
{
	__kshim_devm_release_action(dev, action, data, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_release_action);
