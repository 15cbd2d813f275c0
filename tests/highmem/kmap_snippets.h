/*
 * tests/highmem/kmap_snippets.h - kernel-style uses of linux/highmem.h,
 * right and wrong, built as kernel code (kmap_snippets.c) and called by
 * the highmem tests.  Each wrong one has a right twin that must be silent.
 */
#ifndef _TESTS_HIGHMEM_KMAP_SNIPPETS_H
#define _TESTS_HIGHMEM_KMAP_SNIPPETS_H

struct page;

#define KMAP_SNIPPETS_FILE "tests/highmem/kmap_snippets.c"

/* kmap_atomic(): write, unmap, then write again through the old pointer. */
void snip_stale_kmap_atomic(struct page *page);
/* kmap_snippets_oot.c: built as an out-of-tree driver */
void snip_oot_stale_kmap_local(struct page *page);
void snip_good_kmap_atomic(struct page *page);
/* kmap(): the same after kunmap(). */
void snip_stale_kmap(struct page *page);
void snip_good_kmap(struct page *page);
/* kmap_local_page(): an out-of-order unmap, then the top's pointer. */
void snip_stale_after_misordered_unmap(struct page *a, struct page *b);
/* page_address() of a highmem page that is not kmapped (NULL), written. */
void snip_page_address_unmapped(struct page *page);
void snip_page_address_kmapped(struct page *page);
/* The direct-map address a highmem page would have, by arithmetic. */
void snip_direct_map_arithmetic(struct page *page);
void snip_direct_map_lowmem(struct page *page);
/* One byte past a kmap_local window (into its guard page). */
void snip_kmap_local_overrun(struct page *page);

/* kmap_snippets_26.c: the same calls in a 2.6.36 driver. */
#define KMAP_SNIPPETS_26_FILE "tests/highmem/kmap_snippets_26.c"
void *snip26_kmap(struct page *page);
void snip26_kunmap(struct page *page);
void snip26_kunmap_locked(struct page *page);

#endif /* _TESTS_HIGHMEM_KMAP_SNIPPETS_H */
