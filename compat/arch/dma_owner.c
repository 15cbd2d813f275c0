// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/dma_owner.c - DMA buffers the device owns, as AddressSanitizer
 * and memcheck see them (kshim's check; the kernel has none).
 *
 * A streaming mapping hands its buffer to the device; the CPU gets it back
 * at unmap or dma_sync_*_for_cpu().  While the device owns it:
 *  - ASan: the whole 8-byte granules inside the buffer are poisoned (the
 *    partial granules at its ends stay open: ASan cannot poison the head
 *    of a granule without its tail, and a buffer rarely shares a granule
 *    with other live data).  A CPU access lands in kshim's
 *    __asan_on_error() (compat/arch/kmap_window.c), which asks
 *    arch_dma_owner_checker_error(): kshim's report, class
 *    "dma_ownership", names the access (for a memcpy() or other library
 *    copy, the driver's line that called it) and the map call, and the task
 *    ends, as after an oops (ASan's own report would abort the process);
 *  - memcheck: the buffer is no-access and a client block whose
 *    description names the mapping; memcheck's "Invalid read/write" then
 *    describes the address as inside that block, with the map call's
 *    stack (the block's creation).
 * Two mappings may cover the same bytes (a buffer mapped for two
 * devices): giving one back to the CPU re-poisons what the others still
 * hold.  Only buffers that were fully accessible when mapped are
 * poisoned, so kshim never opens memory another check closed.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <valgrind/memcheck.h>

#include <linux/printk.h>

#include "kshim/internal.h"
#include "kshim/report.h"
#include "arch/dma_owner.h"
#include "arch/fault.h"
#include "arch/poison.h"

#if ARCH_POISON_ASAN
#include <sanitizer/asan_interface.h>
#endif

#define GRANULE 8UL

static pthread_mutex_t owned_lock = PTHREAD_MUTEX_INITIALIZER;
static struct arch_dma_owned *owned_head;

/* Asked once: neither ASan nor Valgrind comes or goes while we run. */
bool arch_dma_owner_watched(void)
{
	static int watched = -1;

	if (watched < 0)
		__atomic_store_n(&watched, arch_poison_watched(),
				 __ATOMIC_RELAXED);
	return __atomic_load_n(&watched, __ATOMIC_RELAXED);
}

static void close_range(struct arch_dma_owned *o)
{
#if ARCH_POISON_ASAN
	if (o->hi > o->lo)
		ASAN_POISON_MEMORY_REGION(o->lo, o->hi - o->lo);
#endif
	if (RUNNING_ON_VALGRIND)
		VALGRIND_MAKE_MEM_NOACCESS(o->va, o->len);
}

static void open_range(struct arch_dma_owned *o)
{
#if ARCH_POISON_ASAN
	if (o->hi > o->lo)
		ASAN_UNPOISON_MEMORY_REGION(o->lo, o->hi - o->lo);
#endif
	if (RUNNING_ON_VALGRIND)
		VALGRIND_MAKE_MEM_DEFINED(o->va, o->len);
}

static bool overlaps(const struct arch_dma_owned *a,
		     const struct arch_dma_owned *b)
{
	return a->va < b->va + b->len && b->va < a->va + a->len;
}

/* Poisoned by someone other than a mapping of ours? */
static bool closed_by_others(struct arch_dma_owned *o)
{
#if ARCH_POISON_ASAN
	struct arch_dma_owned *p;

	if (o->hi <= o->lo || !__asan_region_is_poisoned(o->lo, o->hi - o->lo))
		return false;
	for (p = owned_head; p; p = p->next)
		if (overlaps(o, p))
			return false;	/* (most likely) ours */
	return true;
#else
	(void)o;
	return false;
#endif
}

void arch_dma_give_device(struct arch_dma_owned *o, void *va, size_t len,
			  const char *file, int line, const char *func)
{
	uintptr_t b = (uintptr_t)va, e = b + len;

	if (!arch_dma_owner_watched() || !va || !len)
		return;
	o->va = va;
	o->len = len;
	o->lo = (char *)((b + GRANULE - 1) & ~(GRANULE - 1));
	o->hi = (char *)(e & ~(GRANULE - 1));
	o->file = file;
	o->line = line;
	o->func = func;
	pthread_mutex_lock(&owned_lock);
	if (o->on || closed_by_others(o)) {
		pthread_mutex_unlock(&owned_lock);
		return;
	}
	o->on = true;
	o->prev = NULL;
	o->next = owned_head;
	if (owned_head)
		owned_head->prev = o;
	owned_head = o;
	close_range(o);
	if (RUNNING_ON_VALGRIND)
		o->vg_block = VALGRIND_CREATE_BLOCK(o->va, o->len, o->desc);
	pthread_mutex_unlock(&owned_lock);
}

void arch_dma_give_cpu(struct arch_dma_owned *o)
{
	struct arch_dma_owned *p;

	if (!o->on)
		return;
	pthread_mutex_lock(&owned_lock);
	if (o->prev)
		o->prev->next = o->next;
	else
		owned_head = o->next;
	if (o->next)
		o->next->prev = o->prev;
	o->on = false;
	if (RUNNING_ON_VALGRIND)
		VALGRIND_DISCARD(o->vg_block);
	open_range(o);
	for (p = owned_head; p; p = p->next)
		if (overlaps(o, p))
			close_range(p);
	pthread_mutex_unlock(&owned_lock);
}

bool arch_dma_owner_checker_error(unsigned long addr, bool write,
				  size_t size, unsigned long pc)
{
	struct kshim_site site = { "?", 0, "?", NULL };
	struct arch_dma_owned *o;
	bool have_site;

	for (o = owned_head; o; o = o->next)
		if (addr >= (unsigned long)o->va &&
		    addr < (unsigned long)o->va + o->len)
			break;
	if (!o)
		return false;
	/* As after ASan's report: its locks are held, no leak check. */
	arch_checker_oops = true;
	/* a memcpy() the runtime checked: the driver's line that called it */
	have_site = arch_checker_site(pc, &site);
	kshim_report_begin(KSHIM_REPORT_DMA_OWNERSHIP,
			   have_site ? site.file : NULL, site.line,
			   have_site ? site.func : NULL);
	printk(KERN_ERR "==================================================================\n");
	printk(KERN_ERR "BUG: kshim: CPU %s of a DMA buffer the device owns in %s\n",
	       write ? "write" : "read", site.func);
	if (have_site)
		printk(KERN_ERR "kshim: the access: %s:%d (%s)\n", site.file,
		       site.line, site.func);
	printk(KERN_ERR "kshim: %s\n", o->desc);
	printk(KERN_ERR "%s of size %zu at addr %px, offset %lu in the buffer\n",
	       write ? "Write" : "Read", size, (void *)addr,
	       addr - (unsigned long)o->va);
	printk(KERN_ERR "kshim: the device owns a streaming mapping from dma_map_*() or dma_sync_*_for_device() until dma_unmap_*() or dma_sync_*_for_cpu()\n");
	kshim_print_trace();
	printk(KERN_ERR "==================================================================\n");
	kshim_report_end();
	kshim_task_die();
}
