// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/kmap_window.c - alias windows onto the RAM file.
 *
 * The kernel maps a highmem frame by writing a PTE in the pkmap area or in
 * a per-CPU fixmap slot, and unmaps it by clearing the PTE.  Here a window
 * is one page of reserved (PROT_NONE) address space: mapping puts the
 * frame's page of the RAM memfd there with mmap(MAP_FIXED | MAP_SHARED),
 * so the window aliases the same frame as every other view of it;
 * unmapping makes the window PROT_NONE, so a stale pointer faults
 * (compat/arch/fault.c turns the fault into an oops).  Each is one system
 * call, the price of a real PTE change plus TLB flush (mprotect() costs
 * about half of replacing the mapping with an anonymous one, and the
 * address range is never given up, so nothing else can land there).
 * Windows are two pages apart: the page after each one is a guard.
 */
#include <sys/mman.h>

#include <valgrind/memcheck.h>

#include "arch/kmap_window.h"
#include "arch/physmem.h"

#define WIN_PAGE	ARCH_KMAP_WINDOW_PAGE
#define WIN_STRIDE	ARCH_KMAP_WINDOW_STRIDE

void *arch_kmap_windows_reserve(unsigned int nr)
{
	char *area = arch_reserve(WIN_PAGE + nr * WIN_STRIDE);

	arch_kmap_hole_for_fault(area, WIN_PAGE + nr * WIN_STRIDE);
	return area + WIN_PAGE;
}

void arch_kmap_window_map(void *va, off_t off)
{
	arch_ram_map_alias(va, WIN_PAGE, off);
	VALGRIND_MAKE_MEM_DEFINED(va, WIN_PAGE);
}

void arch_kmap_window_unmap(void *va)
{
	if (mprotect(va, WIN_PAGE, PROT_NONE))
		arch_host_fail("unmapping a kmap window");
	arch_kmap_hole_for_fault(va, WIN_PAGE);
}

void arch_kmap_hole_for_fault(void *va, size_t len)
{
	if (RUNNING_ON_VALGRIND)
		VALGRIND_MAKE_MEM_DEFINED(va, len);
}
