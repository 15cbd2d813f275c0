/*
 * compat/mm/user_mm.h - what pgtable.c, mmap.c, kshim/user_mem.c,
 * lib/usercopy.c and arch/fault.c share about user address spaces
 * (kshim-internal; compat/mm/pgtable.h is the interface with memory.c).
 */
#ifndef _KSHIM_MM_USER_MM_H
#define _KSHIM_MM_USER_MM_H

#include <linux/mm_types.h>
#include <linux/types.h>

struct file;

/* mmap_lock (linux/mmap_lock.h), taken by kshim's own code. */
#include <linux/mmap_lock.h>
#define kshim_mmap_read_lock(mm)	mmap_read_lock(mm)
#define kshim_mmap_read_unlock(mm)	mmap_read_unlock(mm)
#define kshim_mmap_write_lock(mm)	mmap_write_lock(mm)
#define kshim_mmap_write_unlock(mm)	mmap_write_unlock(mm)

/* mmap.c: the last mmput(): every area unmapped (->close, fput). */
void kshim_unmap_all(struct mm_struct *mm);
/* mmap.c: do_mmap() in @mm, mmap_lock held for write: address or -errno. */
long kshim_do_mmap(struct mm_struct *mm, struct file *file,
		   unsigned long addr, unsigned long len, unsigned long prot,
		   unsigned long flags, unsigned long pgoff);
/* mmap.c: do_munmap() in @mm, mmap_lock held for write. */
int kshim_do_munmap(struct mm_struct *mm, unsigned long start, size_t len);

/* pgtable.c: the 2 MiB block of PTEs holding @addr exists. */
bool kshim_pte_block_present(struct mm_struct *mm, unsigned long addr);

/*
 * user_mem.c: resolve a fault at @addr of @mm as the hardware and
 * do_user_addr_fault() would (mmap_lock taken for read here): 0 when
 * the page is now present (and writable for @write), -EFAULT for no
 * area or an access the area does not allow (SIGSEGV), or the
 * VM_FAULT_* error bits of the fault handler (SIGBUS ...).
 */
int kshim_user_fault(struct mm_struct *mm, unsigned long addr, bool write,
		     bool user);
/*
 * The kernel address of the byte at user address @addr when its page is
 * present (and writable for @write), kmapped for a highmem page: the
 * caller ends with kshim_user_unmap(); NULL when not present.
 */
void *kshim_user_map(struct mm_struct *mm, unsigned long addr, bool write);
void kshim_user_unmap(void *kaddr);

#endif /* _KSHIM_MM_USER_MM_H */
