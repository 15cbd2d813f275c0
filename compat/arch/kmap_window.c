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
#include <stdbool.h>
#include <sys/mman.h>

#include <valgrind/memcheck.h>

#include "arch/dma_owner.h"
#include "arch/fault.h"
#include "arch/kmap_window.h"
#include "arch/physmem.h"
#include "arch/poison.h"

#if ARCH_POISON_ASAN
#include <sanitizer/asan_interface.h>
#endif

#define WIN_PAGE	ARCH_KMAP_WINDOW_PAGE
#define WIN_STRIDE	ARCH_KMAP_WINDOW_STRIDE

void *arch_kmap_windows_reserve(unsigned int nr)
{
	char *area = arch_reserve(WIN_PAGE + nr * WIN_STRIDE);

	arch_kmap_hole_for_fault(area, WIN_PAGE + nr * WIN_STRIDE);
	return area + WIN_PAGE;
}

bool arch_kmap_windows_kept(void)
{
	return ARCH_POISON_ASAN;
}

void arch_kmap_window_map(void *va, off_t off)
{
	arch_ram_map_alias(va, WIN_PAGE, off);
#if ARCH_POISON_ASAN
	ASAN_UNPOISON_MEMORY_REGION(va, WIN_PAGE);
#endif
	VALGRIND_MAKE_MEM_DEFINED(va, WIN_PAGE);
}

void arch_kmap_window_reopen(void *va)
{
#if ARCH_POISON_ASAN
	ASAN_UNPOISON_MEMORY_REGION(va, WIN_PAGE);
#else
	(void)va;
#endif
}

void arch_kmap_window_unmap(void *va)
{
#if ARCH_POISON_ASAN
	ASAN_POISON_MEMORY_REGION(va, WIN_PAGE);
#else
	if (mprotect(va, WIN_PAGE, PROT_NONE))
		arch_host_fail("unmapping a kmap window");
	arch_kmap_hole_for_fault(va, WIN_PAGE);
#endif
}

#if ARCH_POISON_ASAN
/*
 * ASan found an access to a poisoned address, before printing its own
 * report: an address of a kmap window that maps nothing now is the
 * kernel's page fault, and kshim's oops instead (which ends the task, so
 * ASan's report never comes).  Anything else is ASan's.
 */
void __asan_on_error(void);
void __asan_on_error(void)
{
	unsigned long addr = (unsigned long)__asan_get_report_address();

	/* A DMA buffer the device owns: kshim's report (no return). */
	arch_dma_owner_checker_error(addr, __asan_get_report_access_type(),
				     __asan_get_report_access_size(),
				     (unsigned long)__asan_get_report_pc());
	if (!addr || !kshim_fault_is_kmap_window(addr))
		return;
	arch_oops_checker(addr, __asan_get_report_access_type(),
			  (unsigned long)__asan_get_report_pc());
}
#endif

void arch_kmap_hole_for_fault(void *va, size_t len)
{
	if (RUNNING_ON_VALGRIND)
		VALGRIND_MAKE_MEM_DEFINED(va, len);
}
