// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/user_range.c - the host side of a simulated process's user
 * address range.
 *
 * On x86_64 with SMAP, kernel code that dereferences a user address
 * faults even when the page is present: only the uaccess routines (run
 * with EFLAGS.AC set) may touch user memory.  kshim gets the same by
 * never mapping anything at a user address: the range is one PROT_NONE
 * reservation, kept for the mm's life, and the pages behind it live only
 * in the simulated page table (compat/mm/pgtable.c); uaccess and the
 * process's own loads and stores walk that table and copy through the
 * frame's kernel address.  A raw access faults on the host, and
 * compat/arch/fault.c prints the kernel's oops for it.
 */
#include <stdint.h>
#include <sys/mman.h>

#include "arch/kmap_window.h"
#include "arch/physmem.h"
#include "arch/user_range.h"

void *arch_user_range_reserve(size_t len)
{
	void *va = mmap(NULL, len, PROT_NONE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (va == MAP_FAILED)
		return NULL;
	/* memcheck: an access is the host fault's, not an "Invalid read" */
	arch_kmap_hole_for_fault(va, len);
	return va;
}

void arch_user_range_release(void *va, size_t len)
{
	if (va)
		arch_release(va, len);
}
