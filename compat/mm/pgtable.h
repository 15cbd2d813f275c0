/*
 * compat/mm/pgtable.h - the simulated page tables of user address spaces.
 *
 * kshim-internal.  An mm's user range is host address space reserved for
 * it (compat/arch/), never made accessible: a kernel dereference of a user
 * address faults (the SMAP oops), and every access the kernel or the
 * simulated process makes goes through these page tables instead.  A PTE
 * is an x86-style value: the frame number above PAGE_SHIFT and the
 * _PAGE_* bits below (_PAGE_PRESENT, _PAGE_RW, _PAGE_USER, _PAGE_DIRTY,
 * _PAGE_ACCESSED, _PAGE_PCD ... and KSHIM_PTE_SPECIAL for a pfn mapping
 * without a struct page reference, as the kernel's pte_special()).
 * The table is guarded by mm->page_table_lock.
 *
 * pgtable.c (mm creation, the table), mmap.c (areas, mmap/munmap),
 * memory.c (faults and the driver helpers) share this interface.
 */
#ifndef _KSHIM_MM_PGTABLE_H
#define _KSHIM_MM_PGTABLE_H

#include <linux/mm.h>
#include <linux/mm_types.h>

#define KSHIM_PTE_SPECIAL	(1ULL << 9)	/* _PAGE_BIT_SPECIAL */
#define KSHIM_PTE_PFN(pte)	((unsigned long)((pte) >> PAGE_SHIFT) & \
				 ((1UL << 40) - 1))

/* Size of each process's user range. */
#define KSHIM_USER_SPACE_SIZE	(1UL << 30)

/* pgtable.c: a new mm (mm_users 1, mm_count 1) with an empty table. */
struct mm_struct *kshim_mm_alloc(void);
/* Last mmput(): every area unmapped, the range released. */
void kshim_mm_release(struct mm_struct *mm);
/* 0: none; else the PTE at @addr (page aligned). */
u64 kshim_pte_read(struct mm_struct *mm, unsigned long addr);
/* Install @pte at an empty @addr: 0, -EBUSY (present), -ENOMEM. */
int kshim_pte_install(struct mm_struct *mm, unsigned long addr, u64 pte);
/* Remove the PTE at @addr and return it (0 if none). */
u64 kshim_pte_clear(struct mm_struct *mm, unsigned long addr);
/* Set or clear bits of a present PTE (dirty, accessed, RW). */
void kshim_pte_update(struct mm_struct *mm, unsigned long addr, u64 set,
		      u64 clear);
/* The mm whose user range holds @addr (signal-safe: no lock), or NULL. */
struct mm_struct *kshim_mm_of_address(unsigned long addr);

/*
 * memory.c: the fault the hardware would raise for an access to @addr in
 * @vma (FAULT_FLAG_WRITE, FAULT_FLAG_USER ...), in the faulting task's
 * context, mmap_lock held for read: anonymous zero-fill, or the driver's
 * ->fault / ->page_mkwrite.  Returns 0 once a PTE is present, or the
 * VM_FAULT_* error bits (VM_FAULT_SIGBUS, VM_FAULT_SIGSEGV, VM_FAULT_OOM).
 */
vm_fault_t kshim_handle_mm_fault(struct vm_area_struct *vma,
				 unsigned long addr, unsigned int flags);
/* memory.c: unmap [@start, @end) of @vma, dropping each page's map and ref. */
void kshim_zap_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);

#endif /* _KSHIM_MM_PGTABLE_H */
