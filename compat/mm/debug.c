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
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>

#include "kshim/internal.h"
#include "mm/internal.h"

static const char *const pageflag_names[NR_PAGEFLAGS] = {
	[PG_locked] = "locked",		[PG_referenced] = "referenced",
	[PG_uptodate] = "uptodate",	[PG_dirty] = "dirty",
	[PG_lru] = "lru",		[PG_active] = "active",
	[PG_workingset] = "workingset",	[PG_waiters] = "waiters",
	[PG_error] = "error",		[PG_slab] = "slab",
	[PG_owner_priv_1] = "owner_priv_1", [PG_arch_1] = "arch_1",
	[PG_reserved] = "reserved",	[PG_private] = "private",
	[PG_private_2] = "private_2",	[PG_writeback] = "writeback",
	[PG_head] = "head",		[PG_mappedtodisk] = "mappedtodisk",
	[PG_reclaim] = "reclaim",	[PG_swapbacked] = "swapbacked",
	[PG_unevictable] = "unevictable", [PG_mlocked] = "mlocked",
	[PG_hwpoison] = "hwpoison",	[PG_young] = "young",
	[PG_idle] = "idle",		[PG_arch_2] = "arch_2",
};

static const struct {
	gfp_t mask;
	const char *name;
} gfpflag_names[] = {
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
};

/* %pGg: composite names first, then single flags, then leftover hex. */
const char *kshim_format_gfp(gfp_t gfp, char *buf, size_t len)
{
	size_t n = 0, i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(gfpflag_names) / sizeof(gfpflag_names[0]); i++) {
		gfp_t m = gfpflag_names[i].mask;

		if (!m || (gfp & m) != m)
			continue;
		n += snprintf(buf + n, n < len ? len - n : 0, "%s%s",
			      n ? "|" : "", gfpflag_names[i].name);
		gfp &= ~m;
	}
	if (gfp)
		n += snprintf(buf + n, n < len ? len - n : 0, "%s0x%x",
			      n ? "|" : "", gfp);
	if (!n)
		snprintf(buf, len, "none");
	return buf;
}

/* %pGp: the set flags by name, then node and zone. */
static const char *format_pageflags(const struct page *page, char *buf,
				    size_t len)
{
	unsigned long flags = READ_ONCE(page->flags);
	size_t n = 0;
	int i;

	for (i = 0; i < NR_PAGEFLAGS; i++)
		if (flags & (1UL << i))
			n += snprintf(buf + n, n < len ? len - n : 0, "%s|",
				      pageflag_names[i]);
	snprintf(buf + n, n < len ? len - n : 0, "node=%d|zone=%d",
		 page_to_nid(page), page_zonenum(page));
	return buf;
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

static void dump_raw(const char *prefix, const struct page *page)
{
	const unsigned long *w = (const unsigned long *)page;

	pr_warn("%s%016lx %016lx %016lx %016lx\n", prefix, w[0], w[1], w[2],
		w[3]);
	pr_warn("%s%016lx %016lx %016lx %016lx\n", prefix, w[4], w[5], w[6],
		w[7]);
}

void dump_page(const struct page *page, const char *reason)
{
	const struct page *head = compound_head(page);
	int mapcount = atomic_read(&page->_mapcount) + 1;
	char flags[512];

	if (page_has_type(page))
		mapcount = 0;
	pr_warn("page:%p refcount:%d mapcount:%d mapping:%p index:0x%lx pfn:0x%lx\n",
		page, page_ref_count(head), mapcount,
		PageTail(page) ? NULL : page->mapping,
		PageTail(page) ? 0UL : page->index, page_to_pfn(page));
	if (head != page || PageHead(page))
		pr_warn("head:%p order:%u entire_mapcount:%d nr_pages_mapped:%d pincount:%d\n",
			head, compound_order(head), 0, 0, 0);
	pr_warn("flags: 0x%lx(%s)\n", READ_ONCE(head->flags),
		format_pageflags(head, flags, sizeof(flags)));
	pr_warn("page_type: 0x%x(%s)\n", READ_ONCE(head->page_type),
		format_page_type(READ_ONCE(head->page_type)));
	dump_raw("raw: ", page);
	if (head != page)
		dump_raw("head: ", head);
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

/* 2.6.35 bad_page(): no dump_page() yet, one line of fields */
static void bad_page_fields_2_6(const struct page *page)
{
	char pg[20], fl[20], map[20];

	pr_alert("page:%s flags:%s count:%d mapcount:%d mapping:%s index:%lx\n",
		 pointer_2_6(page, pg, sizeof(pg)),
		 pointer_2_6((void *)page->flags, fl, sizeof(fl)),
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
