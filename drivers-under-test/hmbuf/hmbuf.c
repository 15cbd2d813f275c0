// SPDX-License-Identifier: GPL-2.0
/*
 * hmbuf - a byte buffer kept in highmem pages.
 *
 * nr_pages pages (GFP_HIGHUSER: highmem when there is some) hold the
 * buffer; nothing maps them except for the duration of an access:
 * kmap_local_page() for copies, kmap_atomic() for the checksum (callable
 * from interrupt context).  With fast_peek=1, hmbuf_peek() keeps the
 * address of the first page's mapping for the next calls, a "speed-up"
 * that reads through a kmap_local address after its kunmap_local(): the
 * bug a test should find.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

#include "hmbuf.h"

static unsigned int nr_pages = 4;
module_param(nr_pages, uint, 0444);
MODULE_PARM_DESC(nr_pages, "buffer size in pages, from 1 to 64");

static bool fast_peek;
module_param(fast_peek, bool, 0644);
MODULE_PARM_DESC(fast_peek, "keep the first page mapped between peeks (buggy)");

static struct page *pages[HMBUF_MAX_PAGES];
static const u8 *peek_cache;

size_t hmbuf_size(void)
{
	return (size_t)nr_pages * PAGE_SIZE;
}
EXPORT_SYMBOL_GPL(hmbuf_size);

static int hmbuf_check(size_t off, size_t len)
{
	if (off > hmbuf_size() || len > hmbuf_size() - off)
		return -EINVAL;
	return 0;
}

int hmbuf_write(size_t off, const void *buf, size_t len)
{
	const u8 *src = buf;
	int ret = hmbuf_check(off, len);

	if (ret)
		return ret;
	while (len) {
		size_t in = offset_in_page(off);
		size_t n = min_t(size_t, len, PAGE_SIZE - in);
		u8 *dst = kmap_local_page(pages[off >> PAGE_SHIFT]);

		memcpy(dst + in, src, n);
		kunmap_local(dst);
		src += n;
		off += n;
		len -= n;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(hmbuf_write);

int hmbuf_read(size_t off, void *buf, size_t len)
{
	u8 *dst = buf;
	int ret = hmbuf_check(off, len);

	if (ret)
		return ret;
	while (len) {
		size_t in = offset_in_page(off);
		size_t n = min_t(size_t, len, PAGE_SIZE - in);

		memcpy_from_page((char *)dst, pages[off >> PAGE_SHIFT], in, n);
		dst += n;
		off += n;
		len -= n;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(hmbuf_read);

u32 hmbuf_checksum(void)
{
	unsigned int i, j;
	u32 sum = 0;

	for (i = 0; i < nr_pages; i++) {
		const u8 *p = kmap_atomic(pages[i]);

		for (j = 0; j < PAGE_SIZE; j++)
			sum += p[j];
		kunmap_atomic(p);
	}
	return sum;
}
EXPORT_SYMBOL_GPL(hmbuf_checksum);

int hmbuf_peek(size_t off)
{
	const u8 *p;
	int val;

	if (hmbuf_check(off, 1))
		return -EINVAL;
	if (fast_peek && off < PAGE_SIZE) {
		if (!peek_cache) {
			peek_cache = kmap_local_page(pages[0]); /* LINE:peek_map */
			kunmap_local(peek_cache);	/* LINE:peek_unmap */
		}
		return peek_cache[off];		/* unmapped already */
	}
	p = kmap_local_page(pages[off >> PAGE_SHIFT]);
	val = p[offset_in_page(off)];
	kunmap_local(p);
	return val;
}
EXPORT_SYMBOL_GPL(hmbuf_peek);

static int __init hmbuf_init(void)
{
	unsigned int i, high = 0;

	if (nr_pages < 1 || nr_pages > HMBUF_MAX_PAGES) {
		pr_err("nr_pages=%u is not from 1 to %d\n", nr_pages,
		       HMBUF_MAX_PAGES);
		return -EINVAL;
	}
	for (i = 0; i < nr_pages; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
		if (!pages[i])
			goto err_free;
		high += !!PageHighMem(pages[i]);
	}
	peek_cache = NULL;
	pr_info("%u pages, %u in highmem\n", nr_pages, high);
	return 0;

err_free:
	while (i--)
		__free_page(pages[i]);
	return -ENOMEM;
}

static void __exit hmbuf_exit(void)
{
	unsigned int i;

	for (i = 0; i < nr_pages; i++)
		__free_page(pages[i]);
}

module_init(hmbuf_init);
module_exit(hmbuf_exit);

#if IS_ENABLED(CONFIG_HMBUF_KUNIT_TEST)
#include "hmbuf_test.c"
#endif

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kshim developers");
MODULE_DESCRIPTION("A byte buffer in highmem pages, the kmap driver under test");
