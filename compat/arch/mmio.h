/*
 * compat/arch/mmio.h - the host side of kshim's ioremap area (mmio.c).
 *
 * Every ioremap() of the simulated machine gets its own pages of one
 * address range that is never made accessible: the MMIO accessors
 * (readl(), writel() ... in compat/mm/ioremap.c) find the mapping from
 * the address alone, and a plain dereference of an __iomem pointer
 * faults on the host, which compat/arch/fault.c turns into an oops.
 */
#ifndef _KSHIM_ARCH_MMIO_H
#define _KSHIM_ARCH_MMIO_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Reserve the area (@len bytes, inaccessible; memcheck is told it is
 * addressable so a raw access reaches the host fault and the oops, as
 * for the user range).  Exits through arch_host_fail() when the host
 * refuses.
 */
void *arch_mmio_reserve(size_t len);
void arch_mmio_release(void *va, size_t len);

/*
 * Set by compat/mm/ioremap.c once the area exists; read by the SIGSEGV
 * handler (signal-safe: two words).
 */
extern unsigned long arch_mmio_start, arch_mmio_end;

static inline bool arch_mmio_owns(unsigned long addr)
{
	return addr >= arch_mmio_start && addr < arch_mmio_end;
}

/*
 * compat/mm/ioremap.c: print what @addr of the area is (a live mapping
 * dereferenced without the accessors, a mapping already unmapped, a
 * page no live ioremap covers) where the oops prints its page table walk;
 * false (nothing printed) for a part of the area no ioremap has used yet,
 * which is no more MMIO than any other wild address.
 */
bool kshim_mmio_fault_explain(unsigned long addr);

#endif /* _KSHIM_ARCH_MMIO_H */
