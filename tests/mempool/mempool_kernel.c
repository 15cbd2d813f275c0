// SPDX-License-Identifier: GPL-2.0
/*
 * mempool_kernel.c - a driver's use of linux/mempool.h, built as kernel
 * code (-nostdinc, kshim's headers only): a request pool as block and
 * network drivers keep one, over kmalloc, a slab cache and pages.
 */
#include <linux/gfp.h>
#include <linux/mempool.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "mempool_kernel.h"

struct mpk_req {
	int tag;
	char payload[52];
};

struct mpk_dev {
	struct kmem_cache *cache;
	mempool_t *kpool;	/* kmalloc-backed */
	mempool_t spool;	/* slab-backed, embedded */
	mempool_t *ppool;	/* pages */
};

struct mpk_dev *mpk_create(int min_nr)
{
	struct mpk_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	dev->cache = KMEM_CACHE(mpk_req, 0);
	if (!dev->cache)
		goto free_dev;
	dev->kpool = mempool_create_kmalloc_pool(min_nr,
						 sizeof(struct mpk_req));
	if (!dev->kpool)
		goto destroy_cache;
	if (mempool_init_slab_pool(&dev->spool, min_nr, dev->cache))
		goto destroy_kpool;
	dev->ppool = mempool_create_page_pool(min_nr, 0);
	if (!dev->ppool)
		goto exit_spool;
	return dev;

exit_spool:
	mempool_exit(&dev->spool);
destroy_kpool:
	mempool_destroy(dev->kpool);
destroy_cache:
	kmem_cache_destroy(dev->cache);
free_dev:
	kfree(dev);
	return NULL;
}

/* One request through each pool; the tags must survive. */
int mpk_roundtrip(struct mpk_dev *dev, gfp_t gfp)
{
	struct mpk_req *a, *b;
	struct page *page;
	int ret = 0;

	a = mempool_alloc(dev->kpool, gfp);
	b = mempool_alloc(&dev->spool, gfp);
	page = mempool_alloc(dev->ppool, gfp);
	if (!a || !b || !page) {
		ret = -ENOMEM;
		goto out;
	}
	a->tag = 1;
	b->tag = 2;
	memset(page_address(page), 3, PAGE_SIZE);
	if (a->tag != 1 || b->tag != 2 ||
	    ((unsigned char *)page_address(page))[PAGE_SIZE - 1] != 3)
		ret = -EIO;
out:
	mempool_free(page, dev->ppool);
	mempool_free(b, &dev->spool);
	mempool_free(a, dev->kpool);
	return ret;
}

/* A request the driver forgets to give back. */
void *mpk_get(struct mpk_dev *dev)
{
	return mempool_alloc(dev->kpool, GFP_KERNEL); /* LINE:mpk_get */
}

void mpk_destroy(struct mpk_dev *dev)
{
	mempool_destroy(dev->ppool);
	mempool_exit(&dev->spool);
	mempool_destroy(dev->kpool);
	kmem_cache_destroy(dev->cache);
	kfree(dev);
}
