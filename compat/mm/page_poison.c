// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/page_poison.c - freed pages are poisoned and checked when they
 * are handed out again.
 *
 * Follows mm/page_poison.c (CONFIG_PAGE_POISONING, page_poison=1) of
 * 5.11+: every page freed to the buddy allocator is filled with
 * PAGE_POISON (0xaa); when it is allocated again the pattern must still
 * be there, else "pagealloc: memory corruption" (or "single bit error"
 * for one flipped bit), a hex dump of the damaged bytes, the stack and
 * dump_page(), rate limited to 10 reports per 5 s as the kernel does.  A
 * use after free becomes a report at the next allocation of the frame,
 * naming its pfn and the allocation's file:line.  KSHIM_PAGE_POISON=0 is
 * page_poison=off (on by default): filling and checking 4 KiB costs
 * about three times a malloc()+free() pair on its own, which the
 * allocator's speed target (bench/) can only meet without it.  The fill and the check go through kshim's backdoor
 * view of RAM, so they work for highmem frames and for direct-map ranges
 * that DEBUG_PAGEALLOC made inaccessible.
 *
 * Like KASAN and DEBUG_PAGEALLOC in the kernel, the host's checkers see
 * free lowmem pages too (arch/poison.c): an ASan build poisons their
 * direct-map range instead of using the pattern (ASan reports the bad
 * access itself, where it happens), Valgrind's memcheck gets them marked
 * no-access, and KSHIM_DEBUG_PAGEALLOC=1 plays debug_pagealloc=on:
 * freed lowmem is made inaccessible in the direct map
 * (__kernel_map_pages(page, n, 0)), so any access faults at once.
 *
 * With KSHIM_DEBUG_PAGEALLOC=1 an access to a freed lowmem page is the
 * kernel's oops ("BUG: unable to handle page fault for address: ...",
 * "Oops: 0002 [#1] PREEMPT SMP DEBUG_PAGEALLOC NOPTI"), and where the
 * kernel walks its page tables kshim names the page's pfn and the line
 * that freed it (compat/arch/fault.c asks kshim_debug_pagealloc_*()).
 *
 * Beyond the kernel: a write to a freed page that is never allocated
 * again would go unnoticed, so at the end of each test the pages freed
 * during it that still wait in the allocator are checked too (the same
 * "pagealloc: memory corruption" report, at the line that freed the page,
 * with a kshim line saying so).
 *
 * Frames never freed in this boot hold zeroes (fresh memory), not the
 * pattern: a per-pfn byte says which frames were poisoned (and in which
 * test: a generation number), so that only those are checked.  The kernel poisons all memory at boot instead;
 * here boot must not touch memory, so the table is sparse and first
 * touched by the first free.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <linux/mm.h>
#include <linux/printk.h>

#include "kshim/internal.h"
#include "arch/fault.h"
#include "arch/physmem.h"
#include "arch/poison.h"
#include "mm/internal.h"

#define PAGE_POISON	0xaa		/* include/linux/poison.h */

/* ---- the pattern ---- */

/*
 * The check XORs the page with the pattern and ORs the results together
 * in 32-byte vectors: gcc -O2 does not vectorize the plain word loop, and
 * on x86_64 an AVX2 copy, chosen once at run time, halves the SSE2 cost.
 * (Not an ifunc: a resolver runs before the sanitizers' runtimes start.)
 */
#define POISON_WORD	(0x0101010101010101UL * PAGE_POISON)

typedef unsigned long poison_vec
	__attribute__((__vector_size__(32), __may_alias__));

static __always_inline bool __page_intact(const void *mem)
{
	const poison_vec *v = mem;
	const poison_vec pat = {
		POISON_WORD, POISON_WORD, POISON_WORD, POISON_WORD,
	};
	poison_vec a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };
	unsigned long i;

	for (i = 0; i < PAGE_SIZE / sizeof(*v); i += 4) {
		a |= v[i] ^ pat;
		b |= v[i + 1] ^ pat;
		c |= v[i + 2] ^ pat;
		d |= v[i + 3] ^ pat;
	}
	a |= b | c | d;
	return !(a[0] | a[1] | a[2] | a[3]);
}

static bool page_intact_generic(const void *mem)
{
	return __page_intact(mem);
}

#ifdef __x86_64__
static __attribute__((__target__("avx2")))
bool page_intact_avx2(const void *mem)
{
	return __page_intact(mem);
}

static bool have_avx2;		/* set before the table is published */

static void pick_page_intact(void)
{
	__builtin_cpu_init();
	have_avx2 = __builtin_cpu_supports("avx2");
}

/* True when the page at @mem holds nothing but PAGE_POISON. */
static inline bool page_intact(const void *mem)
{
	return have_avx2 ? page_intact_avx2(mem) : page_intact_generic(mem);
}
#else
static void pick_page_intact(void)
{
}

static inline bool page_intact(const void *mem)
{
	return page_intact_generic(mem);
}
#endif

/* ---- which frames hold the pattern ---- */

/*
 * One byte per pfn, non-zero while the frame is free and filled with
 * PAGE_POISON.  A byte is written by the task freeing the frame and read
 * by the task allocating it, which the zone lock or the per-CPU list's
 * lock orders: no atomics.
 */
static unsigned char *poisoned;
static size_t poisoned_len;
/* The generation freed pages are marked with: a new one per test. */
static unsigned char poison_gen = 1;
/* Range of pfns poisoned in this test (relaxed: only bounds a scan). */
static unsigned long freed_lo = ~0UL, freed_hi;

/* Where each free frame was freed: DEBUG_PAGEALLOC's oops, the end check. */
struct free_site {
	const char *file;
	const char *func;
	int line;
};
static struct free_site *free_sites;
static size_t free_sites_len;

bool kshim_page_poison_hooks;
bool kshim_init_on_alloc_enabled, kshim_init_on_free_enabled;

/*
 * init_mem_debugging_and_hardening(): poisoning wins over init_on_alloc
 * and init_on_free, with the kernel's boot message.
 */
static void init_mem_auto_init(void)
{
	bool alloc = kshim_config.init_on_alloc;
	bool free = kshim_config.init_on_free;

	if ((alloc || free) && kshim_config.page_poison) {
		pr_info("mem auto-init: CONFIG_PAGE_POISONING is on, will take precedence over init_on_alloc and init_on_free\n");
		alloc = free = false;
	}
	kshim_init_on_alloc_enabled = alloc;
	kshim_init_on_free_enabled = free;
}

/* Each boot brings fresh, zeroed RAM: the table starts empty with it. */
void kshim_page_poison_init(void)
{
	init_mem_auto_init();
	pick_page_intact();
	poisoned_len = max_pfn;
	poisoned = arch_alloc_sparse(poisoned_len);
	free_sites_len = max_pfn * sizeof(*free_sites);
	free_sites = arch_alloc_sparse(free_sites_len);
	freed_lo = ~0UL;
	freed_hi = 0;
	/* Nothing to do at all: the allocator skips the calls. */
	kshim_page_poison_hooks = kshim_config.page_poison ||
				  kshim_config.debug_pagealloc ||
				  arch_poison_watched();
}

void kshim_page_poison_exit(void)
{
	arch_release(poisoned, poisoned_len);
	poisoned = NULL;
	arch_release(free_sites, free_sites_len);
	free_sites = NULL;
}

static inline unsigned char *poison_table(void)
{
	return poisoned;
}

/* ---- the report ---- */

/* The kernel's DEFINE_RATELIMIT_STATE(ratelimit, 5 * HZ, 10). */
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;
static long long report_begin_ns;
static int report_printed, report_missed;

/* Each test starts with the rate limit unused. */
void kshim_page_poison_test_begin(void)
{
	pthread_mutex_lock(&report_lock);
	report_begin_ns = 0;
	report_printed = report_missed = 0;
	pthread_mutex_unlock(&report_lock);
	poison_gen = poison_gen == 255 ? 1 : poison_gen + 1;
	__atomic_store_n(&freed_lo, ~0UL, __ATOMIC_RELAXED);
	__atomic_store_n(&freed_hi, 0UL, __ATOMIC_RELAXED);
}

static bool report_allowed(void)
{
	struct timespec ts;
	long long now;
	bool ok;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = ts.tv_sec * 1000000000LL + ts.tv_nsec;
	pthread_mutex_lock(&report_lock);
	if (!report_begin_ns || now - report_begin_ns >= 5000000000LL) {
		if (report_missed)
			pr_warn("check_poison_mem: %d callbacks suppressed\n",
				report_missed);
		report_begin_ns = now;
		report_printed = report_missed = 0;
	}
	ok = report_printed < 10;
	if (ok)
		report_printed++;
	else
		report_missed++;
	pthread_mutex_unlock(&report_lock);
	return ok;
}

static bool single_bit_flip(unsigned char a, unsigned char b)
{
	unsigned char error = a ^ b;

	return error && !(error & (error - 1));
}

/*
 * print_hex_dump(KERN_ERR, "", DUMP_PREFIX_ADDRESS, 16, 1, ...) of
 * @mem[@start..@end].  Addresses are the driver's: the direct-map address
 * of a lowmem page, the physical address of a highmem one (it has no
 * address until it is kmapped).
 */
static void hex_dump(unsigned long base, const unsigned char *mem,
		     size_t start, size_t end)
{
	size_t off, i;

	for (off = start; off <= end; off += 16) {
		size_t n = end - off + 1 < 16 ? end - off + 1 : 16;
		char line[16 * 3 + 2 + 16 + 1];
		int lx = 0;

		for (i = 0; i < n; i++)
			lx += sprintf(line + lx, i ? " %02x" : "%02x",
				      mem[off + i]);
		while (lx < 16 * 3 + 1)
			line[lx++] = ' ';
		for (i = 0; i < n; i++) {
			unsigned char ch = mem[off + i];

			line[lx++] = ch >= 0x20 && ch < 0x7f ? ch : '.';
		}
		line[lx] = '\0';
		pr_err("%016lx: %s\n", base + off, line);
	}
}

/*
 * check_poison_mem(): report damage to the pattern in one page, naming
 * the allocation that found it (@file:@line in @func).
 */
static void check_page(struct page *page, const unsigned char *mem,
		       const char *file, int line, const char *func,
		       bool at_end)
{
	size_t start, end;
	unsigned long base;

	if (likely(page_intact(mem)))
		return;
	for (start = 0; mem[start] == PAGE_POISON; start++)
		;
	for (end = PAGE_SIZE - 1; end > start && mem[end] == PAGE_POISON;
	     end--)
		;
	if (!report_allowed())
		return;
	base = PageHighMem(page) ? page_to_pfn(page) << PAGE_SHIFT :
				   (unsigned long)page_address(page);

	kshim_report_begin(KSHIM_REPORT_MEMORY_CORRUPTION, file, line, func);
	if (start == end && single_bit_flip(mem[start], PAGE_POISON))
		pr_err("pagealloc: single bit error\n");
	else
		pr_err("pagealloc: memory corruption\n");
	hex_dump(base, mem, start, end);
	if (at_end)
		pr_err("kshim: page pfn:%#lx was written after it was freed at %s:%d (%s) and was not allocated again; found at the end of the test (a kshim check: the kernel finds this only when the page is allocated again)\n",
		       page_to_pfn(page), file, line, func);
	dump_stack();
	dump_page(page, "pagealloc: corrupted page details");
	kshim_report_end();
}

/* ---- the allocator's hooks ---- */

/*
 * KSHIM_PAGE_POISON=0 plays page_poison=off: no pattern at all.  Lowmem
 * under ASan: the sanitizer's shadow replaces the pattern.
 */
static inline bool uses_pattern(bool highmem)
{
	return kshim_config.page_poison &&
	       (highmem || !arch_poison_by_sanitizer());
}

/* The lowmem part of frames [@pfn, @pfn + @nr) in the direct map, or 0. */
static size_t lowmem_part(unsigned long pfn, unsigned long nr, void **va)
{
	if (pfn >= highstart_pfn)
		return 0;
	*va = __va(pfn << PAGE_SHIFT);
	return (min(pfn + nr, highstart_pfn) - pfn) << PAGE_SHIFT;
}

void kshim_page_poison_fresh(unsigned long pfn, unsigned long nr)
{
	void *va;
	size_t len = lowmem_part(pfn, nr, &va);

	if (len && arch_poison_by_sanitizer())
		arch_poison_free(va, len);
}

void kshim_page_poison_forget(unsigned long pfn, unsigned long nr)
{
	void *va;
	size_t len = lowmem_part(pfn, nr, &va);

	if (len)
		arch_poison_forget(va, len);
}

static void note_freed_range(unsigned long pfn, unsigned long nr)
{
	unsigned long lo = __atomic_load_n(&freed_lo, __ATOMIC_RELAXED);
	unsigned long hi = __atomic_load_n(&freed_hi, __ATOMIC_RELAXED);

	while (pfn < lo &&
	       !__atomic_compare_exchange_n(&freed_lo, &lo, pfn, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	while (pfn + nr > hi &&
	       !__atomic_compare_exchange_n(&freed_hi, &hi, pfn + nr, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

void __kshim_page_free_poison(struct page *page, unsigned int order,
			      const char *file, int line, const char *func)
{
	unsigned long pfn = page_to_pfn(page), nr = 1UL << order, i;
	bool highmem = PageHighMem(page);

	for (i = 0; i < nr; i++) {
		free_sites[pfn + i].file = file;
		free_sites[pfn + i].func = func;
		free_sites[pfn + i].line = line;
	}
	if (uses_pattern(highmem)) {
		unsigned char *map = poison_table();

		/* A block never spans nodes: contiguous in the backdoor. */
		memset(kshim_pfn_backdoor(pfn), PAGE_POISON, nr << PAGE_SHIFT);
		memset(map + pfn, poison_gen, nr);
		note_freed_range(pfn, nr);
	}
	if (!highmem) {
		void *va = page_address(page);

		/*
		 * DEBUG_PAGEALLOC: unmapped, so any access is the kernel's
		 * oops in every build (ASan and memcheck leave it to the
		 * fault); otherwise the checkers watch the range.
		 */
		if (kshim_config.debug_pagealloc)
			arch_ram_protect(va, nr << PAGE_SHIFT, false);
		else
			arch_poison_free(va, nr << PAGE_SHIFT);
	}
}

void __kshim_page_alloc_poison_check(struct page *page, unsigned int order,
				     const char *file, int line,
				     const char *func)
{
	unsigned long pfn = page_to_pfn(page), nr = 1UL << order, i;
	bool highmem = PageHighMem(page);

	if (uses_pattern(highmem)) {
		unsigned char *map = poison_table();
		const unsigned char *mem = kshim_pfn_backdoor(pfn);

		for (i = 0; i < nr; i++, mem += PAGE_SIZE) {
			if (!map[pfn + i])
				continue;	/* never freed: fresh zeroes */
			/* Checked once: the next free poisons it again. */
			map[pfn + i] = 0;
			check_page(page + i, mem, file, line, func, false);
		}
	}
	if (!highmem) {
		void *va = page_address(page);

		if (kshim_config.debug_pagealloc)
			arch_ram_protect(va, nr << PAGE_SHIFT, true);
		arch_poison_alloc(va, nr << PAGE_SHIFT);
	}
}

/*
 * Test end: pages freed during the test and still free must still hold
 * the pattern (beyond the kernel, which checks only at allocation).
 */
void kshim_page_poison_test_end(void)
{
	unsigned long lo = __atomic_load_n(&freed_lo, __ATOMIC_RELAXED);
	unsigned long hi = __atomic_load_n(&freed_hi, __ATOMIC_RELAXED);
	unsigned char *map = poison_table();
	unsigned long pfn;

	if (!map || !kshim_config.page_poison || hi > poisoned_len)
		return;
	/* Pages on other CPUs' lists are free too: in the table already. */
	for (pfn = lo; pfn < hi; pfn++) {
		struct free_site *fs = &free_sites[pfn];

		if (map[pfn] != poison_gen)
			continue;
		check_page(pfn_to_page(pfn), kshim_pfn_backdoor(pfn),
			   fs->file ? fs->file : "?", fs->line,
			   fs->func ? fs->func : "?", true);
	}
}

/* ---- KSHIM_DEBUG_PAGEALLOC=1: the oops at a freed lowmem page ---- */

bool kshim_debug_pagealloc_owns(unsigned long addr)
{
	return kshim_config.debug_pagealloc && page_offset_base &&
	       addr >= PAGE_OFFSET &&
	       addr - PAGE_OFFSET < (highstart_pfn << PAGE_SHIFT);
}

bool kshim_debug_pagealloc_explain(unsigned long addr)
{
	unsigned long pfn;
	const struct free_site *fs;

	if (!kshim_debug_pagealloc_owns(addr))
		return false;
	pfn = (addr - PAGE_OFFSET) >> PAGE_SHIFT;
	if (!pfn_valid(pfn)) {
		pr_alert("kshim: %#lx is in the direct map where there is no RAM (pfn %#lx)\n",
			 addr, pfn);
		return true;
	}
	fs = free_sites ? &free_sites[pfn] : NULL;
	pr_alert("kshim: %#lx is in page pfn:%#lx, free: DEBUG_PAGEALLOC unmapped it from the direct map when it was freed\n",
		 addr, pfn);
	if (fs && fs->file)
		pr_alert("kshim: the page was freed at %s:%d (%s)\n", fs->file,
			 fs->line, fs->func ? fs->func : "?");
	return true;
}
