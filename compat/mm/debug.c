// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/debug.c - dump_page(), VM_BUG_ON_PAGE and "Bad page state".
 *
 * Reproduces mm/debug.c (__dump_page, the %pGp/%pGg flag names) and
 * bad_page() of mm/page_alloc.c in 6.8: the "page:... refcount:...
 * mapcount:... mapping:... index:... pfn:..." line, the head line of a
 * compound page, flags and page_type with names, the raw words, "page
 * dumped because: <reason>"; a bad page also gets "BUG: Bad page state in
 * process <comm>  pfn:<pfn>", the modules, a stack, taint B, and a rate
 * limit of 60 reports a minute.
 *
 * A driver built for 2.6.28-2.6.36 gets bad_page() of 2.6.35 instead: the
 * same first line, then one "page:%p flags:%p count:%d mapcount:%d
 * mapping:%p index:%lx" line (count is page_count(), the head's), the
 * stack, no reason and no module list.  Like every kshim report it is
 * made at the driver's line (the kernel's stack would show the caller).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>

#include "kshim/internal.h"
#include "mm/internal.h"

/* %pGp names, in the order of __def_pageflag_names (mmflags.h, 6.1) */
const struct kshim_flag_name kshim_pageflag_names[] = {
	{ 1UL << PG_locked, "locked" },
	{ 1UL << PG_waiters, "waiters" },
	{ 1UL << PG_error, "error" },
	{ 1UL << PG_referenced, "referenced" },
	{ 1UL << PG_uptodate, "uptodate" },
	{ 1UL << PG_dirty, "dirty" },
	{ 1UL << PG_lru, "lru" },
	{ 1UL << PG_active, "active" },
	{ 1UL << PG_workingset, "workingset" },
	{ 1UL << PG_slab, "slab" },
	{ 1UL << PG_owner_priv_1, "owner_priv_1" },
	{ 1UL << PG_arch_1, "arch_1" },
	{ 1UL << PG_reserved, "reserved" },
	{ 1UL << PG_private, "private" },
	{ 1UL << PG_private_2, "private_2" },
	{ 1UL << PG_writeback, "writeback" },
	{ 1UL << PG_head, "head" },
	{ 1UL << PG_mappedtodisk, "mappedtodisk" },
	{ 1UL << PG_reclaim, "reclaim" },
	{ 1UL << PG_swapbacked, "swapbacked" },
	{ 1UL << PG_unevictable, "unevictable" },
	{ 1UL << PG_mlocked, "mlocked" },
	{ 1UL << PG_hwpoison, "hwpoison" },
	{ 1UL << PG_young, "young" },
	{ 1UL << PG_idle, "idle" },
	{ 1UL << PG_arch_2, "arch_2" },
	{ 0, NULL }
};

/* %pGg: composite names first, then single flags (__def_gfpflag_names) */
const struct kshim_flag_name kshim_gfpflag_names[] = {
	{ GFP_TRANSHUGE, "GFP_TRANSHUGE" },
	{ GFP_TRANSHUGE_LIGHT, "GFP_TRANSHUGE_LIGHT" },
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ GFP_NOFS, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ GFP_NOWAIT, "GFP_NOWAIT" },
	{ GFP_DMA, "GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ __GFP_HIGH, "__GFP_HIGH" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
	{ __GFP_WRITE, "__GFP_WRITE" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL" },
	{ __GFP_NOFAIL, "__GFP_NOFAIL" },
	{ __GFP_NORETRY, "__GFP_NORETRY" },
	{ __GFP_COMP, "__GFP_COMP" },
	{ __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC" },
	{ __GFP_MEMALLOC, "__GFP_MEMALLOC" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_THISNODE, "__GFP_THISNODE" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
	{ __GFP_ZEROTAGS, "__GFP_ZEROTAGS" },
	{ __GFP_SKIP_ZERO, "__GFP_SKIP_ZERO" },
	{ __GFP_SKIP_KASAN, "__GFP_SKIP_KASAN" },
	{ __GFP_NOLOCKDEP, "__GFP_NOLOCKDEP" },
	{ 0, NULL }
};

/* The gfp names as a string ("none" for 0), for kshim's own messages. */
const char *kshim_format_gfp(gfp_t gfp, char *buf, size_t len)
{
	if (gfp)
		scnprintf(buf, len, "%pGg", &gfp);
	else
		scnprintf(buf, len, "none");
	return buf;
}

/* kshim keeps node and zone by pfn, not in page->flags as the kernel. */
bool kshim_page_of_flags(const unsigned long *flagsp, int *nid, int *zone)
{
	uintptr_t off = (uintptr_t)flagsp - (uintptr_t)vmemmap;
	const struct page *page;

	if (!vmemmap || (uintptr_t)flagsp < (uintptr_t)vmemmap ||
	    off % sizeof(struct page) != offsetof(struct page, flags) ||
	    off / sizeof(struct page) >= max_pfn)
		return false;
	page = (const struct page *)((const char *)flagsp -
				     offsetof(struct page, flags));
	*nid = page_to_nid(page);
	*zone = page_zonenum(page);
	return true;
}

static const char *format_page_type(unsigned int type)
{
	if (type == 0xffffffffu || (int)type >= PAGE_MAPCOUNT_RESERVE)
		return "";
	if (!(type & PG_buddy))
		return "buddy";
	if (!(type & PG_offline))
		return "offline";
	if (!(type & PG_table))
		return "table";
	if (!(type & PG_guard))
		return "guard";
	return "unknown";
}

void dump_page(const struct page *page, const char *reason)
{
	const struct page *head = compound_head(page);
	int mapcount = atomic_read(&page->_mapcount) + 1;

	if (page_has_type(page))
		mapcount = 0;
	pr_warn("page:%p refcount:%d mapcount:%d mapping:%p index:%#lx pfn:%#lx\n",
		page, page_ref_count(head), mapcount,
		PageTail(page) ? NULL : page->mapping,
		PageTail(page) ? 0UL : page->index, page_to_pfn(page));
	if (head != page || PageHead(page))
		pr_warn("head:%p order:%u entire_mapcount:%d nr_pages_mapped:%d pincount:%d\n",
			head, compound_order(head), 0, 0, 0);
	pr_warn("flags: %pGp\n", &head->flags);
	pr_warn("page_type: %#x(%s)\n", READ_ONCE(head->page_type),
		format_page_type(READ_ONCE(head->page_type)));
	print_hex_dump(KERN_WARNING, "raw: ", DUMP_PREFIX_NONE, 32,
		       sizeof(unsigned long), page, sizeof(struct page), false);
	if (head != page)
		print_hex_dump(KERN_WARNING, "head: ", DUMP_PREFIX_NONE, 32,
			       sizeof(unsigned long), head,
			       sizeof(struct page), false);
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}

void __kshim_vm_bug_page(const struct page *page, const char *reason,
			 const char *file, int line, const char *func)
{
	kshim_report_begin(KSHIM_REPORT_BUG, file, line, func);
	if (page)
		dump_page(page, reason);
	__kshim_bug(file, line, func, NULL);
}

void __kshim_vm_warn_page(const struct page *page, const char *reason,
			  const char *file, int line, const char *func)
{
	kshim_report_begin(KSHIM_REPORT_WARNING, file, line, func);
	dump_page(page, reason);
	__kshim_warn(file, line, func, NULL, TAINT_WARN, NULL);
	kshim_report_end();
}

/* ---- bad_page() ---- */

/*
 * dump_mm() of 6.1 mm/debug.c (CONFIG_MMU, AIO, MEMCG, MMU_NOTIFIER,
 * NUMA_BALANCING): kshim's mm has task_size, the counts, map_count,
 * total_vm and a page table (pgd); every other field prints as 0.
 */
void dump_mm(const struct mm_struct *mm)
{
	pr_emerg("mm %px task_size %lu\n"
		 "get_unmapped_area %px\n"
		 "mmap_base %lu mmap_legacy_base %lu\n"
		 "pgd %px mm_users %d mm_count %d pgtables_bytes %lu map_count %d\n"
		 "hiwater_rss %lx hiwater_vm %lx total_vm %lx locked_vm %lx\n"
		 "pinned_vm %llx data_vm %lx exec_vm %lx stack_vm %lx\n"
		 "start_code %lx end_code %lx start_data %lx end_data %lx\n"
		 "start_brk %lx brk %lx start_stack %lx\n"
		 "arg_start %lx arg_end %lx env_start %lx env_end %lx\n"
		 "binfmt %px flags %lx\n"
		 "ioctx_table %px\n"
		 "owner %px exe_file %px\n"
		 "notifier_subscriptions %px\n"
		 "numa_next_scan %lu numa_scan_offset %lu numa_scan_seq %d\n"
		 "tlb_flush_pending %d\n"
		 "def_flags: %#lx()\n",
		 mm, mm->task_size, NULL, 0UL, 0UL, mm->kshim_pgtable,
		 atomic_read(&mm->mm_users), atomic_read(&mm->mm_count), 0UL,
		 mm->map_count,
		 0UL, 0UL, mm->total_vm, 0UL,
		 0ULL, 0UL, 0UL, 0UL,
		 0UL, 0UL, 0UL, 0UL,
		 0UL, 0UL, 0UL,
		 0UL, 0UL, 0UL, 0UL,
		 NULL, 0UL,
		 NULL,
		 NULL, NULL,
		 NULL,
		 0UL, 0UL, 0,
		 0,
		 0UL);
}

static unsigned long bad_shown, bad_unshown;
static long long bad_resume_ns;

void kshim_bad_page_reset(void)
{
	bad_shown = bad_unshown = 0;
	bad_resume_ns = 0;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* %p of 2.6.35's vsprintf: "(null)", else 16 zero-padded hex digits */
static const char *pointer_2_6(const void *p, char *buf, size_t len)
{
	if (!p)
		return "(null)";
	snprintf(buf, len, "%016lx", (unsigned long)p);
	return buf;
}

/*
 * page->flags in 2.6.35's bit numbers (its enum pageflags, x86 with
 * CONFIG_PAGEFLAGS_EXTENDED, CONFIG_MMU, CONFIG_MEMORY_FAILURE): error 1,
 * active 6, reserved 10, writeback 13, head 14, tail 15, buddy 19...
 * 6.8's PG_waiters, PG_workingset, PG_young, PG_idle, PG_arch_2 did not
 * exist; PG_swapcache, its own bit 16 then, is PG_owner_priv_1 here.
 */
static unsigned long flags_2_6(const struct page *page)
{
	static const struct { unsigned char now, then; } bits[] = {
		{ PG_locked, 0 }, { PG_error, 1 }, { PG_referenced, 2 },
		{ PG_uptodate, 3 }, { PG_dirty, 4 }, { PG_lru, 5 },
		{ PG_active, 6 }, { PG_slab, 7 }, { PG_owner_priv_1, 8 },
		{ PG_arch_1, 9 }, { PG_reserved, 10 }, { PG_private, 11 },
		{ PG_private_2, 12 }, { PG_writeback, 13 }, { PG_head, 14 },
		{ PG_mappedtodisk, 17 }, { PG_reclaim, 18 },
		{ PG_swapbacked, 20 }, { PG_unevictable, 21 },
		{ PG_mlocked, 22 }, { PG_hwpoison, 23 },
	};
	/* The zone/node fields at the top of the word stay where they are. */
	unsigned long flags = page->flags & ~((1UL << __NR_PAGEFLAGS) - 1);
	size_t i;

	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (page->flags & (1UL << bits[i].now))
			flags |= 1UL << bits[i].then;
	if (READ_ONCE(page->compound_head) & 1)
		flags |= 1UL << 15;		/* PG_tail */
	if (PageBuddy((struct page *)page))
		flags |= 1UL << 19;		/* PG_buddy */
	return flags;
}

/* 2.6.35 bad_page(): no dump_page() yet, one line of fields */
static void bad_page_fields_2_6(const struct page *page)
{
	char pg[20], fl[20], map[20];

	pr_alert("page:%s flags:%s count:%d mapcount:%d mapping:%s index:%lx\n",
		 pointer_2_6(page, pg, sizeof(pg)),
		 pointer_2_6((void *)flags_2_6(page), fl, sizeof(fl)),
		 page_count(page), page_mapcount(page),
		 pointer_2_6(page->mapping, map, sizeof(map)), page->index);
}

void kshim_bad_page(struct page *page, const char *reason,
		    unsigned int version, const char *file, int line,
		    const char *func)
{
	/* Burst of 60, then quiet for the rest of the minute. */
	if (bad_shown == 60) {
		if (now_ns() < bad_resume_ns) {
			bad_unshown++;
			goto out;
		}
		if (bad_unshown) {
			pr_alert("BUG: Bad page state: %lu messages suppressed\n",
				 bad_unshown);
			bad_unshown = 0;
		}
		bad_shown = 0;
	}
	if (bad_shown++ == 0)
		bad_resume_ns = now_ns() + 60 * 1000000000LL;

	kshim_report_begin(KSHIM_REPORT_BAD_PAGE, file, line, func);
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n",
		 kshim_current_comm(), page_to_pfn(page));
	if (kshim_mm_2_6(version)) {
		bad_page_fields_2_6(page);
	} else {
		dump_page(page, reason);
		kshim_print_modules();
	}
	dump_stack();
	kshim_report_end();
out:
	/* Leave bad fields for debug, except PageBuddy could make trouble */
	if (PageBuddy(page))
		page_mapcount_reset(page);
	add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE);
}
