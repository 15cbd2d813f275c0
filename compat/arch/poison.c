// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/poison.c - free pages as AddressSanitizer and memcheck see
 * them.
 *
 * The kernel's KASAN marks pages freed to the buddy allocator
 * inaccessible (kasan_poison_pages() in free_pages_prepare()) and
 * accessible again when they are handed out (kasan_unpoison_pages() in
 * post_alloc_hook()).  Here the host's checkers play KASAN: ASan manual
 * poisoning in ASan builds, memcheck client requests under Valgrind (a
 * few instructions and no effect when not under Valgrind).  Only the
 * direct map is marked: kshim's own backdoor view of RAM stays
 * accessible, so the allocator can fill, check and zero free frames.
 */
#include <valgrind/memcheck.h>

#include "arch/poison.h"

#if ARCH_POISON_ASAN
#include <sanitizer/asan_interface.h>
#endif

bool arch_poison_watched(void)
{
	return ARCH_POISON_ASAN || RUNNING_ON_VALGRIND;
}

void arch_poison_free(void *va, size_t len)
{
#if ARCH_POISON_ASAN
	ASAN_POISON_MEMORY_REGION(va, len);
#endif
	VALGRIND_MAKE_MEM_NOACCESS(va, len);
}

void arch_poison_alloc(void *va, size_t len)
{
#if ARCH_POISON_ASAN
	ASAN_UNPOISON_MEMORY_REGION(va, len);
#endif
	/*
	 * Defined, not undefined: __GFP_ZERO clears the frame through the
	 * backdoor view after this call, and memcheck cannot know that the
	 * direct-map alias now holds zeroes.  Marking the range undefined
	 * here would turn every read of a zeroed page into a false
	 * "uninitialised value" error.
	 */
	VALGRIND_MAKE_MEM_DEFINED(va, len);
}

void arch_poison_forget(void *va, size_t len)
{
#if ARCH_POISON_ASAN
	ASAN_UNPOISON_MEMORY_REGION(va, len);
#endif
}

void arch_poison_unused_ram(void *va, size_t len)
{
	if (RUNNING_ON_VALGRIND)
		VALGRIND_MAKE_MEM_NOACCESS(va, len);
}

void arch_poison_private_view(void *va, size_t len)
{
	if (RUNNING_ON_VALGRIND)
		VALGRIND_MAKE_MEM_NOACCESS(va, len);
}

void arch_private_view_open(void *va, size_t len)
{
	if (RUNNING_ON_VALGRIND)
		VALGRIND_MAKE_MEM_DEFINED(va, len);
}

void arch_slab_object_alloc(void *p, size_t size, bool defined)
{
#if ARCH_POISON_ASAN
	ASAN_UNPOISON_MEMORY_REGION(p, size);
#endif
	if (RUNNING_ON_VALGRIND) {
		VALGRIND_MALLOCLIKE_BLOCK(p, size, 0, 0);
		if (defined)
			VALGRIND_MAKE_MEM_DEFINED(p, size);
	}
}

void arch_slab_object_free(void *p, size_t size)
{
#if ARCH_POISON_ASAN
	ASAN_POISON_MEMORY_REGION(p, size);
#endif
	if (RUNNING_ON_VALGRIND) {
		VALGRIND_FREELIKE_BLOCK(p, 0);
		VALGRIND_MAKE_MEM_NOACCESS(p, size);
	}
}

void arch_slab_object_resize(void *p, size_t old_size, size_t new_size)
{
#if ARCH_POISON_ASAN
	if (new_size > old_size)
		ASAN_UNPOISON_MEMORY_REGION(p, new_size);
	else
		ASAN_POISON_MEMORY_REGION((char *)p + new_size,
					  old_size - new_size);
#endif
	if (RUNNING_ON_VALGRIND)
		VALGRIND_RESIZEINPLACE_BLOCK(p, old_size, new_size, 0);
}

void arch_checker_reports_off(void)
{
	VALGRIND_DISABLE_ERROR_REPORTING;
}

void arch_checker_reports_on(void)
{
	VALGRIND_ENABLE_ERROR_REPORTING;
}
