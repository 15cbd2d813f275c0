// SPDX-License-Identifier: GPL-2.0
/*
 * tests/highmem/kmap_snippets_26.c - kmap()/kunmap() as a 2.6.36 driver
 * sees them (built with that LINUX_VERSION_CODE): kunmap() in interrupt
 * context is a kernel BUG there, and there is no might_sleep() in it.
 */
#include <linux/highmem.h>
#include <linux/spinlock.h>

#include "kmap_snippets.h"

void *snip26_kmap(struct page *page)
{
	return kmap(page);
}

void snip26_kunmap(struct page *page)
{
	kunmap(page);			/* LINE:kunmap_26 */
}

static DEFINE_SPINLOCK(snip26_lock);

void snip26_kunmap_locked(struct page *page)
{
	spin_lock(&snip26_lock);
	kunmap(page);
	spin_unlock(&snip26_lock);
}
