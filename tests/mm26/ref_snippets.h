/*
 * tests/mm26/ref_snippets.h - struct page reference code of later
 * drivers (built as 4.6 and 4.15.18 drivers) for test_page_ref26: one
 * libkshim and one struct page serve every version at once.
 */
#ifndef _TESTS_MM26_REF_SNIPPETS_H
#define _TESTS_MM26_REF_SNIPPETS_H

#include <stdbool.h>

struct page;

/* 4.6: page->_refcount and the page_ref_*() accessors */
int snip46_read_refcount(struct page *page);
void snip46_page_ref_add(struct page *page, int nr);
void snip46_set_page_count(struct page *page, int v);
bool snip46_freeze_unfreeze(struct page *page, int count);
/* 4.15.18: try_get_page() */
bool snip41518_try_get_page(struct page *page);

#endif /* _TESTS_MM26_REF_SNIPPETS_H */
