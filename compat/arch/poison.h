/*
 * compat/arch/poison.h - host glue for poisoning free pages (poison.c).
 *
 * The memory checkers kshim runs under see addresses, not page frames:
 * these calls tell AddressSanitizer (manual poisoning) and Valgrind's
 * memcheck (client requests) that a range of the direct map is free or
 * in use again.  mm/page_poison.c decides what to poison; this is the
 * only place that talks to the tools.
 */
#ifndef _KSHIM_ARCH_POISON_H
#define _KSHIM_ARCH_POISON_H

#include <stdbool.h>
#include <stddef.h>

#if defined(__SANITIZE_ADDRESS__)
#define ARCH_POISON_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARCH_POISON_ASAN 1
#endif
#endif
#ifndef ARCH_POISON_ASAN
#define ARCH_POISON_ASAN 0
#endif

/*
 * True when AddressSanitizer watches freed direct-map ranges itself (a
 * use after free is its report, at the faulting access), so a poison
 * pattern is not needed there.  A compile-time constant: libkshim is
 * built with the sanitizer flags of the program it is linked into.
 */
static inline bool arch_poison_by_sanitizer(void)
{
	return ARCH_POISON_ASAN;
}

/* True when ASan or a Valgrind tool watches the calls below. */
bool arch_poison_watched(void);

/* @va..@va+@len (a freed range of the direct map): any access is an error. */
void arch_poison_free(void *va, size_t len);
/* The range is allocated again: accessible, contents as they are. */
void arch_poison_alloc(void *va, size_t len);

/*
 * The range stops being memory kshim watches (the machine reboots): ASan
 * forgets its poison there, so whatever the host maps at these addresses
 * later starts clean.
 */
void arch_poison_forget(void *va, size_t len);

/*
 * Under valgrind: RAM nobody has been given yet, @va..@va+@len of the
 * direct map, is no-access (and memcheck's leak scan skips it instead of
 * reading all of RAM at every test's exit).
 */
void arch_poison_unused_ram(void *va, size_t len);
/*
 * Under valgrind: kshim's private view of RAM is no-access (so the leak
 * scan at each test's exit does not read all of RAM) until kshim opens
 * the part it is about to use.
 */
void arch_poison_private_view(void *va, size_t len);
void arch_private_view_open(void *va, size_t len);

/*
 * Slab objects (mm/slub.c), KASAN's view: @p..@p+@size becomes an
 * allocated block (ASan: exactly those bytes addressable; memcheck: a
 * heap-like block with its allocation stack, undefined unless @defined),
 * or a freed one (no access; memcheck keeps the free stack).
 * arch_slab_object_resize(): krealloc()/ksize() moved the block's end.
 */
void arch_slab_object_alloc(void *p, size_t size, bool defined);
void arch_slab_object_free(void *p, size_t size);
void arch_slab_object_resize(void *p, size_t old_size, size_t new_size);

/*
 * kasan_disable_current(): the checker's reports of the calling thread
 * are off until the matching _on() (memcheck counts them per thread;
 * ASan has no such switch: mm/slub.c unpoisons the slabs instead).
 */
void arch_checker_reports_off(void);
void arch_checker_reports_on(void);

#endif /* _KSHIM_ARCH_POISON_H */
