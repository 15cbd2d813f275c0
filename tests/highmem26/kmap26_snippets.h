/*
 * tests/highmem26/kmap26_snippets.h - kernel-style uses of the typed
 * kmap_atomic(page, KM_...) of a 2.6.35 driver, right and wrong, built as
 * kernel code for the 2.6.35 profile (kmap26_snippets.c) and called by
 * test_kmap_atomic_typed.  Each wrong one has a right twin that is silent.
 */
#ifndef _TESTS_HIGHMEM26_KMAP26_SNIPPETS_H
#define _TESTS_HIGHMEM26_KMAP26_SNIPPETS_H

#include <stddef.h>

struct page;

#define KMAP26_SNIPPETS_FILE "tests/highmem26/kmap26_snippets.c"

/*
 * An interrupt handler copying out of a (highmem) page: with KM_USER0 (the
 * process-context slot: rule A warns) and with KM_IRQ0 (right).
 */
void snip26_irq_copy_user0(struct page *page, void *buf, size_t len);
void snip26_irq_copy_irq0(struct page *page, void *buf, size_t len);
/*
 * A block driver's bounce copy in process context with the IRQ slot but
 * interrupts on (rule B warns), and the same under local_irq_save().
 */
void snip26_bounce_irqs_on(struct page *page, const void *buf, size_t len);
void snip26_bounce_irqs_off(struct page *page, const void *buf, size_t len);
/* Two pages at once: KM_USER0 twice (BUG), and KM_USER0 + KM_USER1. */
void snip26_copy_same_slot(struct page *to, struct page *from);
void snip26_copy_two_slots(struct page *to, struct page *from);
/* The pointer is used after kunmap_atomic() (oops) and before it. */
int snip26_checksum_stale(struct page *page);
int snip26_checksum(struct page *page);

#endif /* _TESTS_HIGHMEM26_KMAP26_SNIPPETS_H */
