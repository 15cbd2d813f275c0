// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/vmap.c - the host side of the vmalloc range.
 *
 * The kernel maps a vmalloc area by writing PTEs for its pages in the
 * vmalloc part of the kernel page tables and unmaps it by clearing them;
 * the page after each area has no PTE (the guard page).  Here the range
 * is one PROT_NONE reservation; an area's pages are aliases of their
 * frames in the RAM memfd (mmap MAP_SHARED | MAP_FIXED, one call per run
 * of consecutive frames), so a write through the vmalloc address is
 * visible through the direct map, a kmap window or kshim's backdoor, and
 * the guard page and a freed area fault (compat/arch/fault.c: the oops).
 */
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include <valgrind/memcheck.h>

#include "arch/kmap_window.h"
#include "arch/physmem.h"
#include "arch/poison.h"
#include "arch/vmap.h"

#if ARCH_POISON_ASAN
#include <sanitizer/asan_interface.h>
#endif

void *arch_vmap_reserve(size_t len)
{
	void *va = arch_reserve(len);

	arch_kmap_hole_for_fault(va, len);
	return va;
}

void arch_vmap_release(void *va, size_t len)
{
	arch_release(va, len);
}

void arch_vmap_map(void *va, size_t len, off_t off, bool readonly)
{
	arch_ram_map_alias(va, len, off);
	if (readonly && mprotect(va, len, PROT_READ))
		arch_host_fail("mapping a vmalloc area read-only");
	VALGRIND_MAKE_MEM_DEFINED(va, len);
}

void arch_vmap_unmap(void *va, size_t len)
{
	void *p = mmap(va, len, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
		       -1, 0);

	if (p == MAP_FAILED)
		arch_host_fail("unmapping a vmalloc area");
	arch_kmap_hole_for_fault(va, len);
}

void arch_vmap_poison(void *va, size_t len)
{
#if ARCH_POISON_ASAN
	ASAN_POISON_MEMORY_REGION(va, len);
#endif
	VALGRIND_MAKE_MEM_NOACCESS(va, len);
}

void arch_vmap_unpoison(void *va, size_t len)
{
#if ARCH_POISON_ASAN
	ASAN_UNPOISON_MEMORY_REGION(va, len);
#endif
	VALGRIND_MAKE_MEM_DEFINED(va, len);
}

/* ---- read-only data (is_kernel_rodata) ---- */

#define MAX_RO_RANGES 64

static struct {
	uintptr_t start, end;
} ro_ranges[MAX_RO_RANGES];
static unsigned int nr_ro_ranges;
static pthread_once_t ro_once = PTHREAD_ONCE_INIT;

static int collect_ro(struct dl_phdr_info *info, size_t size, void *data)
{
	unsigned int i;

	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];

		if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W) ||
		    nr_ro_ranges == MAX_RO_RANGES)
			continue;
		ro_ranges[nr_ro_ranges].start = info->dlpi_addr + ph->p_vaddr;
		ro_ranges[nr_ro_ranges].end = info->dlpi_addr + ph->p_vaddr +
					      ph->p_memsz;
		nr_ro_ranges++;
	}
	return 0;
}

static void find_ro_ranges(void)
{
	dl_iterate_phdr(collect_ro, NULL);
}

bool arch_is_rodata(const void *p)
{
	uintptr_t a = (uintptr_t)p;
	unsigned int i;

	pthread_once(&ro_once, find_ro_ranges);
	for (i = 0; i < nr_ro_ranges; i++)
		if (a >= ro_ranges[i].start && a < ro_ranges[i].end)
			return true;
	return false;
}
