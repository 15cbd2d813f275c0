// SPDX-License-Identifier: GPL-2.0
/*
 * tests/mm/page_snippets.c - what drivers get wrong with pages, built as
 * kernel code, each with a correct twin.  The LINE: markers are the
 * lines the tests expect reports to name.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/module.h>

#include "page_snippets.h"

void snip_free_order_too_large(struct page *page)
{
	__free_pages(page, 2);		/* LINE:free_order_too_large */
}

void snip_free_order_ok(struct page *page)
{
	__free_pages(page, 0);
}

void snip_get_page_stack(void)
{
	char buf[64];

	get_page(virt_to_page(buf));	/* LINE:get_page_stack */
}

void *snip_page_address_wild(void)
{
	return page_address((struct page *)0xdeadbeef000UL); /* LINE:page_address_wild */
}

void snip_get_page_null(void)
{
	get_page(NULL);			/* LINE:get_page_null */
}

void snip_put_page_null(void)
{
	put_page(NULL);			/* LINE:put_page_null */
}

void snip_get_page_pfn(unsigned long pfn)
{
	get_page(pfn_to_page(pfn));	/* LINE:get_page_pfn */
}

void snip_get_page_addr(void *addr)
{
	get_page(virt_to_page(addr));	/* LINE:get_page_addr */
}

void snip_free_pages_null(void)
{
	__free_pages(NULL, 0);		/* LINE:free_pages_null */
}

void snip_get_put_ok(struct page *page)
{
	get_page(page);
	put_page(page);
}

void snip_write_after_free(struct page *page)
{
	char *p = page_address(page);

	p[0] = 1;
	__free_page(page);		/* LINE:uaf_free */
	p[8] = 2;			/* LINE:uaf_write */
}

void snip_kmap_after_free(struct page *page)
{
	char *p;

	__free_page(page);		/* LINE:kmap_free */
	p = kmap(page);
	p[8] = 3;			/* LINE:kmap_write */
	kunmap(page);
}

void snip_write_module_page(char *p)
{
	p[8] = 4;			/* LINE:unload_write */
}

static struct page *module_page;

char *snip_module_page(void)
{
	return module_page ? page_address(module_page) : NULL;
}

static int __init page_snippets_init(void)
{
	module_page = alloc_page(GFP_KERNEL);
	return module_page ? 0 : -ENOMEM;
}

static void __exit page_snippets_exit(void)
{
	__free_page(module_page);	/* LINE:exit_free */
}

module_init(page_snippets_init);
module_exit(page_snippets_exit);
MODULE_LICENSE("GPL");
