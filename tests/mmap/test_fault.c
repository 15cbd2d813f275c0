/*
 * test_fault - page faults of user mappings (compat/mm/memory.c, 6.1
 * mm/memory.c): anonymous zero-fill pages, a driver's ->fault and
 * ->page_mkwrite run in the faulting process's context, the page
 * references and map counts the kernel keeps after the fault and after
 * munmap, copy-on-write of private mappings, and the ->fault contract
 * (kernel-api-2.md §8, §10 H.59): a page handed out without a reference
 * underflows at unmap, VM_FAULT_LOCKED on an unlocked page, a NULL page,
 * VM_FAULT_SIGBUS to the process, a write to a read-only mapping.
 *
 * The mapping is made with kshim_do_mmap() on a struct file of the test
 * (the device nodes of kshim/user.h are tested with the drivers), and
 * touched as the process would with kshim_user_read()/_write().
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pagemap.h>
#include <linux/sched.h>

#include "common/expect_bug.h"
#include "kshim/proc.h"
#include "mm/pgtable.h"
#include "mm/user_mm.h"
#include "mmap_common.h"

#define expect_report_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)

/* ---- anonymous memory ---- */

static void test_anonymous_zero_fill(void)
{
	long addr;
	char buf[16], zero[16] = { 0 };
	struct page *page;

	mmap_setup();
	addr = kshim_user_alloc(proc, 2 * PAGE_SIZE);
	CU_ASSERT_FATAL(addr > 0);
	CU_ASSERT_EQUAL(kshim_pte_read(mm, addr), 0);	/* on first touch */
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + 100, buf, sizeof(buf)),
			0);
	CU_ASSERT_EQUAL(memcmp(buf, zero, sizeof(buf)), 0);
	page = page_at(addr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_TRUE(PageAnon(page));
	CU_ASSERT_TRUE(PageAnonExclusive(page));
	CU_ASSERT_TRUE(PageHighMem(page));	/* GFP_HIGHUSER_MOVABLE */
	CU_ASSERT_EQUAL(page_count(page), 1);	/* the PTE's */
	CU_ASSERT_EQUAL(page_mapcount(page), 1);
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr + PAGE_SIZE, "xyz", 3), 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, buf, 3), 0);
	CU_ASSERT_EQUAL(memcmp(buf, "xyz", 3), 0);
	CU_ASSERT_TRUE(kshim_pte_read(mm, addr + PAGE_SIZE) & _PAGE_DIRTY);
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, 2 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(kshim_pte_read(mm, addr), 0);
	mmap_teardown();	/* the ledger: both pages went back */
}

/* ---- a driver's ->fault ---- */

static struct {
	int calls, mkwrite_calls;
	struct mm_struct *mm;
	bool task;
	unsigned int flags, mkwrite_flags;
	pgoff_t pgoff;
	unsigned long address;
	struct vm_area_struct *vma;
} seen;

static vm_fault_t good_fault(struct vm_fault *vmf)
{
	struct page *page = dpages[vmf->pgoff & 3];

	seen.calls++;
	seen.mm = current->mm;
	seen.task = in_task();
	seen.flags = vmf->flags;
	seen.pgoff = vmf->pgoff;
	seen.address = vmf->address;
	seen.vma = vmf->vma;
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct good_ops = {
	.fault = good_fault,
};

static void test_fault_read_shared(void)
{
	unsigned long addr;
	char buf[8];

	mmap_setup();
	memset(&seen, 0, sizeof(seen));
	addr = map(&good_ops, 2, PROT_READ | PROT_WRITE, MAP_SHARED, 1);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE + 5, buf, 4),
			0);
	CU_ASSERT_EQUAL(memcmp(buf, "cccc", 4), 0);	/* pgoff 1 + 1 */
	CU_ASSERT_EQUAL(seen.calls, 1);
	CU_ASSERT_PTR_EQUAL(seen.mm, mm);	/* the faulting process's task */
	CU_ASSERT_TRUE(seen.task);
	CU_ASSERT_EQUAL(seen.pgoff, 2);
	CU_ASSERT_EQUAL(seen.address, addr + PAGE_SIZE);
	CU_ASSERT_FALSE(seen.flags & FAULT_FLAG_WRITE);
	CU_ASSERT_PTR_EQUAL(seen.vma, vma_lookup(mm, addr));
	/* the handler's reference became the PTE's */
	CU_ASSERT_EQUAL(page_count(dpages[2]), 2);
	CU_ASSERT_EQUAL(page_mapcount(dpages[2]), 1);
	CU_ASSERT_FALSE(PageLocked(dpages[2]));	/* the core unlocked it */
	CU_ASSERT_FALSE(PageAnon(dpages[2]));
	/* present now: no second fault */
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, buf, 4), 0);
	CU_ASSERT_EQUAL(seen.calls, 1);
	/* a write to the shared page goes to the driver's page */
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr + PAGE_SIZE, "W", 1), 0);
	CU_ASSERT_EQUAL(((char *)page_address(dpages[2]))[0], 'W');
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, 2 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(dpages[2]), 1);
	CU_ASSERT_EQUAL(page_mapcount(dpages[2]), 0);
	mmap_teardown();
}

/* Two processes map the same page: two references, two maps. */
static void test_fault_two_processes(void)
{
	struct kshim_proc *p2;
	unsigned long a1, a2;
	long b;
	char c;

	mmap_setup();
	a1 = map(&good_ops, 1, PROT_READ, MAP_SHARED, 0);
	p2 = kshim_proc_create("mmaptest2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
	mmap_write_lock(p2->mm);
	b = kshim_do_mmap(p2->mm, &tfile, 0, PAGE_SIZE, PROT_READ,
			  MAP_SHARED, 0);
	mmap_write_unlock(p2->mm);
	CU_ASSERT_FATAL(b > 0);
	a2 = b;
	CU_ASSERT_EQUAL(kshim_user_read(proc, a1, &c, 1), 0);
	CU_ASSERT_EQUAL(kshim_user_read(p2, a2, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'a');
	CU_ASSERT_EQUAL(page_count(dpages[0]), 3);
	CU_ASSERT_EQUAL(page_mapcount(dpages[0]), 2);
	kshim_proc_exit(p2);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 2);
	CU_ASSERT_EQUAL(page_mapcount(dpages[0]), 1);
	mmap_teardown();
}

/* A write fault of a private mapping copies the page (do_cow_fault). */
static void test_fault_private_write_copies(void)
{
	unsigned long addr;
	struct page *copy;
	char buf[4];

	mmap_setup();
	memset(&seen, 0, sizeof(seen));
	addr = map(&good_ops, 1, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0);
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr + 1, "Z", 1), 0);
	CU_ASSERT_TRUE(seen.flags & FAULT_FLAG_WRITE);
	copy = page_at(addr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	CU_ASSERT_PTR_NOT_EQUAL(copy, dpages[0]);
	CU_ASSERT_TRUE(PageAnon(copy));
	CU_ASSERT_EQUAL(page_count(copy), 1);
	CU_ASSERT_EQUAL(page_mapcount(copy), 1);
	/* the handler's reference went back; the driver's page is intact */
	CU_ASSERT_EQUAL(page_count(dpages[0]), 1);
	CU_ASSERT_EQUAL(page_mapcount(dpages[0]), 0);
	CU_ASSERT_EQUAL(((char *)page_address(dpages[0]))[1], 'a');
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, buf, 3), 0);
	CU_ASSERT_EQUAL(memcmp(buf, "aZa", 3), 0);
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, PAGE_SIZE), 0);
	mmap_teardown();
}

/* Read first (the driver's page, read-only), then write: do_wp_page copy */
static void test_fault_private_read_then_write(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&good_ops, 1, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_PTR_EQUAL(page_at(addr), dpages[0]);
	CU_ASSERT_FALSE(kshim_pte_read(mm, addr) & _PAGE_RW);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 2);
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr, "Q", 1), 0);
	CU_ASSERT_PTR_NOT_EQUAL(page_at(addr), dpages[0]);
	CU_ASSERT_TRUE(PageAnon(page_at(addr)));
	CU_ASSERT_EQUAL(page_count(dpages[0]), 1);
	CU_ASSERT_EQUAL(page_mapcount(dpages[0]), 0);
	CU_ASSERT_EQUAL(((char *)page_address(dpages[0]))[0], 'a');
	mmap_teardown();	/* exit unmaps the copy */
}

static vm_fault_t good_mkwrite(struct vm_fault *vmf)
{
	seen.mkwrite_calls++;
	seen.mkwrite_flags = vmf->flags;
	lock_page(vmf->page);
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct mkwrite_ops = {
	.fault = good_fault,
	.page_mkwrite = good_mkwrite,
};

/* ->page_mkwrite: before the first write of a shared page, once. */
static void test_page_mkwrite(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	memset(&seen, 0, sizeof(seen));
	addr = map(&mkwrite_ops, 2, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	/* read: mapped read-only, no ->page_mkwrite yet */
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_EQUAL(seen.mkwrite_calls, 0);
	CU_ASSERT_FALSE(kshim_pte_read(mm, addr) & _PAGE_RW);
	/* write: ->page_mkwrite, then writable and dirty */
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr, "M", 1), 0);
	CU_ASSERT_EQUAL(seen.mkwrite_calls, 1);
	CU_ASSERT_EQUAL(seen.mkwrite_flags,
			FAULT_FLAG_WRITE | FAULT_FLAG_MKWRITE);
	CU_ASSERT_TRUE(kshim_pte_read(mm, addr) & _PAGE_RW);
	CU_ASSERT_TRUE(PageDirty(dpages[0]));
	CU_ASSERT_FALSE(PageLocked(dpages[0]));
	CU_ASSERT_EQUAL(page_count(dpages[0]), 2);
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr + 1, "N", 1), 0);
	CU_ASSERT_EQUAL(seen.mkwrite_calls, 1);
	/* a first write to the other page: ->fault, then ->page_mkwrite */
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr + PAGE_SIZE, "O", 1), 0);
	CU_ASSERT_EQUAL(seen.calls, 2);
	CU_ASSERT_EQUAL(seen.mkwrite_calls, 2);
	CU_ASSERT_EQUAL(((char *)page_address(dpages[1]))[0], 'O');
	CU_ASSERT_EQUAL(page_count(dpages[1]), 2);
	mmap_teardown();
}

static vm_fault_t sigbus_fault(struct vm_fault *vmf)
{
	seen.calls++;
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct sigbus_ops = {
	.fault = sigbus_fault,
};

static void test_fault_sigbus(void)
{
	unsigned long addr;
	char c = 0;

	mmap_setup();
	memset(&seen, 0, sizeof(seen));
	addr = map(&sigbus_ops, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), KSHIM_SIGBUS);
	CU_ASSERT_EQUAL(seen.calls, 1);
	CU_ASSERT_EQUAL(kshim_pte_read(mm, addr), 0);
	mmap_teardown();
}

/* A write to a read-only mapping: SIGSEGV, no ->fault. */
static void test_write_read_only_sigsegv(void)
{
	unsigned long addr;
	struct vm_area_struct *vma;
	char c;

	mmap_setup();
	memset(&seen, 0, sizeof(seen));
	addr = map(&good_ops, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr, "x", 1), KSHIM_SIGSEGV);
	CU_ASSERT_EQUAL(seen.calls, 0);
	/* the fault handler itself says so too (access_error()) */
	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	CU_ASSERT_EQUAL(kshim_handle_mm_fault(vma, addr, FAULT_FLAG_WRITE |
					      FAULT_FLAG_USER),
			VM_FAULT_SIGSEGV);
	mmap_read_unlock(mm);
	/* reading is fine, and the page stays read-only */
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr, "x", 1), KSHIM_SIGSEGV);
	CU_ASSERT_EQUAL(((char *)page_address(dpages[0]))[0], 'a');
	mmap_teardown();
}

/* A mapping of a file without ->fault (nothing mapped at mmap): SIGBUS. */
static void test_no_fault_handler_sigbus(void)
{
	static const struct vm_operations_struct no_ops = { };
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&no_ops, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), KSHIM_SIGBUS);
	addr = map(NULL, 1, PROT_READ, MAP_SHARED, 0);	/* no vm_ops at all */
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), KSHIM_SIGBUS);
	mmap_teardown();
}

/* ---- the ->fault contract broken ---- */

/*
 * Handing out the driver's page without get_page().  The handlers whose
 * line a report names are written on one line: that is the line the
 * debug information gives for their code, whatever the compiler.
 */
static vm_fault_t noget_fault(struct vm_fault *vmf) { vmf->page = dpages[0]; return 0; } /* LINE:noget */

static const struct vm_operations_struct noget_ops = {
	.fault = noget_fault,
};

/*
 * Mapped once, the unmap drops the driver's own reference: the page is
 * freed under the driver, whose own put is the one that underflows (at
 * the driver's line, as in the kernel).
 */
static void test_fault_without_get_page_once(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&noget_ops, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 1);	/* no extra reference */
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 0);	/* freed by the unmap */
	kshim_proc_exit(proc);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			   "noget_driver_put");
	put_page(dpages[0]);			/* LINE:noget_driver_put */
	CU_FAIL("the driver's put of a freed page did not BUG");
}

/*
 * Mapped twice with one reference: the second put at unmap underflows.
 * The kernel BUGs in put_page_testzero() (include/linux/mm.h) from
 * munmap's release_pages(); kshim names the ->fault handler that handed
 * the page out without a reference (where its code starts).
 */
static void test_fault_without_get_page_twice(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&noget_ops, 2, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, &c, 1), 0);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 1);
	CU_ASSERT_EQUAL(page_mapcount(dpages[0]), 2);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			   "noget");
	kshim_munmap(proc, addr, 2 * PAGE_SIZE);
	CU_FAIL("the unmap did not BUG");
}

/* VM_FAULT_LOCKED, but the page was never locked */
static vm_fault_t unlocked_fault(struct vm_fault *vmf) { get_page(dpages[0]); vmf->page = dpages[0]; return VM_FAULT_LOCKED; } /* LINE:unlocked */

static const struct vm_operations_struct unlocked_ops = {
	.fault = unlocked_fault,
};

static void test_fault_locked_not_locked(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&unlocked_ops, 1, PROT_READ, MAP_SHARED, 0);
	expect_vm_bug_page("VM_BUG_ON_PAGE(!PageLocked(vmf->page))",
			   "unlocked");
	kshim_user_read(proc, addr, &c, 1);
	CU_FAIL("VM_FAULT_LOCKED on an unlocked page did not BUG");
}

static vm_fault_t locked_fault(struct vm_fault *vmf)
{
	get_page(dpages[0]);
	lock_page(dpages[0]);
	vmf->page = dpages[0];
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct locked_ops = {
	.fault = locked_fault,
};

/* ... done right: the core unlocks the page it was handed locked. */
static void test_fault_locked_right(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&locked_ops, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_FALSE(PageLocked(dpages[0]));
	CU_ASSERT_EQUAL(page_count(dpages[0]), 2);
	mmap_teardown();
}

/* 0, and no vmf->page */
static vm_fault_t nopage_fault(struct vm_fault *vmf) { return 0; } /* LINE:nullpage */

static const struct vm_operations_struct nullpage_ops = {
	.fault = nopage_fault,
};

/* 0 without a page: the kernel's PageHWPoison(vmf->page) oopses. */
static void test_fault_null_page_oops(void)
{
	unsigned long addr;
	char c, want[512];

	mmap_setup();
	addr = map(&nullpage_ops, 1, PROT_READ, MAP_SHARED, 0);
	snprintf(want, sizeof(want),
		 "BUG: kernel NULL pointer dereference, address: 0000000000000000\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0000) - not-present page\n"
		 "kshim: the faulting access: %s:%d (nopage_fault)\n",
		 __FILE__, marker_line("nullpage"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	kshim_user_read(proc, addr, &c, 1);
	CU_FAIL("a NULL vmf->page did not oops");
}

static CU_TestInfo tests[] = {
	{ "anonymous memory is zero-filled on first touch",
	  test_anonymous_zero_fill },
	{ "->fault maps its page with its reference", test_fault_read_shared },
	{ "two processes: two references, two maps", test_fault_two_processes },
	{ "private write fault copies", test_fault_private_write_copies },
	{ "private read then write copies", test_fault_private_read_then_write },
	{ "->page_mkwrite before the first write", test_page_mkwrite },
	{ "VM_FAULT_SIGBUS is SIGBUS", test_fault_sigbus },
	{ "write to a read-only mapping is SIGSEGV",
	  test_write_read_only_sigsegv },
	{ "no ->fault is SIGBUS", test_no_fault_handler_sigbus },
	{ "->fault without get_page: the driver's put BUGs",
	  test_fault_without_get_page_once },
	{ "->fault without get_page, mapped twice: unmap BUGs",
	  test_fault_without_get_page_twice },
	{ "VM_FAULT_LOCKED on an unlocked page BUGs",
	  test_fault_locked_not_locked },
	{ "VM_FAULT_LOCKED done right", test_fault_locked_right },
	{ "->fault with no page oopses", test_fault_null_page_oops },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "fault", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
