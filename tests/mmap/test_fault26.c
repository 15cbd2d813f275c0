/*
 * test_fault26 - a 2.6.35 driver's ->fault(vma, vmf) and
 * ->page_mkwrite(vma, vmf) (include/linux/mm.h of 2.6.35): the handler
 * gets its vma as an argument and the faulting address as
 * vmf->virtual_address, returns an int (VM_FAULT_MINOR is 0), and
 * FAULT_FLAG_MKWRITE is that era's 0x04.  Built with
 * -DKSHIM_LINUX_VERSION_CODE=0x020623: kshim calls the handlers the way
 * that kernel does.  The 6.x behaviour is tests/mmap/test_fault.
 */
#include <string.h>
#include <sys/mman.h>

#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pagemap.h>
#include <linux/version.h>

#include "kshim/proc.h"
#include "mm/user_mm.h"

static struct kshim_proc *proc;
static struct file tfile;
static struct page *dpage;
static const struct vm_operations_struct *test_vm_ops;

static struct {
	int calls, mkwrite_calls;
	struct vm_area_struct *vma;
	void __user *virtual_address;
	unsigned long pgoff;
	unsigned int flags, mkwrite_flags;
} seen;

static int test_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = test_vm_ops;
	return 0;
}

static const struct file_operations test_fops = {
	.mmap = test_mmap,
};

/* LDD3's scullp_vma_nopage() turned ->fault, as drivers of 2.6.2x did */
static int old_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	seen.calls++;
	seen.vma = vma;
	seen.virtual_address = vmf->virtual_address;
	seen.pgoff = vmf->pgoff;
	seen.flags = vmf->flags;
	get_page(dpage);
	vmf->page = dpage;
	return VM_FAULT_MINOR;
}

static int old_mkwrite(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	seen.mkwrite_calls++;
	seen.mkwrite_flags = vmf->flags;
	lock_page(vmf->page);
	return VM_FAULT_LOCKED;
}

static int old_sigbus(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct old_ops = {
	.fault = old_fault,
	.page_mkwrite = old_mkwrite,
};

static const struct vm_operations_struct sigbus_ops = {
	.fault = old_sigbus,
};

static unsigned long map(const struct vm_operations_struct *ops, int prot,
			 unsigned long pgoff)
{
	struct mm_struct *mm = proc->mm;
	long addr;

	test_vm_ops = ops;
	mmap_write_lock(mm);
	addr = kshim_do_mmap(mm, &tfile, 0, 2 * PAGE_SIZE, prot, MAP_SHARED,
			     pgoff);
	mmap_write_unlock(mm);
	CU_ASSERT_FATAL(addr > 0);
	return addr;
}

static void setup(void)
{
	proc = kshim_proc_create("old_mmap");
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc);
	memset(&tfile, 0, sizeof(tfile));
	tfile.f_op = &test_fops;
	tfile.f_mode = FMODE_READ | FMODE_WRITE;
	atomic_long_set(&tfile.f_count, 1);
	dpage = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dpage);
	memset(page_address(dpage), 'k', PAGE_SIZE);
	memset(&seen, 0, sizeof(seen));
}

static void teardown(void)
{
	kshim_proc_exit(proc);
	__free_page(dpage);
}

static void test_00_version(void)
{
	CU_ASSERT_EQUAL(LINUX_VERSION_CODE, KERNEL_VERSION(2, 6, 35));
	CU_ASSERT_EQUAL(FAULT_FLAG_MKWRITE, 0x04);
	CU_ASSERT_EQUAL(VM_FAULT_MINOR, 0);
}

static void test_old_fault_signature(void)
{
	unsigned long addr;
	char c;

	setup();
	addr = map(&old_ops, PROT_READ | PROT_WRITE, 3);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE + 9, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'k');
	CU_ASSERT_EQUAL(seen.calls, 1);
	CU_ASSERT_PTR_EQUAL(seen.vma, vma_lookup(proc->mm, addr));
	CU_ASSERT_PTR_EQUAL(seen.virtual_address,
			    (void __user *)(addr + PAGE_SIZE));
	CU_ASSERT_EQUAL(seen.pgoff, 4);
	CU_ASSERT_FALSE(seen.flags & FAULT_FLAG_WRITE);
	CU_ASSERT_EQUAL(page_count(dpage), 2);
	CU_ASSERT_EQUAL(page_mapcount(dpage), 1);
	/* the first write: ->page_mkwrite(vma, vmf), 2.6.35's flags */
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr + PAGE_SIZE, "K", 1), 0);
	CU_ASSERT_EQUAL(seen.mkwrite_calls, 1);
	CU_ASSERT_EQUAL(seen.mkwrite_flags,
			FAULT_FLAG_WRITE | FAULT_FLAG_MKWRITE);
	CU_ASSERT_EQUAL(((char *)page_address(dpage))[0], 'K');
	/* a write fault of the other page: ->fault with FAULT_FLAG_WRITE */
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr, "L", 1), 0);
	CU_ASSERT_EQUAL(seen.calls, 2);
	CU_ASSERT_TRUE(seen.flags & FAULT_FLAG_WRITE);
	CU_ASSERT_EQUAL(page_count(dpage), 3);
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, 2 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(dpage), 1);
	CU_ASSERT_EQUAL(page_mapcount(dpage), 0);
	teardown();
}

static void test_old_fault_sigbus(void)
{
	unsigned long addr;
	char c;

	setup();
	addr = map(&sigbus_ops, PROT_READ, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), KSHIM_SIGBUS);
	teardown();
}

static CU_TestInfo tests[] = {
	{ "the profile is 2.6.35's", test_00_version },
	{ "->fault(vma, vmf) and ->page_mkwrite(vma, vmf)",
	  test_old_fault_signature },
	{ "VM_FAULT_SIGBUS is SIGBUS", test_old_fault_sigbus },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "fault26", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
