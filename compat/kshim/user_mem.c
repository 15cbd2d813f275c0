// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kshim/user_mem.c - a simulated process's memory: the test's
 * kshim_user_alloc()/kshim_user_read()/kshim_user_write() (kshim/user.h)
 * and the page walk that uaccess (lib/usercopy.c) shares with them.
 *
 * A user address is translated through the mm's page table
 * (compat/mm/pgtable.c), as the MMU would: a present PTE gives the frame,
 * which is reached through its kernel address (page_address() of a
 * lowmem page, kmap_local_page() of a highmem one).  A page that is not
 * present, or read-only for a write, is a page fault: the area is looked
 * up under mmap_lock and kshim_handle_mm_fault() (compat/mm/memory.c)
 * fills the PTE, through the driver's ->fault for its mappings
 * (arch/x86/mm/fault.c do_user_addr_fault(): no area or an access the
 * area does not allow is SIGSEGV, VM_FAULT_SIGBUS is SIGBUS).
 */
#include <errno.h>
#include <string.h>

#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <kshim/user.h>

#include "kernel/sched/sched.h"
#include "kshim/proc.h"
#include "mm/pgtable.h"
#include "mm/user_mm.h"

/* arch/x86/mm/fault.c access_error(), for an area the fault hits. */
static bool access_error(const struct vm_area_struct *vma, bool write)
{
	if (write)
		return !(vma->vm_flags & VM_WRITE);
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

int kshim_user_fault(struct mm_struct *mm, unsigned long addr, bool write,
		     bool user)
{
	struct vm_area_struct *vma;
	unsigned int flags = 0;
	vm_fault_t ret;

	if (write)
		flags |= FAULT_FLAG_WRITE;
	if (user)
		flags |= FAULT_FLAG_USER;
	kshim_mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || access_error(vma, write)) {
		kshim_mmap_read_unlock(mm);
		return -EFAULT;
	}
	ret = kshim_handle_mm_fault(vma, addr & PAGE_MASK, flags);
	kshim_mmap_read_unlock(mm);
	return (int)(__force unsigned int)ret;
}

void *kshim_user_map(struct mm_struct *mm, unsigned long addr, bool write)
{
	u64 pte = kshim_pte_read(mm, addr);
	u64 want = _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0);
	unsigned long pfn;
	char *kaddr;

	if (!(pte & _PAGE_PRESENT) || (write && !(pte & _PAGE_RW)))
		return NULL;
	pfn = KSHIM_PTE_PFN(pte);
	if (!pfn_valid(pfn))
		return NULL;	/* an I/O pfn: nothing kshim can copy */
	/* what the MMU records on the access */
	if ((pte & want) != want)
		kshim_pte_update(mm, addr, want, 0);
	kaddr = kmap_local_page(pfn_to_page(pfn));
	return kaddr + (addr & ~PAGE_MASK);
}

void kshim_user_unmap(void *kaddr)
{
	kunmap_local(kaddr);
}

/* ---- the process's own loads and stores ---- */

/* The signal a failed user-mode fault raises (mm_fault_error()). */
static int fault_signal(int ret)
{
	if (ret == -EFAULT)
		return KSHIM_SIGSEGV;
	if (ret & (__force int)VM_FAULT_SIGSEGV)
		return KSHIM_SIGSEGV;
	/* SIGBUS, HWPOISON; OOM: the OOM killer's victim, kshim says SIGBUS */
	return KSHIM_SIGBUS;
}

static int user_access(struct kshim_proc *p, unsigned long addr, void *buf,
		       size_t n, bool write)
{
	struct mm_struct *mm = p->mm;
	static const struct kshim_site fault_site = {
		.file = "kshim/user_mem.c", .func = "user-mode access",
	};
	struct kshim_proc_entry e;
	int sig = 0, ret;

	/* The faults are the process's, taken in one of its threads. */
	if (kshim_proc_enter(p, 0, &e))
		return KSHIM_SIGSEGV;
	while (n) {
		size_t chunk = min_t(size_t, n, PAGE_SIZE - (addr & ~PAGE_MASK));
		void *kaddr = kshim_user_map(mm, addr, write);

		if (!kaddr) {
			ret = kshim_user_fault(mm, addr, write, true);
			if (ret) {
				sig = fault_signal(ret);
				break;
			}
			kaddr = kshim_user_map(mm, addr, write);
			if (!kaddr) {
				/* the handler said done and mapped nothing */
				sig = KSHIM_SIGBUS;
				break;
			}
		}
		if (write)
			memcpy(kaddr, buf, chunk);
		else
			memcpy(buf, kaddr, chunk);
		kshim_user_unmap(kaddr);
		buf = (char *)buf + chunk;
		addr += chunk;
		n -= chunk;
	}
	kshim_proc_leave(&e, 0, -1, &fault_site);
	return sig;
}

int kshim_user_write(struct kshim_proc *p, unsigned long addr,
		     const void *src, size_t n)
{
	return user_access(p, addr, (void *)src, n, true);
}

int kshim_user_read(struct kshim_proc *p, unsigned long addr, void *dst,
		    size_t n)
{
	return user_access(p, addr, dst, n, false);
}

long kshim_user_alloc(struct kshim_proc *p, size_t length)
{
	long ret;

	kshim_mmap_write_lock(p->mm);
	ret = kshim_do_mmap(p->mm, NULL, 0, length, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, 0);
	kshim_mmap_write_unlock(p->mm);
	return ret;
}
