// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/highmem_32.c - the typed kmap_atomic(page, KM_...) of 2.6.3x.
 *
 * Reproduces, for drivers built with a 2.6.32 - 2.6.36 LINUX_VERSION_CODE
 * (asm/highmem.h):
 *  - arch/x86/mm/highmem_32.c of 2.6.35: kmap_atomic_prot() disables page
 *    faults (inc_preempt_count() in that era: in_atomic() is true), gives
 *    a lowmem page its page_address(), runs debug_kmap_atomic() and maps a
 *    highmem page at the slot of @type, BUG_ON(!pte_none(...)) if that
 *    slot is still mapped on this CPU (line 45); kunmap_atomic() clears
 *    the slot when @kvaddr is the slot of @type, and otherwise (wrong type)
 *    BUG_ON(vaddr < PAGE_OFFSET) / BUG_ON(vaddr >= high_memory) (lines
 *    71/72, CONFIG_DEBUG_HIGHMEM); kmap_atomic_to_page();
 *  - arch/x86/mm/iomap_32.c: kmap_atomic_prot_pfn() (kmap_atomic_pfn()):
 *    debug_kmap_atomic() for any frame, the slot overwritten unchecked;
 *  - debug_kmap_atomic() of mm/highmem.c (CONFIG_DEBUG_HIGHMEM): rule A,
 *    the slots each context may use (NMI, hardirq, softirq with IRQs on),
 *    and rule B, IRQ slots need IRQs off and softirq slots irq_count() or
 *    IRQs off; each violation is a WARN_ON(1) at its mm/highmem.c line
 *    (2.6.32 - 2.6.35: 437/444/453/464/469; 2.6.36: one more), all
 *    silenced once warn_count (10) drops below zero.
 * The slots are kshim's atomic kmap windows of the current task
 * (mm/internal.h), slot index = km type: a stale pointer faults and the
 * oops names where the slot was mapped and unmapped.  With
 * KSHIM_KMAP_FORCE_MAP=1 lowmem pages take the highmem path too.  Reports
 * use the 2.6.3x text ("WARNING: at %s:%d %pS()", "kernel BUG at %s:%u!")
 * with the kernel's own file:line; the report is attributed to the
 * driver's call, and the first call trace line names it.
 *
 * Where kshim differs: kmap_atomic_pfn() of a lowmem frame returns its
 * page_address() (x86-32 maps it at the slot); "below PAGE_OFFSET" is
 * below 64 KiB only (the host's heap, stack and data are all "lowmem" to
 * a driver); of the addresses beyond high_memory only this task's slots
 * and the direct-map addresses of highmem frames are recognised, not a
 * kmap() (pkmap) window.
 */
#include <stdio.h>

#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/version.h>
#define KSHIM_HIGHMEM_32_IMPL
#include <asm/highmem.h>

#include "arch/fault.h"
#include "kshim/internal.h"
#include "mm/internal.h"

/*
 * enum km_type of 2.6.35/2.6.36 (asm-generic/kmap_types.h; 2.6.32 - 2.6.34
 * lack KM_KDB).  libkshim is built for 6.x, which has no such enum: the
 * values are repeated here, and tests/highmem26 checks that they match.
 */
enum {
	KM_BOUNCE_READ, KM_SKB_SUNRPC_DATA, KM_SKB_DATA_SOFTIRQ, KM_USER0,
	KM_USER1, KM_BIO_SRC_IRQ, KM_BIO_DST_IRQ, KM_PTE0, KM_PTE1, KM_IRQ0,
	KM_IRQ1, KM_SOFTIRQ0, KM_SOFTIRQ1, KM_SYNC_ICACHE, KM_SYNC_DCACHE,
	KM_UML_USERCOPY, KM_IRQ_PTE, KM_NMI, KM_NMI_PTE, KM_KDB,
};

static unsigned int km_type_nr(unsigned int version)
{
	return version >= KERNEL_VERSION(2, 6, 35) ? 20 : 19;
}

/* One call from the driver: its profile, its position, its return address. */
struct km_call {
	unsigned int version;		/* the driver's LINUX_VERSION_CODE */
	const struct kshim_site *site;
	unsigned long ip;
};

/* ---- 2.6.3x report text ---- */

/* 2.6.35 print_tainted(): the twelve letters of that time. */
static const char *print_tainted(char *buf, size_t len)
{
	static const char tnts[][2] = {
		{ 'P', 'G' }, { 'F', ' ' }, { 'S', ' ' }, { 'R', ' ' },
		{ 'M', ' ' }, { 'B', ' ' }, { 'U', ' ' }, { 'D', ' ' },
		{ 'A', ' ' }, { 'W', ' ' }, { 'C', ' ' }, { 'I', ' ' },
	};
	unsigned long mask = get_taint();
	size_t n, i;

	if (!mask)
		return "Not tainted";
	n = snprintf(buf, len, "Tainted: ");
	for (i = 0; i < ARRAY_SIZE(tnts) && n + 1 < len; i++)
		buf[n++] = tnts[i][(mask >> i) & 1 ? 0 : 1];
	buf[n] = '\0';
	return buf;
}

/*
 * x86 dump_stack() of 2.6.35: the "Pid:" line, then the call trace, whose
 * first line is the driver's call (also when host backtraces are off).
 */
static void dump_stack_2_6(const struct km_call *c)
{
	unsigned int v = c->version;
	char taint[32];

	printk(KERN_WARNING "Pid: %d, comm: %.20s %s %u.%u.%u-kshim #1\n",
	       kshim_current_pid(), kshim_current_comm(),
	       print_tainted(taint, sizeof(taint)), (v >> 16) & 0xff,
	       (v >> 8) & 0xff, v & 0xff);
	printk(KERN_WARNING "Call Trace:\n");
	printk(KERN_WARNING " [<%016lx>] %s%s%s%s %s:%d\n", c->ip,
	       c->site->func ? c->site->func : "?", c->site->mod ? " [" : "",
	       c->site->mod ? c->site->mod : "", c->site->mod ? "]" : "",
	       c->site->file, c->site->line);
	arch_dump_host_stack();
}

/*
 * warn_slowpath_common() of 2.6.35 kernel/panic.c for a WARN_ON(1) at
 * mm/highmem.c:@line; "%pS" is the caller, debug_kmap_atomic().
 */
static noinline void warn_on_highmem(int line, const struct km_call *c)
{
	const struct kshim_site *site = c->site;
	char sym[160];

	arch_sprint_symbol(sym, sizeof(sym),
			   (unsigned long)__builtin_return_address(0));
	kshim_report_begin(KSHIM_REPORT_WARNING, site->file, site->line,
			   site->func);
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: at mm/highmem.c:%d %s()\n", line, sym);
	printk(KERN_WARNING "Hardware name: kshim simulated machine\n");
	kshim_print_modules();
	dump_stack_2_6(c);
	kshim_print_end_trace();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	kshim_report_end();
}

/*
 * A BUG_ON() of arch/x86/mm/highmem_32.c:@line: lib/bug.c's "kernel BUG
 * at" and the x86-32 die() lines of 2.6.35 ("EIP is at" the caller).  The
 * task dies: the running test ends.
 */
static noinline __noreturn void bug_highmem_32(int line,
					       const struct km_call *c)
{
	const struct kshim_site *site = c->site;
	char sym[160];

	arch_sprint_symbol(sym, sizeof(sym),
			   (unsigned long)__builtin_return_address(0));
	kshim_report_begin(KSHIM_REPORT_BUG, site->file, site->line,
			   site->func);
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_CRIT "kernel BUG at arch/x86/mm/highmem_32.c:%d!\n", line);
	printk(KERN_EMERG "invalid opcode: 0000 [#1] SMP\n");
	kshim_print_modules();
	printk(KERN_EMERG "EIP is at %s\n", sym);
	dump_stack_2_6(c);
	kshim_print_end_trace();
	add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	kshim_report_end();
	kshim_task_die();
}

/* ---- debug_kmap_atomic() (mm/highmem.c) ---- */

static int warn_count = 10;

/* One WARN_ON(1); warn_count--; of debug_kmap_atomic(). */
static __always_inline void kmap_warn(int line, const struct km_call *c)
{
	/* 2.6.36 added #include <linux/kgdb.h> above: one line further. */
	if (c->version >= KERNEL_VERSION(2, 6, 36))
		line++;
	warn_on_highmem(line, c);
	__atomic_fetch_sub(&warn_count, 1, __ATOMIC_RELAXED);
}

static noinline void debug_kmap_atomic(int type, const struct km_call *c)
{
	if (unlikely(__atomic_load_n(&warn_count, __ATOMIC_RELAXED) < 0))
		return;

	if (unlikely(in_interrupt())) {
		if (in_nmi()) {
			if (type != KM_NMI && type != KM_NMI_PTE)
				kmap_warn(437, c);
		} else if (in_irq()) {
			if (type != KM_IRQ0 && type != KM_IRQ1 &&
			    type != KM_BIO_SRC_IRQ && type != KM_BIO_DST_IRQ &&
			    type != KM_BOUNCE_READ && type != KM_IRQ_PTE)
				kmap_warn(444, c);
		} else if (!irqs_disabled()) {	/* softirq */
			if (type != KM_IRQ0 && type != KM_IRQ1 &&
			    type != KM_SOFTIRQ0 && type != KM_SOFTIRQ1 &&
			    type != KM_SKB_SUNRPC_DATA &&
			    type != KM_SKB_DATA_SOFTIRQ &&
			    type != KM_BOUNCE_READ)
				kmap_warn(453, c);
		}
	}

	if (type == KM_IRQ0 || type == KM_IRQ1 || type == KM_BOUNCE_READ ||
	    type == KM_BIO_SRC_IRQ || type == KM_BIO_DST_IRQ ||
	    type == KM_IRQ_PTE || type == KM_NMI || type == KM_NMI_PTE) {
		if (!irqs_disabled())
			kmap_warn(464, c);
	} else if (type == KM_SOFTIRQ0 || type == KM_SOFTIRQ1) {
		if (irq_count() == 0 && !irqs_disabled())
			kmap_warn(469, c);
	}
	/* KM_KDB (2.6.36) is checked only with CONFIG_KGDB_KDB: not here. */
}

/* ---- kmap_atomic() and friends (arch/x86/mm/highmem_32.c) ---- */

/* A type outside enum km_type: the kernel would map a random fixmap. */
static void check_type(int type, const struct km_call *c)
{
	const struct kshim_site *site = c->site;

	if (likely((unsigned int)type < km_type_nr(c->version)))
		return;
	kshim_report_begin(KSHIM_REPORT_BUG, site->file, site->line,
			   site->func);
	pr_crit("kshim: atomic kmap type %d is not an enum km_type value (0..%u)\n",
		type, km_type_nr(c->version) - 1);
	__kshim_bug(site->file, site->line, site->func, site->mod);
}

/* pagefault_disable()/pagefault_enable() of 2.6.35: the preempt count. */
static inline void pagefault_disable_2_6(const struct km_call *c)
{
	__kshim_preempt_count_add(1, c->site);
	barrier();
}

static inline void pagefault_enable_2_6(const struct km_call *c)
{
	barrier();
	__kshim_preempt_count_sub(1, c->site);
}

static noinline void *kmap_atomic_prot(struct page *page, int type,
				       const struct km_call *c)
{
	/* even !CONFIG_PREEMPT needs this, for in_atomic in do_page_fault */
	pagefault_disable_2_6(c);

	/* KSHIM_KMAP_FORCE_MAP: lowmem goes the highmem way too. */
	if (!kshim_kmap_needs_window(page))
		return page_address(page);

	debug_kmap_atomic(type, c);

	if (unlikely(kshim_kmap_slot_page(type)))
		bug_highmem_32(45, c);	/* BUG_ON(!pte_none(*(kmap_pte-idx))) */
	return kshim_kmap_slot_map(type, page, c->site);
}

void *__kshim_kmap_atomic(struct page *page, int type, unsigned int version,
			  const struct kshim_site *site)
{
	struct km_call c = {
		version, site, (unsigned long)__builtin_return_address(0)
	};

	check_type(type, &c);
	return kmap_atomic_prot(page, type, &c);
}

void *__kshim_kmap_atomic_pfn(unsigned long pfn, int type,
			      unsigned int version,
			      const struct kshim_site *site)
{
	struct km_call c = {
		version, site, (unsigned long)__builtin_return_address(0)
	};

	check_type(type, &c);
	pagefault_disable_2_6(&c);
	debug_kmap_atomic(type, &c);
	/* set_pte() without a check: whatever was there is replaced. */
	kshim_kmap_slot_unmap(type, site);
	return kshim_kmap_slot_map(type, pfn_to_page(pfn), site);
}

/*
 * Beyond high_memory on x86-32: the fixmap windows (kshim: this task's
 * atomic slots), the pkmap area of kmap() (kshim: every kmap window) and
 * vmalloc space, and the direct-map addresses of highmem frames.
 */
static bool above_high_memory(unsigned long vaddr)
{
	unsigned long pfn;

	if (kshim_kmap_slot_index(vaddr) >= 0 ||
	    kshim_fault_is_kernel_address(vaddr))
		return true;
	if (vaddr < PAGE_OFFSET)
		return false;
	pfn = (vaddr - PAGE_OFFSET) >> PAGE_SHIFT;
	return pfn_valid(pfn) && PageHighMem(pfn_to_page(pfn));
}

static noinline void kunmap_atomic(void *kvaddr, int type,
				   const struct km_call *c)
{
	unsigned long vaddr = (unsigned long)kvaddr & PAGE_MASK;

	/*
	 * Force other mappings to Oops if they'll try to access this pte
	 * without first remap it.
	 */
	if (vaddr == (unsigned long)kshim_kmap_slot_vaddr(type)) {
		kshim_kmap_slot_unmap(type, c->site);
	} else {
		if (vaddr < KSHIM_USER_ADDR_END)
			bug_highmem_32(71, c);	/* vaddr < PAGE_OFFSET */
		if (above_high_memory(vaddr))
			bug_highmem_32(72, c);	/* vaddr >= high_memory */
	}

	pagefault_enable_2_6(c);
}

void __kshim_kunmap_atomic(void *kvaddr, int type, unsigned int version,
			   const struct kshim_site *site)
{
	struct km_call c = {
		version, site, (unsigned long)__builtin_return_address(0)
	};

	check_type(type, &c);
	kunmap_atomic(kvaddr, type, &c);
}

struct page *kmap_atomic_to_page(void *ptr)
{
	unsigned long vaddr = (unsigned long)ptr;
	int idx = kshim_kmap_slot_index(vaddr);

	if (idx < 0)
		return virt_to_page(ptr);
	return kshim_kmap_slot_page(idx);
}
