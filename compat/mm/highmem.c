// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/highmem.c - kmap windows: the atomic slots, the pkmap area
 * (kmap()/kunmap()) and the 6.x kmap_local stack.
 *
 * Reproduces mm/highmem.c of 6.8 with CONFIG_HIGHMEM, CONFIG_DEBUG_HIGHMEM
 * and CONFIG_DEBUG_KMAP_LOCAL on a 64-bit host, on the windows of
 * highmem_windows.c (real aliases of the frames: an access after the
 * unmap faults, and the oops names the frame and where the window was
 * last mapped and unmapped):
 *  - kmap_high()/kunmap_high() keep pkmap_count[] as the kernel does, but
 *    a slot whose last user leaves is flushed at once (the kernel waits
 *    for the next flush_all_zero_pkmaps()), so a stale kmap() pointer
 *    faults at its first use instead of whenever the area wraps;
 *  - all slots busy: kmap() sleeps until a kunmap() frees one.  When every
 *    slot is held by tasks that are themselves waiting in kmap() (or
 *    gone), nothing can ever free one: kshim reports a deadlock (its own
 *    report, the kernel would hang) and ends the task.
 * The ledger checks at each test's end that no kmap(), kmap_local or
 * kmap_atomic mapping is left, naming the file:line that made it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/highmem.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"
#include "arch/fault.h"
#include "arch/kmap_window.h"
#include "mm/internal.h"

bool kshim_kmap_force_map;		/* KSHIM_KMAP_FORCE_MAP */
unsigned long kshim_lowmem_size;	/* the direct map's RAM, in bytes */

/* ---- reports ---- */

static __attribute__((__noreturn__)) void
highmem_bug(const struct kshim_site *site)
{
	__kshim_bug(site->file, site->line, site->func, site->mod);
}

/* WARN_ON_ONCE() of mm/highmem.c: once per boot, at the caller's line. */
static void highmem_warn_once(bool *done, const struct kshim_site *site)
{
	if (!__atomic_exchange_n(done, true, __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
}

/* ---- kmap(): the pkmap area (mm/highmem.c kmap_high()/kunmap_high()) ---- */

enum { PKMAP_RUNNING, PKMAP_WAITING, PKMAP_GONE };	/* ->kshim_pkmap_state */

/* One kmap() user of a pkmap slot: who, and where. */
struct pkmap_user {
	struct task_struct *task;
	const struct kshim_site *site;
	struct pkmap_user *next;
};

unsigned int kshim_last_pkmap = 1024;
static pthread_mutex_t kmap_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pkmap_map_wait = PTHREAD_COND_INITIALIZER;
static struct kshim_kmap_area *pkmap;
/* 0: free; 1: mapped, no user (never kept: flushed at once); n: n-1 users */
static int *pkmap_count;
static struct pkmap_user **pkmap_users;
static unsigned int last_pkmap_nr;
static long pkmap_users_total;		/* the ledger's count */
static unsigned long pkmap_frees;	/* slots freed so far */
static pthread_key_t pkmap_task_key;

static void pkmap_task_gone(void *arg)
{
	struct task_struct *t = arg;

	pthread_mutex_lock(&kmap_lock);
	t->kshim_pkmap_state = PKMAP_GONE;
	pthread_cond_broadcast(&pkmap_map_wait);
	pthread_mutex_unlock(&kmap_lock);
}

/* Records of users gone, for the next kmap() (kmap_lock held). */
static struct pkmap_user *pkmap_users_free;

static void pkmap_user_add(unsigned int nr, const struct kshim_site *site)
{
	struct pkmap_user *u = pkmap_users_free;
	struct task_struct *t = current;

	if (u)
		pkmap_users_free = u->next;
	else
		u = malloc(sizeof(*u));
	if (!u) {
		fprintf(stderr, "kshim: out of memory for a kmap() user\n");
		exit(99);
	}
	u->task = t;
	u->site = site;
	u->next = pkmap_users[nr];
	pkmap_users[nr] = u;
	pkmap_users_total++;
	/* Tell waiters when this thread ends: it frees no slot after that. */
	if (!pthread_getspecific(pkmap_task_key))
		pthread_setspecific(pkmap_task_key, t);
}

/* kunmap(): the current task's own user record goes, else the newest. */
static void pkmap_user_del(unsigned int nr)
{
	struct pkmap_user **pp, **victim = &pkmap_users[nr];
	struct pkmap_user *u;

	for (pp = &pkmap_users[nr]; *pp; pp = &(*pp)->next)
		if ((*pp)->task == current) {
			victim = pp;
			break;
		}
	u = *victim;
	if (!u)
		return;
	*victim = u->next;
	u->next = pkmap_users_free;
	pkmap_users_free = u;
	pkmap_users_total--;
}

static void pkmap_slot_free(unsigned int nr, const struct kshim_site *site)
{
	struct page *page = pkmap->win[nr].page;

	kshim_kmap_window_unmap(pkmap, nr, site);
	__atomic_store_n(&page->virtual, NULL, __ATOMIC_RELEASE);
	pkmap_count[nr] = 0;
	pkmap_frees++;
	pthread_cond_broadcast(&pkmap_map_wait);
}

/* Can any task holding a slot still kunmap() it? */
static bool pkmap_can_progress(void)
{
	const struct pkmap_user *u;
	unsigned int i;

	for (i = 0; i < pkmap->nr; i++)
		for (u = pkmap_users[i]; u; u = u->next)
			if (u->task->kshim_pkmap_state == PKMAP_RUNNING)
				return true;
	return false;
}

static __attribute__((__noreturn__)) void
pkmap_deadlock(const struct kshim_site *site)
{
	struct task_struct *t = current;
	unsigned int i, shown = 0;

	kshim_report_begin(KSHIM_REPORT_KMAP_DEADLOCK, site->file, site->line,
			   site->func);
	printk(KERN_ERR "kshim: kmap() deadlock (a kshim report: the kernel would hang here)\n");
	printk(KERN_ERR "kshim: %s/%d waits in kmap() at %s:%d for a free pkmap slot, and every one of the %u (LAST_PKMAP) is held by a task that waits in kmap() too or has exited\n",
	       t->comm, t->pid, site->file, site->line, pkmap->nr);
	for (i = 0; i < pkmap->nr; i++) {
		const struct pkmap_user *u;

		for (u = pkmap_users[i]; u && shown < 8; u = u->next, shown++)
			printk(KERN_ERR "kshim: pkmap slot %u: pfn:%#lx kmap()ed at %s:%d (%s) by %s/%d\n",
			       i, pkmap->win[i].pfn, u->site->file,
			       u->site->line, kshim_site_func(u->site),
			       u->task->comm, u->task->pid);
	}
	if (pkmap_users_total > (long)shown)
		printk(KERN_ERR "kshim: ... and %ld more kmap() users\n",
		       pkmap_users_total - shown);
	dump_stack();
	t->kshim_pkmap_state = PKMAP_RUNNING;
	pthread_mutex_unlock(&kmap_lock);
	kshim_report_end();
	kshim_task_die();
}

/*
 * ASan builds keep an unmapped slot's frame (arch_kmap_windows_kept()):
 * a kmap() of the page a free slot still shows takes that slot, without
 * a system call.  The last slot of each page, by pfn modulo the size.
 */
static unsigned int pkmap_hint[64];	/* slot + 1, 0: none */

static bool pkmap_kept_slot(const struct page *page, unsigned int *nr)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned int h = pkmap_hint[pfn % ARRAY_SIZE(pkmap_hint)];

	if (!h || h > pkmap->nr || pkmap_count[h - 1] ||
	    !pkmap->win[h - 1].kept || pkmap->win[h - 1].pfn != pfn)
		return false;
	*nr = h - 1;
	return true;
}

/* A free slot for @page, sleeping until there is one (kmap_lock held). */
static void *map_new_virtual(struct page *page, const struct kshim_site *site)
{
	struct task_struct *t = current;
	unsigned long seen = 0;
	struct timespec deadline;
	bool suspect = false;
	unsigned int count;

	for (;;) {
		void *vaddr;

		if (pkmap_kept_slot(page, &last_pkmap_nr)) {
			count = 1;
			goto found;
		}
		for (count = pkmap->nr; count > 0; count--) {
			last_pkmap_nr = (last_pkmap_nr + 1) % pkmap->nr;
			if (!pkmap_count[last_pkmap_nr])
				break;
		}
found:
		if (count) {
			pkmap_hint[page_to_pfn(page) % ARRAY_SIZE(pkmap_hint)] =
				last_pkmap_nr + 1;
			kshim_kmap_window_map(pkmap, last_pkmap_nr, page, site);
			vaddr = kshim_kmap_window_va(pkmap, last_pkmap_nr);
			pkmap_count[last_pkmap_nr] = 1;
			__atomic_store_n(&page->virtual, vaddr,
					 __ATOMIC_RELEASE);
			return vaddr;
		}

		/* All busy: sleep until a kunmap() frees a slot. */
		t->kshim_pkmap_state = PKMAP_WAITING;
		kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
		if (pkmap_can_progress()) {
			suspect = false;
			pthread_cond_wait(&pkmap_map_wait, &kmap_lock);
		} else {
			/*
			 * Every holder waits here too (or is gone): only a
			 * kunmap() from a task that holds nothing could
			 * still come.  Give it the lockup time.
			 */
			if (!suspect || seen != pkmap_frees) {
				suspect = true;
				seen = pkmap_frees;
				kshim_deadline_ms(&deadline,
						  kshim_spin_lockup_ms());
			}
			if (pthread_cond_timedwait(&pkmap_map_wait, &kmap_lock,
						   &deadline) == ETIMEDOUT &&
			    seen == pkmap_frees && !pkmap_can_progress()) {
				kshim_block_end();
				pkmap_deadlock(site);
			}
		}
		kshim_block_end();
		t->kshim_pkmap_state = PKMAP_RUNNING;

		/* Somebody else might have mapped it while we slept. */
		vaddr = page->virtual;
		if (vaddr)
			return vaddr;
	}
}

static void *kmap_high(struct page *page, const struct kshim_site *site)
{
	void *vaddr;
	int nr;

	pthread_mutex_lock(&kmap_lock);
	vaddr = page->virtual;
	if (!vaddr)
		vaddr = map_new_virtual(page, site);
	nr = kshim_kmap_window_index(pkmap, (unsigned long)vaddr);
	pkmap_count[nr]++;
	pkmap_user_add(nr, site);
	pthread_mutex_unlock(&kmap_lock);
	return vaddr;
}

static void kunmap_high(struct page *page, const struct kshim_site *site)
{
	void *vaddr;
	int nr;

	pthread_mutex_lock(&kmap_lock);
	vaddr = page->virtual;
	if (!vaddr) {			/* BUG_ON(!vaddr): not kmapped */
		pthread_mutex_unlock(&kmap_lock);
		highmem_bug(site);
	}
	nr = kshim_kmap_window_index(pkmap, (unsigned long)vaddr);
	pkmap_user_del(nr);
	switch (--pkmap_count[nr]) {
	case 0:
		pthread_mutex_unlock(&kmap_lock);
		highmem_bug(site);
	case 1:
		/* The last user: flushed now (the kernel waits for a wrap). */
		pkmap_slot_free(nr, site);
		break;
	}
	pthread_mutex_unlock(&kmap_lock);
}

void *__kshim_kmap(struct page *page, const struct kshim_site *site)
{
	__might_sleep(site->file, site->line);
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high(page, site);
}

void __kshim_kunmap(struct page *page, unsigned int version,
		    const struct kshim_site *site)
{
	if (version >= KERNEL_VERSION(5, 11, 0))
		__might_sleep(site->file, site->line);
	else if (in_interrupt())
		highmem_bug(site);
	if (!PageHighMem(page))
		return;
	kunmap_high(page, site);
}

/* Slots are flushed when their last user leaves: none is left to flush. */
void __kshim_kmap_flush_unused(void)
{
	unsigned int i;

	pthread_mutex_lock(&kmap_lock);
	for (i = 0; pkmap && i < pkmap->nr; i++)
		if (pkmap_count[i] == 1)
			pkmap_slot_free(i, NULL);
	pthread_mutex_unlock(&kmap_lock);
}

void __kshim_set_page_address(struct page *page, void *virtual,
			      const struct kshim_site *site)
{
	if (!PageHighMem(page))
		highmem_bug(site);
	__atomic_store_n(&page->virtual, virtual, __ATOMIC_RELEASE);
}

/* ---- kmap_local_page() and the stack kmap_atomic() (6.x) ---- */

#define KM_INCR	2	/* CONFIG_DEBUG_KMAP_LOCAL: a guard after each slot */

static bool warned_push_in_irq, warned_unmap_order, warned_unmap_foreign;
static bool warned_to_page_pkmap, warned_to_page_local;

void *__kshim_kmap_local_page_prot(struct page *page,
				   const struct kshim_site *site)
{
	struct task_struct *t = current;
	struct kshim_kmap_area *a = kshim_kmap_task_slots();
	int idx;

	/* kmap_local_idx_push() */
	if (in_hardirq() && !irqs_disabled())
		highmem_warn_once(&warned_push_in_irq, site);
	t->kmap_ctrl.idx += KM_INCR;
	if (t->kmap_ctrl.idx >= KM_MAX_IDX)
		highmem_bug(site);
	idx = t->kmap_ctrl.idx / KM_INCR - 1;
	if (a->win[idx].page)		/* BUG_ON(!pte_none(...)) */
		highmem_bug(site);
	kshim_kmap_window_map(a, idx, page, site);
	return kshim_kmap_window_va(a, idx);
}

/* @addr is in a window of another task's kmap_local/kmap_atomic slots. */
static bool in_other_task_slots(unsigned long addr)
{
	const struct kshim_kmap_area *a;

	a = __atomic_load_n(&kshim_kmap_areas, __ATOMIC_ACQUIRE);
	for (; a; a = a->next)
		if (a->task && a->task != current &&
		    kshim_kmap_window_index(a, addr) >= 0)
			return true;
	return false;
}

void __kshim_kunmap_local_indexed(const void *vaddr,
				  const struct kshim_site *site)
{
	struct task_struct *t = current;
	struct kshim_kmap_area *a = t->kshim_kmap_slots;
	unsigned long addr = (unsigned long)vaddr & PAGE_MASK;
	int slot = a ? kshim_kmap_window_index(a, addr) : -1;
	int top;

	if (slot < 0 && in_other_task_slots(addr)) {
		/*
		 * Another task's kmap_local window: in the kernel an address
		 * of the FIX_KMAP range all tasks share.  It is not this
		 * task's top of stack, so 6.8 WARN_ON_ONCE()s, clears this
		 * task's own top slot, and BUG()s in kmap_local_idx_pop()
		 * if this task had nothing mapped.  The other task's window
		 * stays mapped.
		 */
		slot = -2;
	} else if (slot < 0) {
		/*
		 * Not a kmap_local address.  With FORCE_MAP that cannot
		 * be right; otherwise the kernel warns for user addresses
		 * (below PAGE_OFFSET).
		 */
		if (kshim_kmap_force_map || addr < KSHIM_USER_ADDR_END)
			highmem_warn_once(&warned_unmap_foreign, site);
		return;
	}
	if (!a)
		a = kshim_kmap_task_slots();
	top = t->kmap_ctrl.idx / KM_INCR - 1;
	if (slot != top)
		highmem_warn_once(&warned_unmap_order, site);
	if (top >= 0)
		kshim_kmap_window_unmap(a, top, site);
	/* kmap_local_idx_pop() */
	t->kmap_ctrl.idx -= KM_INCR;
	if (t->kmap_ctrl.idx < 0)
		highmem_bug(site);
}

struct page *__kshim_kmap_to_page(void *vaddr, const struct kshim_site *site)
{
	unsigned long addr = (unsigned long)vaddr;
	const struct kshim_kmap_area *a = current->kshim_kmap_slots;
	int idx;

	idx = pkmap ? kshim_kmap_window_index(pkmap, addr) : -1;
	if (idx >= 0) {
		highmem_warn_once(&warned_to_page_pkmap, site);
		return pkmap->win[idx].page;
	}
	idx = a ? kshim_kmap_window_index(a, addr) : -1;
	if (idx >= 0) {
		highmem_warn_once(&warned_to_page_local, site);
		if (a->win[idx].page)
			return a->win[idx].page;
	}
	return virt_to_page(vaddr);
}

/* mm/highmem.c of 6.8 (CONFIG_HIGHMEM): a compound page, page by page. */
void __kshim_zero_user_segments(struct page *page, unsigned int start1,
				unsigned int end1, unsigned int start2,
				unsigned int end2,
				const struct kshim_site *site)
{
	unsigned long i;

	if (end1 > page_size(page) || end2 > page_size(page))
		highmem_bug(site);
	if (start1 >= end1)
		start1 = end1 = 0;
	if (start2 >= end2)
		start2 = end2 = 0;

	for (i = 0; i < compound_nr(page); i++) {
		char *kaddr = NULL;

		if (start1 >= PAGE_SIZE) {
			start1 -= PAGE_SIZE;
			end1 -= PAGE_SIZE;
		} else {
			unsigned int this_end = min_t(unsigned int, end1,
						      PAGE_SIZE);

			if (end1 > start1) {
				kaddr = __kshim_kmap_local_page(page + i, site);
				memset(kaddr + start1, 0, this_end - start1);
			}
			end1 -= this_end;
			start1 = 0;
		}
		if (start2 >= PAGE_SIZE) {
			start2 -= PAGE_SIZE;
			end2 -= PAGE_SIZE;
		} else {
			unsigned int this_end = min_t(unsigned int, end2,
						      PAGE_SIZE);

			if (end2 > start2) {
				if (!kaddr)
					kaddr = __kshim_kmap_local_page(page + i,
									site);
				memset(kaddr + start2, 0, this_end - start2);
			}
			end2 -= this_end;
			start2 = 0;
		}
		if (kaddr) {
			__kshim_kunmap_local(kaddr, site);
			flush_dcache_page(page + i);
		}
		if (!end1 && !end2)
			break;
	}
	if ((start1 | start2 | end1 | end2) != 0)
		highmem_bug(site);
}

/* ---- the ledger: no mapping may outlive its test ---- */

static long ledger_pkmap(void *arg)
{
	long n;

	pthread_mutex_lock(&kmap_lock);
	n = pkmap_users_total;
	pthread_mutex_unlock(&kmap_lock);
	return n;
}

static void explain_pkmap(void *arg)
{
	unsigned int i;

	pthread_mutex_lock(&kmap_lock);
	for (i = 0; pkmap && i < pkmap->nr; i++) {
		const struct pkmap_user *u;

		for (u = pkmap_users[i]; u; u = u->next)
			printk(KERN_ERR "kshim: page pfn:%#lx kmap()ed at %s:%d (%s) by %s/%d, never kunmap()ed\n",
			       pkmap->win[i].pfn, u->site->file, u->site->line,
			       kshim_site_func(u->site), u->task->comm,
			       u->task->pid);
	}
	pthread_mutex_unlock(&kmap_lock);
}

long kshim_kmap_local_mapped(const struct task_struct *t)
{
	const struct kshim_kmap_area *a = t->kshim_kmap_slots;
	unsigned int i;
	long n = 0;

	for (i = 0; a && i < a->nr; i++)
		n += !!a->win[i].page;
	return n;
}

const struct kshim_site *kshim_kmap_local_explain(const struct task_struct *t,
						  int from)
{
	const struct kshim_kmap_area *a = t->kshim_kmap_slots;
	const struct kshim_site *first = NULL;
	unsigned int i;

	for (i = from > 0 ? from : 0; a && i < a->nr; i++) {
		const struct kshim_kmap_window *w = &a->win[i];

		if (!w->page)
			continue;
		printk(KERN_ERR "kshim: atomic kmap slot %u of %s/%d: page pfn:%#lx mapped at %s:%d (%s), never unmapped\n",
		       i, t->comm, t->pid, w->pfn,
		       w->map_site ? w->map_site->file : "?",
		       w->map_site ? w->map_site->line : 0,
		       kshim_site_func(w->map_site));
		if (!first)
			first = w->map_site;
	}
	return first;
}

/* __kmap_local_sched_out() as the task leaves for good. */
void kshim_kmap_local_task_exit(struct task_struct *t)
{
	struct kshim_kmap_area *a = t->kshim_kmap_slots;
	unsigned int i;

	for (i = 0; a && i < a->nr; i++)
		kshim_kmap_window_unmap(a, i, NULL);
}

/*
 * Every task's windows: the test's, the threads it started and the CPUs'
 * idle tasks (a handler's kmap_atomic() maps in the task it interrupts).
 */
static long ledger_slots(void *arg)
{
	const struct kshim_kmap_area *a;
	long n = 0;

	a = __atomic_load_n(&kshim_kmap_areas, __ATOMIC_ACQUIRE);
	for (; a; a = a->next)
		if (a->task && a->task->kshim_kmap_slots == a)
			n += kshim_kmap_local_mapped(a->task);
	return n;
}

static void explain_slots(void *arg)
{
	const struct kshim_kmap_area *a;

	a = __atomic_load_n(&kshim_kmap_areas, __ATOMIC_ACQUIRE);
	for (; a; a = a->next)
		if (a->task && a->task->kshim_kmap_slots == a)
			kshim_kmap_local_explain(a->task, 0);
}

/* ---- settings, boot and tests ---- */

int kshim_parse_last_pkmap(const char *val, struct kshim_config *c)
{
	unsigned int v;

	if (kshim_parse_uint(val, 65536, &v) || !v || (v & (v - 1)))
		return -EINVAL;
	c->last_pkmap = v;
	return 0;
}

const char *kshim_show_last_pkmap(const struct kshim_config *c, char *buf,
				  size_t len)
{
	snprintf(buf, len, "%u", c->last_pkmap);
	return buf;
}

int kshim_parse_kmap_force_map(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->kmap_force_map);
}

const char *kshim_show_kmap_force_map(const struct kshim_config *c,
				      char *buf, size_t len)
{
	return c->kmap_force_map ? "1" : "0";
}

/* Every window unmapped, every count and user gone, no page kmapped. */
static void highmem_reset(void)
{
	struct kshim_kmap_area *a;
	unsigned int i;

	pthread_mutex_lock(&kmap_lock);
	for (a = kshim_kmap_areas; a; a = a->next)
		for (i = 0; i < a->nr; i++) {
			struct page *page = a->win[i].page;

			if (!page)
				continue;
			if (a == pkmap)
				page->virtual = NULL;
			kshim_kmap_window_unmap(a, i, NULL);
		}
	for (i = 0; pkmap && i < pkmap->nr; i++) {
		while (pkmap_users[i]) {
			struct pkmap_user *u = pkmap_users[i];

			pkmap_users[i] = u->next;
			free(u);
		}
		pkmap_count[i] = 0;
	}
	pkmap_users_total = 0;
	last_pkmap_nr = 0;
	kshim_kmap_windows_forget_kept();
	memset(pkmap_hint, 0, sizeof(pkmap_hint));
	current->kmap_ctrl.idx = 0;
	current->kshim_pkmap_state = PKMAP_RUNNING;
	pthread_mutex_unlock(&kmap_lock);
}

void kshim_highmem_init(void)
{
	static bool registered;
	unsigned int nr = kshim_config.last_pkmap;

	kshim_kmap_force_map = kshim_config.kmap_force_map;
	kshim_lowmem_size = highstart_pfn << PAGE_SHIFT;
	if (!pkmap || pkmap->nr != nr) {
		/* An old area stays reserved (and known to the handler). */
		pkmap = kshim_kmap_area_new("pkmap slot", nr, NULL);
		free(pkmap_count);
		free(pkmap_users);
		pkmap_count = calloc(nr, sizeof(*pkmap_count));
		pkmap_users = calloc(nr, sizeof(*pkmap_users));
		if (!pkmap_count || !pkmap_users) {
			fprintf(stderr, "kshim: out of memory for %u pkmap slots\n",
				nr);
			exit(99);
		}
	}
	kshim_last_pkmap = nr;
	arch_kmap_hole_for_fault(__va(highstart_pfn << PAGE_SHIFT),
				 (max_pfn - highstart_pfn) << PAGE_SHIFT);
	arch_fault_init();
	if (registered)
		return;
	registered = true;
	pthread_key_create(&pkmap_task_key, pkmap_task_gone);
	kshim_ledger_add("kmap() users (pkmap_count)", ledger_pkmap,
			 explain_pkmap, NULL);
	kshim_ledger_add("kmap_local/kmap_atomic windows mapped", ledger_slots,
			 explain_slots, NULL);
}

void kshim_highmem_exit(void)
{
	highmem_reset();
}

void kshim_highmem_test_begin(void)
{
	highmem_reset();
}
