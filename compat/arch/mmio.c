// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/mmio.c - the host address range behind ioremap().
 *
 * On x86 an ioremap() returns a vmalloc-area address whose page table
 * entries point at the device's physical registers (uncached).  kshim has
 * no registers to point at: the registers are a model the test provides
 * (compat/mm/ioremap.c), reached only through the MMIO accessors.  So the
 * range is a single PROT_NONE reservation that stays inaccessible; the
 * accessors turn an address into a page index of the range and look the
 * mapping up in a table, and anything else touching the range faults.
 */
#include <sys/mman.h>

#include "arch/kmap_window.h"
#include "arch/mmio.h"
#include "arch/physmem.h"

unsigned long arch_mmio_start, arch_mmio_end;

void *arch_mmio_reserve(size_t len)
{
	void *va = arch_reserve(len);

	/* memcheck: an access is the host fault's, not an "Invalid read" */
	arch_kmap_hole_for_fault(va, len);
	return va;
}

void arch_mmio_release(void *va, size_t len)
{
	if (va)
		arch_release(va, len);
}
