// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/resource.c - the resource tree, with the semantics of
 * kernel/resource.c of 6.1:
 *  - iomem_resource and ioport_resource are roots; every resource lies
 *    inside its parent, and siblings are sorted by start and never
 *    overlap;
 *  - request_resource() puts a new resource directly under the root (the
 *    first child it overlaps is the conflict: -EBUSY); insert_resource()
 *    also adopts the existing resources the new one contains (a platform
 *    device's resources under the root, a PCI BAR);
 *  - __request_region() (request_mem_region(), request_region()) claims a
 *    busy range: it descends into the non-busy resource that contains it
 *    and fails, silently as the kernel does, when a busy one overlaps;
 *    __release_region() of a range nobody claimed prints the kernel's
 *    "Trying to free nonexistent resource <start-end>", a kshim report
 *    (class "resource") at the caller's line;
 *  - the devm_ forms release with the device.
 * iomem_resource holds "System RAM" for the simulated RAM from boot, so a
 * claim on RAM fails as on a real machine.  Not provided: muxed regions
 * waiting for each other (a muxed claim that conflicts fails at once),
 * /proc/iomem, reserve_region_with_split(), the memory-hotplug helpers.
 */
#include <pthread.h>
#include <stdlib.h>

#include <linux/device.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <kshim/report.h>

#include "kshim/internal.h"
#include "mm/internal.h"

#define KSHIM_PHYS_BITS	46	/* boot_cpu_data.x86_phys_bits of kshim */

struct resource ioport_resource = {
	.name	= "PCI IO",
	.start	= 0,
	.end	= 0xffff,	/* IO_SPACE_LIMIT */
	.flags	= IORESOURCE_IO,
};
EXPORT_SYMBOL(ioport_resource);

struct resource iomem_resource = {
	.name	= "PCI mem",
	.start	= 0,
	.end	= -1,
	.flags	= IORESOURCE_MEM,
};
EXPORT_SYMBOL(iomem_resource);

static struct resource system_ram = {
	.name	= "System RAM",
	.flags	= IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY,
};

/* The kernel's resource_lock; every tree walk and change holds it. */
static pthread_mutex_t tree_lock = PTHREAD_MUTEX_INITIALIZER;

/* Link @new under @root; NULL, or what stands in its way. */
static struct resource *link_child(struct resource *root,
				   struct resource *new)
{
	struct resource **pp, *tmp;

	if (new->end < new->start || new->start < root->start ||
	    new->end > root->end)
		return root;
	for (pp = &root->child; ; pp = &tmp->sibling) {
		tmp = *pp;
		if (!tmp || tmp->start > new->end) {
			new->sibling = tmp;
			*pp = new;
			new->parent = root;
			return NULL;
		}
		if (tmp->end < new->start)
			continue;
		return tmp;
	}
}

static int unlink_child(struct resource *old)
{
	struct resource **pp;

	if (!old->parent)
		return -EINVAL;
	for (pp = &old->parent->child; *pp; pp = &(*pp)->sibling) {
		if (*pp == old) {
			*pp = old->sibling;
			old->parent = NULL;
			return 0;
		}
	}
	return -EINVAL;
}

struct resource *request_resource_conflict(struct resource *root,
					   struct resource *new)
{
	struct resource *conflict;

	pthread_mutex_lock(&tree_lock);
	conflict = link_child(root, new);
	pthread_mutex_unlock(&tree_lock);
	return conflict;
}
EXPORT_SYMBOL(request_resource_conflict);

int request_resource(struct resource *root, struct resource *new)
{
	return request_resource_conflict(root, new) ? -EBUSY : 0;
}
EXPORT_SYMBOL(request_resource);

int release_resource(struct resource *old)
{
	int ret;

	pthread_mutex_lock(&tree_lock);
	ret = unlink_child(old);
	pthread_mutex_unlock(&tree_lock);
	return ret;
}
EXPORT_SYMBOL(release_resource);

static void free_subtree(struct resource *r)
{
	struct resource *child = r->child, *next;

	r->child = NULL;
	for (; child; child = next) {
		next = child->sibling;
		free_subtree(child);
		child->parent = NULL;
		child->sibling = NULL;
		printk(KERN_DEBUG "release child resource %pR\n", child);
		/* an orphan keeps its size, based at 0 as the kernel leaves it */
		child->end -= child->start;
		child->start = 0;
	}
}

void release_child_resources(struct resource *r)
{
	pthread_mutex_lock(&tree_lock);
	free_subtree(r);
	pthread_mutex_unlock(&tree_lock);
}
EXPORT_SYMBOL(release_child_resources);

/*
 * Put @new into the tree below @parent, at the deepest level whose
 * resource contains it; children it covers become its own.  NULL on
 * success, else the resource it partly overlaps.
 */
static struct resource *insert_locked(struct resource *parent,
				      struct resource *new)
{
	struct resource *lo, *hi, **link;

	/* Go down while a resource holds all of @new. */
	for (;;) {
		lo = link_child(parent, new);
		if (!lo)
			return NULL;
		if (lo == parent)
			return lo;
		if (WARN_ON(lo == new))	/* @new is in the tree already */
			return lo;
		if (lo->start > new->start || lo->end < new->end ||
		    (lo->start == new->start && lo->end == new->end))
			break;
		parent = lo;
	}
	/* [lo, hi]: the run of siblings @new overlaps; all must fit in it. */
	for (hi = lo; ; hi = hi->sibling) {
		if (hi->start < new->start || hi->end > new->end)
			return hi;
		if (!hi->sibling || hi->sibling->start > new->end)
			break;
	}
	link = &parent->child;
	while (*link != lo)
		link = &(*link)->sibling;
	*link = new;
	new->parent = parent;
	new->child = lo;
	new->sibling = hi->sibling;
	hi->sibling = NULL;
	for (hi = lo; hi; hi = hi->sibling)
		hi->parent = new;
	return NULL;
}

struct resource *insert_resource_conflict(struct resource *parent,
					  struct resource *new)
{
	struct resource *conflict;

	pthread_mutex_lock(&tree_lock);
	conflict = insert_locked(parent, new);
	pthread_mutex_unlock(&tree_lock);
	return conflict;
}

int insert_resource(struct resource *parent, struct resource *new)
{
	return insert_resource_conflict(parent, new) ? -EBUSY : 0;
}
EXPORT_SYMBOL_GPL(insert_resource);

/* Take @old out; its children take its place under its parent. */
int remove_resource(struct resource *old)
{
	struct resource **pp, *child, *last;
	int ret = -EINVAL;

	pthread_mutex_lock(&tree_lock);
	if (!old->parent)
		goto out;
	for (pp = &old->parent->child; *pp && *pp != old;
	     pp = &(*pp)->sibling)
		;
	if (!*pp)
		goto out;
	if (old->child) {
		*pp = old->child;
		for (child = old->child, last = NULL; child;
		     last = child, child = child->sibling)
			child->parent = old->parent;
		last->sibling = old->sibling;
	} else {
		*pp = old->sibling;
	}
	old->parent = NULL;
	old->child = NULL;
	old->sibling = NULL;
	ret = 0;
out:
	pthread_mutex_unlock(&tree_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(remove_resource);

resource_size_t resource_alignment(struct resource *res)
{
	switch (res->flags & (IORESOURCE_SIZEALIGN | IORESOURCE_STARTALIGN)) {
	case IORESOURCE_SIZEALIGN:
		return resource_size(res);
	case IORESOURCE_STARTALIGN:
		return res->start;
	default:
		return 0;
	}
}

int allocate_resource(struct resource *root, struct resource *new,
		      resource_size_t size, resource_size_t min,
		      resource_size_t max, resource_size_t align,
		      resource_size_t (*alignf)(void *,
						const struct resource *,
						resource_size_t,
						resource_size_t),
		      void *alignf_data)
{
	resource_size_t lo, hi, at;
	struct resource *next, gap;
	int ret = -EBUSY;

	if (!size || (align && (align & (align - 1))))
		return -EINVAL;
	if (!align)
		align = 1;
	pthread_mutex_lock(&tree_lock);
	if (new->parent)		/* reallocation: its old place is free */
		unlink_child(new);
	/* First fit: each gap between root's children, lowest first. */
	lo = root->start;
	for (next = root->child; ; next = next->sibling) {
		hi = next ? next->start - 1 : root->end;
		if (!next || next->start > lo) {
			gap.start = ALIGN(max(lo, min), align);
			gap.end = min(hi, max);
			gap.flags = new->flags;
			at = gap.start;
			if (alignf && gap.start <= gap.end)
				at = alignf(alignf_data, &gap, size, align);
			if (gap.start <= gap.end && at >= gap.start &&
			    at + size - 1 >= at && at + size - 1 <= gap.end) {
				new->start = at;
				new->end = at + size - 1;
				ret = link_child(root, new) ? -EBUSY : 0;
				break;
			}
		}
		if (!next || next->end == (resource_size_t)-1)
			break;
		lo = next->end + 1;
	}
	pthread_mutex_unlock(&tree_lock);
	return ret;
}
EXPORT_SYMBOL(allocate_resource);

struct resource *lookup_resource(struct resource *root, resource_size_t start)
{
	struct resource *res;

	pthread_mutex_lock(&tree_lock);
	for (res = root->child; res; res = res->sibling)
		if (res->start == start)
			break;
	pthread_mutex_unlock(&tree_lock);
	return res;
}

int adjust_resource(struct resource *res, resource_size_t start,
		    resource_size_t size)
{
	resource_size_t end = start + size - 1;
	struct resource *parent, *tmp;
	int ret = -EBUSY;

	pthread_mutex_lock(&tree_lock);
	parent = res->parent;
	if (!parent || start < parent->start || end > parent->end ||
	    end < start)
		goto out;
	for (tmp = res->child; tmp; tmp = tmp->sibling)
		if (tmp->start < start || tmp->end > end)
			goto out;
	for (tmp = parent->child; tmp; tmp = tmp->sibling)
		if (tmp != res && tmp->start <= end && tmp->end >= start)
			goto out;
	/* siblings stay sorted: the new range overlaps nobody */
	unlink_child(res);
	res->start = start;
	res->end = end;
	link_child(parent, res);
	ret = 0;
out:
	pthread_mutex_unlock(&tree_lock);
	return ret;
}
EXPORT_SYMBOL(adjust_resource);

struct resource *__request_region(struct resource *parent,
				  resource_size_t start, resource_size_t n,
				  const char *name, int flags)
{
	struct resource *res = kzalloc(sizeof(*res), GFP_KERNEL);
	struct resource *conflict;

	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + n - 1;

	pthread_mutex_lock(&tree_lock);
	for (;;) {
		res->flags = IORESOURCE_BUSY | flags |
			     (parent->flags & (IORESOURCE_TYPE_BITS |
					       IORESOURCE_EXT_TYPE_BITS));
		res->desc = parent->desc;
		conflict = link_child(parent, res);
		if (!conflict)
			break;
		/* A free resource that contains the range: claim inside it. */
		if (conflict != parent && !(conflict->flags & IORESOURCE_BUSY) &&
		    conflict->start <= res->start && conflict->end >= res->end) {
			parent = conflict;
			continue;
		}
		pthread_mutex_unlock(&tree_lock);
		kfree(res);
		return NULL;
	}
	pthread_mutex_unlock(&tree_lock);
	return res;
}
EXPORT_SYMBOL(__request_region);

/* The claimed region exactly [start, end] below @parent, unlinked. */
static struct resource *take_region(struct resource *parent,
				    resource_size_t start,
				    resource_size_t end)
{
	struct resource **link = &parent->child, *cur;

	while ((cur = *link)) {
		bool holds = cur->start <= start && end <= cur->end;

		if (!holds) {
			link = &cur->sibling;
		} else if (!(cur->flags & IORESOURCE_BUSY)) {
			link = &cur->child;	/* a device's: look inside */
		} else if (cur->start == start && cur->end == end) {
			*link = cur->sibling;
			cur->parent = NULL;
			return cur;
		} else {
			return NULL;	/* busy, but another range */
		}
	}
	return NULL;
}

void __kshim_release_region(struct resource *parent, resource_size_t start,
			    resource_size_t n, const struct kshim_site *site)
{
	resource_size_t end = start + n - 1;
	struct resource *res;

	pthread_mutex_lock(&tree_lock);
	res = take_region(parent, start, end);
	pthread_mutex_unlock(&tree_lock);
	if (res) {
		kfree(res);
		return;
	}
	kshim_report_begin(KSHIM_REPORT_RESOURCE, kshim_site_file(site),
			   kshim_site_line(site), kshim_site_func(site));
	pr_warn("resource: Trying to free nonexistent resource <%pa-%pa>\n",
		&start, &end);
	kshim_report_end();
}

#undef __release_region
void __release_region(struct resource *parent, resource_size_t start,
		      resource_size_t n)
{
	__kshim_release_region(parent, start, n, NULL);
}
EXPORT_SYMBOL(__release_region);

bool iomem_is_exclusive(u64 addr)
{
	struct resource *p;
	bool excl = false;

	pthread_mutex_lock(&tree_lock);
	for (p = iomem_resource.child; p; ) {
		if (p->start <= addr && addr <= p->end) {
			if (p->flags & IORESOURCE_EXCLUSIVE) {
				excl = true;
				break;
			}
			p = p->child;
			continue;
		}
		p = p->sibling;
	}
	pthread_mutex_unlock(&tree_lock);
	return excl;
}

int region_intersects(resource_size_t start, size_t size,
		      unsigned long flags, unsigned long desc)
{
	resource_size_t end = start + size - 1;
	int type = 0, other = 0;
	struct resource *p;

	pthread_mutex_lock(&tree_lock);
	for (p = iomem_resource.child; p; p = p->sibling) {
		if (p->start > end || p->end < start)
			continue;
		if ((p->flags & flags) == flags &&
		    (desc == IORES_DESC_NONE || desc == p->desc))
			type++;
		else
			other++;
	}
	pthread_mutex_unlock(&tree_lock);
	if (type == 0)
		return REGION_DISJOINT;
	return other == 0 ? REGION_INTERSECTS : REGION_MIXED;
}

/* ---- managed forms ---- */

static void unlink_managed_resource(struct device *dev, void *data)
{
	struct resource **held = data;

	release_resource(*held);
}

static int is_managed_resource(struct device *dev, void *res, void *data)
{
	return *(struct resource **)res == data;
}

int devm_request_resource(struct device *dev, struct resource *root,
			  struct resource *new)
{
	struct resource **ptr, *conflict;

	ptr = devres_alloc(unlink_managed_resource, sizeof(*ptr),
			   GFP_KERNEL);
	if (!ptr)
		return -ENOMEM;
	*ptr = new;
	conflict = request_resource_conflict(root, new);
	if (conflict) {
		dev_err(dev, "resource collision: %pR conflicts with %s %pR\n",
			new, conflict->name, conflict);
		devres_free(ptr);
		return -EBUSY;
	}
	devres_add(dev, ptr);
	return 0;
}
EXPORT_SYMBOL(devm_request_resource);

void devm_release_resource(struct device *dev, struct resource *new)
{
	WARN_ON(devres_release(dev, unlink_managed_resource,
			       is_managed_resource, new));
}
EXPORT_SYMBOL(devm_release_resource);

struct region_devres {
	struct resource *parent;
	resource_size_t start;
	resource_size_t n;
	const struct kshim_site *site;	/* the request's, for reports */
};

static void devm_region_release(struct device *dev, void *data)
{
	struct region_devres *dr = data;

	__kshim_release_region(dr->parent, dr->start, dr->n, dr->site);
}

static int devm_region_match(struct device *dev, void *res, void *match)
{
	struct region_devres *this = res, *want = match;

	return this->parent == want->parent && this->start == want->start &&
	       this->n == want->n;
}

struct resource *__kshim_devm_request_region(struct device *dev,
					     struct resource *parent,
					     resource_size_t start,
					     resource_size_t n,
					     const char *name,
					     const struct kshim_site *site)
{
	struct region_devres *dr;
	struct resource *res;

	dr = __kshim_devres_alloc_node(devm_region_release, sizeof(*dr),
				       GFP_KERNEL, NUMA_NO_NODE,
				       "devm_region_release", site);
	if (!dr)
		return NULL;
	dr->parent = parent;
	dr->start = start;
	dr->n = n;
	dr->site = site;
	res = __request_region(parent, start, n, name, 0);	/* not muxed */
	if (res)
		__kshim_devres_add(dev, dr, site);
	else
		__kshim_devres_free(dr, site);
	return res;
}

#undef __devm_request_region
struct resource *__devm_request_region(struct device *dev,
				       struct resource *parent,
				       resource_size_t start,
				       resource_size_t n, const char *name)
{
	return __kshim_devm_request_region(dev, parent, start, n, name, NULL);
}
EXPORT_SYMBOL(__devm_request_region);

void __kshim_devm_release_region(struct device *dev, struct resource *parent,
				 resource_size_t start, resource_size_t n,
				 const struct kshim_site *site)
{
	struct region_devres match = { parent, start, n, NULL };
	int rc;

	rc = devres_release(dev, devm_region_release, devm_region_match,
			    &match);
	if (unlikely(rc))
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, NULL);
}

#undef __devm_release_region
void __devm_release_region(struct device *dev, struct resource *parent,
			   resource_size_t start, resource_size_t n)
{
	__kshim_devm_release_region(dev, parent, start, n, NULL);
}
EXPORT_SYMBOL(__devm_release_region);

/* ---- boot ---- */

void kshim_resource_init(void)
{
	pthread_mutex_lock(&tree_lock);
	iomem_resource.end = (1ULL << KSHIM_PHYS_BITS) - 1;
	if (system_ram.parent)
		unlink_child(&system_ram);
	system_ram.start = (resource_size_t)min_low_pfn << PAGE_SHIFT;
	system_ram.end = ((resource_size_t)max_pfn << PAGE_SHIFT) - 1;
	if (max_pfn > min_low_pfn)
		link_child(&iomem_resource, &system_ram);
	pthread_mutex_unlock(&tree_lock);
}
