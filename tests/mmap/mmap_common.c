/* tests/mmap/mmap_common.c - see mmap_common.h. */
#include <string.h>

#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mmap_lock.h>

#include "kshim/proc.h"
#include "mm/pgtable.h"
#include "mm/user_mm.h"
#include "mmap_common.h"

struct kshim_proc *proc;
struct mm_struct *mm;
struct file tfile;
struct page *dpages[4];
const struct vm_operations_struct *test_vm_ops;
int (*mmap_hook)(struct vm_area_struct *vma);

static int test_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = test_vm_ops;
	return mmap_hook ? mmap_hook(vma) : 0;
}

static const struct file_operations test_fops = {
	.mmap = test_mmap,
};

void mmap_setup(void)
{
	int i;

	proc = kshim_proc_create("mmaptest");
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc);
	mm = proc->mm;
	memset(&tfile, 0, sizeof(tfile));
	tfile.f_op = &test_fops;
	tfile.f_mode = FMODE_READ | FMODE_WRITE;
	atomic_long_set(&tfile.f_count, 1);	/* the test's: never released */
	mmap_hook = NULL;
	for (i = 0; i < 4; i++) {
		void *p;

		dpages[i] = alloc_page(GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(dpages[i]);
		p = kmap_local_page(dpages[i]);
		memset(p, 'a' + i, PAGE_SIZE);
		kunmap_local(p);
	}
}

void mmap_teardown(void)
{
	int i;

	kshim_proc_exit(proc);
	for (i = 0; i < 4; i++)
		__free_page(dpages[i]);
}

long try_map(const struct vm_operations_struct *ops, unsigned long pages,
	     int prot, int flags, unsigned long pgoff)
{
	long addr;

	test_vm_ops = ops;
	mmap_write_lock(mm);
	addr = kshim_do_mmap(mm, &tfile, 0, pages * PAGE_SIZE, prot, flags,
			     pgoff);
	mmap_write_unlock(mm);
	return addr;
}

unsigned long map(const struct vm_operations_struct *ops,
		  unsigned long pages, int prot, int flags,
		  unsigned long pgoff)
{
	long addr = try_map(ops, pages, prot, flags, pgoff);

	CU_ASSERT_FATAL(addr > 0);
	return addr;
}

struct page *page_at(unsigned long addr)
{
	u64 pte = kshim_pte_read(mm, addr & PAGE_MASK);

	if (!pte || !pfn_valid(KSHIM_PTE_PFN(pte)))
		return NULL;
	return pfn_to_page(KSHIM_PTE_PFN(pte));
}
