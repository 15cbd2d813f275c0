// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/pgtable.c - simulated user address spaces: the mm_struct and
 * its page table (compat/mm/pgtable.h).
 *
 * The kernel's mm (kernel/fork.c: mm_alloc(), mmput(), mmdrop()) owns a
 * 4-level page table; a user address is translated by the MMU.  kshim's
 * mm owns a range of host address space (compat/arch/user_range.c) that
 * is never made accessible, and a table of x86-style PTEs (frame number
 * above PAGE_SHIFT, _PAGE_* bits below) for the pages of that range:
 * uaccess, GUP and the process's own loads and stores translate through
 * it, and copy through the frame's kernel address.
 *
 * The table has two levels below the mm: one pointer per 2 MiB (the PMD
 * level) to a block of 512 PTEs.  Blocks are allocated on first install
 * and kept until the mm is freed, so a lock-free reader (the oops, a
 * PTE read before taking the lock) never sees one go.  Writers hold
 * mm->page_table_lock: kshim_pte_install/clear/update take it themselves
 * (callers must not hold it).
 *
 * Lifetime as in the kernel: mm_users counts the users of the address
 * space (mmget()/mmput(); the last mmput() unmaps every area:
 * kshim_mm_release()), mm_count the references to the structure
 * (mmgrab()/mmdrop(); mm_users > 0 holds one).
 */
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/spinlock.h>

#include "arch/fault.h"
#include "arch/user_range.h"
#include "mm/pgtable.h"
#include "mm/user_mm.h"

#define PTRS_PER_PTE	512
#define PMD_SHIFT_K	(PAGE_SHIFT + 9)
#define NR_PMDS		(KSHIM_USER_SPACE_SIZE >> PMD_SHIFT_K)

struct kshim_pgtable {
	u64 *pmd[NR_PMDS];		/* blocks of PTRS_PER_PTE PTEs */
};

/*
 * Every live mm's range, for kshim_mm_of_address() in the fault handler:
 * read without a lock (slot bases and mms are stored atomically).
 */
#define MAX_MMS	256
static unsigned long slot_base[MAX_MMS];
static struct mm_struct *slot_mm[MAX_MMS];
static DEFINE_SPINLOCK(slots_lock);

static bool slot_add(struct mm_struct *mm)
{
	bool ok = false;
	int i;

	spin_lock(&slots_lock);
	for (i = 0; i < MAX_MMS; i++) {
		if (__atomic_load_n(&slot_mm[i], __ATOMIC_RELAXED))
			continue;
		__atomic_store_n(&slot_mm[i], mm, __ATOMIC_RELAXED);
		__atomic_store_n(&slot_base[i], mm->kshim_base,
				 __ATOMIC_RELEASE);
		ok = true;
		break;
	}
	spin_unlock(&slots_lock);
	return ok;
}

static void slot_remove(struct mm_struct *mm)
{
	int i;

	spin_lock(&slots_lock);
	for (i = 0; i < MAX_MMS; i++) {
		if (__atomic_load_n(&slot_mm[i], __ATOMIC_RELAXED) != mm)
			continue;
		__atomic_store_n(&slot_base[i], 0, __ATOMIC_RELEASE);
		__atomic_store_n(&slot_mm[i], NULL, __ATOMIC_RELEASE);
	}
	spin_unlock(&slots_lock);
}

struct mm_struct *kshim_mm_of_address(unsigned long addr)
{
	unsigned long base;
	int i;

	for (i = 0; i < MAX_MMS; i++) {
		base = __atomic_load_n(&slot_base[i], __ATOMIC_ACQUIRE);
		if (base && addr >= base &&
		    addr - base < KSHIM_USER_SPACE_SIZE)
			return __atomic_load_n(&slot_mm[i], __ATOMIC_ACQUIRE);
	}
	return NULL;
}

struct mm_struct *kshim_mm_alloc(void)
{
	struct mm_struct *mm = calloc(1, sizeof(*mm));
	void *range;

	if (!mm)
		return NULL;
	mm->kshim_pgtable = calloc(1, sizeof(struct kshim_pgtable));
	range = arch_user_range_reserve(KSHIM_USER_SPACE_SIZE);
	if (!mm->kshim_pgtable || !range)
		goto fail;
	mmap_init_lock(mm);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->kshim_base = (unsigned long)range;
	mm->task_size = mm->kshim_base + KSHIM_USER_SPACE_SIZE;
	INIT_LIST_HEAD(&mm->kshim_vmas);
	INIT_LIST_HEAD(&mm->kshim_node);
	spin_lock_init(&mm->page_table_lock);
	if (!slot_add(mm))
		goto fail;
	return mm;

fail:
	arch_user_range_release(range, KSHIM_USER_SPACE_SIZE);
	free(mm->kshim_pgtable);
	free(mm);
	return NULL;
}

void kshim_mm_release(struct mm_struct *mm)
{
	kshim_unmap_all(mm);
	slot_remove(mm);
	arch_user_range_release((void *)mm->kshim_base, KSHIM_USER_SPACE_SIZE);
}

/* The last mmdrop(): the structure and its table go. */
void __mmdrop(struct mm_struct *mm)
{
	struct kshim_pgtable *t = mm->kshim_pgtable;
	unsigned int i;

	for (i = 0; i < NR_PMDS; i++)
		free(t->pmd[i]);
	free(t);
	free(mm);
}

void (mmput)(struct mm_struct *mm)
{
	__kshim_mmput(mm, NULL);
}

void __kshim_mmput(struct mm_struct *mm, const struct kshim_site *site)
{
	if (site)
		__kshim_might_sleep(site->file, site->line, site->func);
	else
		might_sleep();
	if (atomic_dec_and_test(&mm->mm_users)) {
		kshim_mm_release(mm);
		mmdrop(mm);
	}
}

/* ---- the table ---- */

static u64 *pte_slot(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	struct kshim_pgtable *t = mm->kshim_pgtable;
	unsigned long off = addr - mm->kshim_base;
	unsigned long pmd = off >> PMD_SHIFT_K;
	u64 *block, *fresh;

	if (addr < mm->kshim_base || off >= KSHIM_USER_SPACE_SIZE)
		return NULL;
	block = __atomic_load_n(&t->pmd[pmd], __ATOMIC_ACQUIRE);
	if (!block && alloc) {
		/* host memory: no sleep, no kernel allocation ledger */
		fresh = calloc(PTRS_PER_PTE, sizeof(u64));
		if (!fresh)
			return NULL;
		if (!__atomic_compare_exchange_n(&t->pmd[pmd], &block, fresh,
						 false, __ATOMIC_ACQ_REL,
						 __ATOMIC_ACQUIRE))
			free(fresh);
		else
			block = fresh;
	}
	if (!block)
		return NULL;
	return &block[(off >> PAGE_SHIFT) & (PTRS_PER_PTE - 1)];
}

u64 kshim_pte_read(struct mm_struct *mm, unsigned long addr)
{
	u64 *slot = pte_slot(mm, addr & PAGE_MASK, false);

	return slot ? __atomic_load_n(slot, __ATOMIC_ACQUIRE) : 0;
}

int kshim_pte_install(struct mm_struct *mm, unsigned long addr, u64 pte)
{
	u64 *slot = pte_slot(mm, addr & PAGE_MASK, true);
	int ret = 0;

	if (!slot)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (*slot & _PAGE_PRESENT)
		ret = -EBUSY;
	else
		__atomic_store_n(slot, pte, __ATOMIC_RELEASE);
	spin_unlock(&mm->page_table_lock);
	return ret;
}

u64 kshim_pte_clear(struct mm_struct *mm, unsigned long addr)
{
	u64 *slot = pte_slot(mm, addr & PAGE_MASK, false);
	u64 old;

	if (!slot)
		return 0;
	spin_lock(&mm->page_table_lock);
	old = __atomic_exchange_n(slot, 0, __ATOMIC_ACQ_REL);
	spin_unlock(&mm->page_table_lock);
	return old;
}

void kshim_pte_update(struct mm_struct *mm, unsigned long addr, u64 set,
		      u64 clear)
{
	u64 *slot = pte_slot(mm, addr & PAGE_MASK, false);
	u64 v;

	if (!slot)
		return;
	spin_lock(&mm->page_table_lock);
	v = *slot;
	if (v & _PAGE_PRESENT)
		__atomic_store_n(slot, (v & ~clear) | set, __ATOMIC_RELEASE);
	spin_unlock(&mm->page_table_lock);
}

bool kshim_pte_block_present(struct mm_struct *mm, unsigned long addr)
{
	struct kshim_pgtable *t = mm->kshim_pgtable;
	unsigned long off = addr - mm->kshim_base;

	if (addr < mm->kshim_base || off >= KSHIM_USER_SPACE_SIZE)
		return false;
	return __atomic_load_n(&t->pmd[off >> PMD_SHIFT_K], __ATOMIC_ACQUIRE);
}

/* ---- the oops of a raw access to a user address (arch/fault.c) ---- */

bool kshim_fault_is_user_address(unsigned long addr)
{
	return kshim_mm_of_address(addr) != NULL;
}

unsigned long long kshim_fault_user_pte(unsigned long addr)
{
	struct mm_struct *mm = kshim_mm_of_address(addr);

	return mm ? kshim_pte_read(mm, addr) : 0;
}

/*
 * dump_pagetable() prints each level's entry down to the PTE, stopping
 * at the first one not present.  kshim's levels above the PTE have no
 * frames of their own: a present one prints as _PAGE_TABLE (0x67) with
 * frame number 0.
 */
#define KSHIM_PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
				 _PAGE_ACCESSED | _PAGE_DIRTY)

void kshim_fault_user_explain(unsigned long addr)
{
	struct mm_struct *mm = kshim_mm_of_address(addr);
	struct task_struct *t = current;
	u64 pte;

	if (!mm)
		return;
	if (kshim_pte_block_present(mm, addr)) {
		pte = kshim_pte_read(mm, addr);
		printk(KERN_INFO "PGD %llx P4D %llx PUD %llx PMD %llx PTE %llx\n",
		       (unsigned long long)KSHIM_PAGE_TABLE,
		       (unsigned long long)KSHIM_PAGE_TABLE,
		       (unsigned long long)KSHIM_PAGE_TABLE,
		       (unsigned long long)KSHIM_PAGE_TABLE,
		       (unsigned long long)pte);
	} else {
		pte = 0;
		printk(KERN_INFO "PGD %llx P4D %llx PUD %llx PMD 0\n",
		       (unsigned long long)KSHIM_PAGE_TABLE,
		       (unsigned long long)KSHIM_PAGE_TABLE,
		       (unsigned long long)KSHIM_PAGE_TABLE);
	}
	printk(KERN_ALERT "kshim: %#lx is a user address (%s), which kernel code must not dereference: use copy_from_user(), copy_to_user(), get_user() or put_user() (x86 SMAP faults here)\n",
	       addr, mm == t->mm ? "of the current process" :
				   "of another process's address space");
	if (pte & _PAGE_PRESENT)
		printk(KERN_ALERT "kshim: the user page is present (pfn %#lx)\n",
		       KSHIM_PTE_PFN(pte));
}
