/*
 * tests/mm/page_snippets.h - page API misuse and its correct twins, built
 * as kernel code (page_snippets.c, also a module "page_snippets"); the
 * LINE: markers there are the lines the reports must name.
 */
#ifndef _TESTS_MM_PAGE_SNIPPETS_H
#define _TESTS_MM_PAGE_SNIPPETS_H

struct page;

#define PAGE_SNIPPETS_FILE "tests/mm/page_snippets.c"

/* __free_pages() with a larger order than allocated; the right order */
void snip_free_order_too_large(struct page *page);
void snip_free_order_ok(struct page *page);
/* wild struct page pointers */
void snip_get_page_stack(void);
void *snip_page_address_wild(void);
void snip_get_page_null(void);
void snip_put_page_null(void);
void snip_get_page_pfn(unsigned long pfn);
void snip_get_page_addr(void *addr);
void snip_free_pages_null(void);
void snip_get_put_ok(struct page *page);
/* writes after free */
void snip_write_after_free(struct page *page);
void snip_kmap_after_free(struct page *page);
void snip_write_module_page(char *p);
/* the module's page (module_init allocates it, module_exit frees it) */
char *snip_module_page(void);

#endif /* _TESTS_MM_PAGE_SNIPPETS_H */
