/*
 * compat/arch/kmap_window.h - alias windows onto simulated RAM frames
 * (kmap_window.c): the host side of the kernel's pkmap area and
 * FIX_KMAP fixmap slots.
 */
#ifndef _KSHIM_ARCH_KMAP_WINDOW_H
#define _KSHIM_ARCH_KMAP_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define ARCH_KMAP_WINDOW_PAGE	4096UL
/* Window to window: the page, then its guard page. */
#define ARCH_KMAP_WINDOW_STRIDE	(2 * ARCH_KMAP_WINDOW_PAGE)

/*
 * Reserve @nr windows of one page each, every window followed by an
 * unmapped guard page and the first one preceded by one (as
 * CONFIG_DEBUG_KMAP_LOCAL spaces the kmap_local slots): an access that
 * runs off a mapped window faults.  Returns the first window.
 */
void *arch_kmap_windows_reserve(unsigned int nr);
/* Window @idx of an area reserved at @first. */
static inline void *arch_kmap_window(void *first, unsigned int idx)
{
	return (char *)first + idx * ARCH_KMAP_WINDOW_STRIDE;
}

/* Map the RAM frame at file offset @off at window @va (MAP_FIXED). */
void arch_kmap_window_map(void *va, off_t off);
/* The window faults again (its frame is no longer reachable there). */
void arch_kmap_window_unmap(void *va);

/*
 * AddressSanitizer builds keep an unmapped window's frame mapped and
 * poison the window instead (no system call: a kmap() + kunmap() pair is
 * about 7 us with them): a stale pointer is ASan's catch at the access,
 * and kshim's __asan_on_error() turns it into the same oops the fault
 * would have been (arch_oops_checker()).  True in such builds.  Valgrind
 * keeps the real unmap: memcheck's own report cannot become the oops.
 */
bool arch_kmap_windows_kept(void);
/* The window still maps the frame it mapped last: accessible again. */
void arch_kmap_window_reopen(void *va);

/*
 * Memcheck sees an address range that is unmapped on purpose (a kmap
 * window, the highmem part of the direct map) as addressable, so that an
 * access through a stale pointer reaches the host fault and kshim's oops
 * instead of memcheck's "Invalid write".  No effect outside valgrind.
 */
void arch_kmap_hole_for_fault(void *va, size_t len);

#endif /* _KSHIM_ARCH_KMAP_WINDOW_H */
