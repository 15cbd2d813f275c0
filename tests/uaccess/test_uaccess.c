/*
 * test_uaccess - a simulated process's address space and the uaccess
 * routines (linux/uaccess.h; kernel-api-2.md §7 and §10 G.53-56):
 * copy_to_user()/copy_from_user() results and zero-fill, get_user() and
 * put_user(), access_ok() of kernel pointers, might_fault() in atomic
 * context, pagefault_disable() short copies, the SMAP oops of a raw
 * dereference, highmem user pages, munmap() splitting areas, and the
 * process's own loads and stores (kshim_user_read/write).  Reports must
 * name this file's lines (LINE:<name> markers).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <kshim/boot.h>

#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

#include "common/expect_bug.h"
#include "fs/internal.h"
#include "kshim/proc.h"
#include "mm/user_mm.h"
#include "mm/pgtable.h"

#define THIS_FILE __FILE__

/* The oops names the function: keep GCC from splitting or cloning it. */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_IPA __attribute__((noipa))
#else
#define NO_IPA
#endif

/* The oops ends the task: only where each test has its own process. */
static bool oops_tests_run(void)
{
	if (!strcmp(kshim_setting("KSHIM_FORK"), "1"))
		return true;
	fprintf(stderr, "test_uaccess: the oops tests need KSHIM_FORK=1: skipped\n");
	return false;
}

/*
 * The test thread becomes a thread of a process with its own mm (what
 * kshim/user.c's system call entry does for a call).
 */
static struct kshim_proc proc;
static DEFINE_SPINLOCK(lock);

static void enter_process(void)
{
	proc.mm = kshim_mm_alloc();
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc.mm);
	proc.pid = getpid();
	current->mm = proc.mm;
	current->active_mm = proc.mm;
}

static void leave_process(void)
{
	current->mm = NULL;
	current->active_mm = NULL;
	mmput(proc.mm);
	proc.mm = NULL;
}

static unsigned long user_alloc(size_t len)
{
	long a = kshim_user_alloc(&proc, len);

	CU_ASSERT_FATAL(a > 0);
	return a;
}

/* ---- copies ---- */

static void test_copy_roundtrip(void)
{
	char in[300], out[300];
	unsigned long u;
	int i;

	enter_process();
	u = user_alloc(2 * PAGE_SIZE);
	for (i = 0; i < (int)sizeof(in); i++)
		in[i] = (char)i;
	/* across the page boundary */
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + PAGE_SIZE - 100), in,
				     sizeof(in)), 0);
	CU_ASSERT_EQUAL(kshim_user_read(&proc, u + PAGE_SIZE - 100, out,
					sizeof(out)), 0);
	CU_ASSERT_EQUAL(memcmp(in, out, sizeof(in)), 0);
	memset(in, 0x5c, sizeof(in));
	CU_ASSERT_EQUAL(kshim_user_write(&proc, u + 7, in, sizeof(in)), 0);
	CU_ASSERT_EQUAL(copy_from_user(out, (void __user *)(u + 7),
				       sizeof(out)), 0);
	CU_ASSERT_EQUAL(memcmp(in, out, sizeof(in)), 0);
	/* untouched anonymous memory reads as zeroes */
	CU_ASSERT_EQUAL(check_zeroed_user((void __user *)(u + 400), 3000), 1);
	CU_ASSERT_EQUAL(check_zeroed_user((void __user *)(u + 7), 3000), 0);
	leave_process();
}

/* G.54: a copy running off the mapping: the rest's count, tail zeroed */
static void test_partial_copy_zero_fills(void)
{
	char src[30], buf[30];
	unsigned long u;

	enter_process();
	u = user_alloc(PAGE_SIZE);
	memset(src, 0x11, sizeof(src));
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + PAGE_SIZE - 10), src,
				     30), 20);
	memset(buf, 0xaa, sizeof(buf));
	CU_ASSERT_EQUAL(copy_from_user(buf, (void __user *)(u + PAGE_SIZE - 10),
				       30), 20);
	CU_ASSERT_EQUAL(memchr_inv(buf, 0x11, 10), NULL);
	CU_ASSERT_EQUAL(memchr_inv(buf + 10, 0, 20), NULL);
	/* __copy_from_user_inatomic(): never zero-fills */
	memset(buf, 0xaa, sizeof(buf));
	CU_ASSERT_EQUAL(__copy_from_user_inatomic(buf,
				(void __user *)(u + PAGE_SIZE - 10), 30), 20);
	CU_ASSERT_EQUAL(memchr_inv(buf + 10, 0xaa, 20), NULL);
	leave_process();
}

/* G.54, the kshim deviation: a kernel pointer is no user address */
static void test_kernel_pointer_fails_access_ok(void)
{
	char *k = kmalloc(64, GFP_KERNEL), buf[64];
	unsigned long u;

	CU_ASSERT_PTR_NOT_NULL_FATAL(k);
	enter_process();
	u = user_alloc(PAGE_SIZE);
	memset(k, 0x77, 64);
	CU_ASSERT_FALSE(access_ok((void __user *)k, 1));
	CU_ASSERT_TRUE(access_ok((void __user *)u, PAGE_SIZE));
	CU_ASSERT_TRUE(access_ok((void __user *)u, KSHIM_USER_SPACE_SIZE -
			(u - proc.mm->kshim_base)));
	CU_ASSERT_FALSE(access_ok((void __user *)u, KSHIM_USER_SPACE_SIZE));
	CU_ASSERT_FALSE(access_ok((void __user *)(TASK_SIZE_MAX - 8), 16));
	CU_ASSERT_EQUAL(copy_to_user((void __user *)k, buf, 64), 64);
	memset(buf, 0xaa, sizeof(buf));
	/* an invalid range: nothing copied, the whole buffer zeroed */
	CU_ASSERT_EQUAL(copy_from_user(buf, (void __user *)k, 64), 64);
	CU_ASSERT_EQUAL(memchr_inv(buf, 0, 64), NULL);
	CU_ASSERT_EQUAL(memchr_inv(k, 0x77, 64), NULL);
	leave_process();
	/* no process: no user address at all */
	CU_ASSERT_FALSE(access_ok((void __user *)u, 1));
	kfree(k);
}

static void test_get_put_user(void)
{
	u8 v8 = 0x5a;
	u16 v16 = 0x5a5b;
	u32 v32 = 0x5a5b5c5d, *kp;
	u64 v64 = 0x5a5b5c5d6a6b6c6dULL;
	void __user *ptr = (void __user *)0x1234;
	unsigned long u;

	enter_process();
	u = user_alloc(PAGE_SIZE);
	CU_ASSERT_EQUAL(put_user(v8, (u8 __user *)u), 0);
	CU_ASSERT_EQUAL(put_user(v16, (u16 __user *)(u + 2)), 0);
	CU_ASSERT_EQUAL(put_user(v32, (u32 __user *)(u + 4)), 0);
	CU_ASSERT_EQUAL(put_user(v64, (u64 __user *)(u + 8)), 0);
	CU_ASSERT_EQUAL(__put_user(ptr, (void __user * __user *)(u + 16)), 0);
	v8 = 0; v16 = 0; v32 = 0; v64 = 0; ptr = NULL;
	CU_ASSERT_EQUAL(get_user(v8, (const u8 __user *)u), 0);
	CU_ASSERT_EQUAL(get_user(v16, (u16 __user *)(u + 2)), 0);
	CU_ASSERT_EQUAL(get_user(v32, (u32 __user *)(u + 4)), 0);
	CU_ASSERT_EQUAL(__get_user(v64, (u64 __user *)(u + 8)), 0);
	CU_ASSERT_EQUAL(get_user(ptr, (void __user * __user *)(u + 16)), 0);
	CU_ASSERT_EQUAL(v8, 0x5a);
	CU_ASSERT_EQUAL(v16, 0x5a5b);
	CU_ASSERT_EQUAL(v32, 0x5a5b5c5d);
	CU_ASSERT_EQUAL(v64, 0x5a5b5c5d6a6b6c6dULL);
	CU_ASSERT_PTR_EQUAL(ptr, (void *)0x1234);
	/* a bad address: -EFAULT and x = 0 */
	kp = kmalloc(sizeof(*kp), GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(kp);
	*kp = 7;
	CU_ASSERT_EQUAL(get_user(v32, (u32 __user *)kp), -EFAULT);
	CU_ASSERT_EQUAL(v32, 0);
	v64 = 9;
	CU_ASSERT_EQUAL(get_user(v64, (u64 __user *)(u + PAGE_SIZE - 4)),
			-EFAULT);
	CU_ASSERT_EQUAL(v64, 0);
	CU_ASSERT_EQUAL(put_user(v32, (u32 __user *)kp), -EFAULT);
	CU_ASSERT_EQUAL(*kp, 7);
	v32 = 3;
	CU_ASSERT_EQUAL(__get_user(v32, (u32 __user *)kp), -EFAULT);
	CU_ASSERT_EQUAL(v32, 0);
	kfree(kp);
	leave_process();
}

static void test_strings_and_clear(void)
{
	static const char s[] = "hello, kernel";
	char buf[32];
	unsigned long u;

	enter_process();
	u = user_alloc(PAGE_SIZE);
	CU_ASSERT_EQUAL(kshim_user_write(&proc, u, s, sizeof(s)), 0);
	CU_ASSERT_EQUAL(strnlen_user((const char __user *)u, 32), sizeof(s));
	CU_ASSERT_EQUAL(strnlen_user((const char __user *)u, 5), 6);
	CU_ASSERT_EQUAL(strncpy_from_user(buf, (const char __user *)u, 32),
			(long)strlen(s));
	CU_ASSERT_STRING_EQUAL(buf, s);
	CU_ASSERT_EQUAL(strncpy_from_user(buf, (const char __user *)u, 5), 5);
	CU_ASSERT_EQUAL(strncpy_from_user(buf, (const char __user *)buf, 5),
			-EFAULT);
	/* a string running into the unmapped page after the area */
	memset(buf, 'x', sizeof(buf));
	CU_ASSERT_EQUAL(kshim_user_write(&proc, u + PAGE_SIZE - 4, buf, 4), 0);
	CU_ASSERT_EQUAL(strncpy_from_user(buf, (const char __user *)
					  (u + PAGE_SIZE - 4), 32), -EFAULT);
	CU_ASSERT_EQUAL(strnlen_user((const char __user *)(u + PAGE_SIZE - 4),
				     32), 0);
	CU_ASSERT_EQUAL(clear_user((void __user *)u, 6), 0);
	CU_ASSERT_EQUAL(check_zeroed_user((void __user *)u, 6), 1);
	CU_ASSERT_EQUAL(clear_user((void __user *)(u + PAGE_SIZE - 4), 10), 6);
	CU_ASSERT_EQUAL(copy_to_user_nofault((void __user *)u, s, 4), 0);
	CU_ASSERT_EQUAL(copy_to_user_nofault((void __user *)buf, s, 4),
			-EFAULT);
	leave_process();
}

/* ---- might_fault() and pagefault_disable() (G.55) ---- */

static void expect_might_sleep_at(const char *marker, int atomic,
				  unsigned int count)
{
	char text[512];

	snprintf(text, sizeof(text),
		 "BUG: sleeping function called from invalid context at %s:%d\n"
		 "in_atomic(): %d, irqs_disabled(): 0, non_block: 0, pid: %d, name: %s\n"
		 "preempt_count: %x, expected: 0\n",
		 THIS_FILE, marker_line(marker), atomic, (int)current->pid,
		 current->comm, count);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, text, 1);
}

static void test_copy_to_user_under_spinlock(void)
{
	char src[16] = "0123456789abcde";
	unsigned long u, left;

	enter_process();
	u = user_alloc(PAGE_SIZE);
	expect_might_sleep_at("ctu_locked", 1, 1);
	spin_lock(&lock);
	left = copy_to_user((void __user *)u, src, 16); /* LINE:ctu_locked */
	spin_unlock(&lock);
	/* atomic: the page was not present and could not be faulted in */
	CU_ASSERT_EQUAL(left, 16);
	leave_process();
}

static void test_get_user_under_spinlock(void)
{
	unsigned long u;
	int v = 5;

	enter_process();
	u = user_alloc(PAGE_SIZE);
	expect_might_sleep_at("gu_locked", 1, 1);
	spin_lock(&lock);
	CU_ASSERT_EQUAL(get_user(v, (int __user *)u), -EFAULT); /* LINE:gu_locked */
	spin_unlock(&lock);
	CU_ASSERT_EQUAL(v, 0);
	leave_process();
}

/* inside pagefault_disable(): silent, and short for pages not present */
static void test_pagefault_disabled_is_silent_and_short(void)
{
	char src[64], dst[64];
	unsigned long u;

	memset(src, 0x42, sizeof(src));
	enter_process();
	u = user_alloc(2 * PAGE_SIZE);
	/* the first page present, the second not */
	CU_ASSERT_EQUAL(kshim_user_write(&proc, u, src, 1), 0);
	spin_lock(&lock);
	pagefault_disable();
	CU_ASSERT_EQUAL(__copy_to_user_inatomic((void __user *)
				(u + PAGE_SIZE - 16), src, 64), 48);
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + PAGE_SIZE - 16), src,
				     64), 48);
	memset(dst, 0xaa, sizeof(dst));
	CU_ASSERT_EQUAL(__copy_from_user_inatomic(dst, (void __user *)
				(u + PAGE_SIZE - 16), 64), 48);
	CU_ASSERT_EQUAL(memchr_inv(dst, 0x42, 16), NULL);
	CU_ASSERT_EQUAL(memchr_inv(dst + 16, 0xaa, 48), NULL);
	pagefault_enable();
	spin_unlock(&lock);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	/* with page faults enabled the second page faults in */
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + PAGE_SIZE - 16), src,
				     64), 0);
	leave_process();
}

/* ---- the process's own accesses ---- */

static void test_process_signals(void)
{
	char b[8] = "abcdefg";
	unsigned long u, ro;

	enter_process();
	u = user_alloc(PAGE_SIZE);
	CU_ASSERT_EQUAL(kshim_user_write(&proc, u + PAGE_SIZE - 4, b, 8),
			KSHIM_SIGSEGV);
	CU_ASSERT_EQUAL(kshim_user_read(&proc, u + PAGE_SIZE, b, 1),
			KSHIM_SIGSEGV);
	ro = vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		     0);
	CU_ASSERT_FATAL(!IS_ERR_VALUE(ro));
	CU_ASSERT_EQUAL(kshim_user_read(&proc, ro, b, 8), 0);
	CU_ASSERT_EQUAL(memchr_inv(b, 0, 8), NULL);
	CU_ASSERT_EQUAL(kshim_user_write(&proc, ro, b, 8), KSHIM_SIGSEGV);
	CU_ASSERT_EQUAL(copy_to_user((void __user *)ro, b, 8), 8);
	leave_process();
}

/* munmap() of the middle of an area splits it */
static void test_munmap_splits(void)
{
	struct vm_area_struct *a, *b;
	unsigned long u;
	char c = 1;

	enter_process();
	u = vm_mmap(NULL, 0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0);
	CU_ASSERT_FATAL(!IS_ERR_VALUE(u));
	CU_ASSERT_EQUAL(proc.mm->map_count, 1);
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + PAGE_SIZE), &c, 1), 0);
	CU_ASSERT_EQUAL(vm_munmap(u + PAGE_SIZE, PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(proc.mm->map_count, 2);
	a = vma_lookup(proc.mm, u);
	b = vma_lookup(proc.mm, u + 2 * PAGE_SIZE);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_EQUAL(a->vm_end, u + PAGE_SIZE);
	CU_ASSERT_EQUAL(b->vm_start, u + 2 * PAGE_SIZE);
	CU_ASSERT_PTR_NULL(vma_lookup(proc.mm, u + PAGE_SIZE));
	CU_ASSERT_PTR_EQUAL(find_vma(proc.mm, u + PAGE_SIZE), b);
	CU_ASSERT_EQUAL(kshim_pte_read(proc.mm, u + PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + PAGE_SIZE), &c, 1), 1);
	CU_ASSERT_EQUAL(copy_to_user((void __user *)u, &c, 1), 0);
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + 2 * PAGE_SIZE), &c, 1),
			0);
	/* misaligned, empty */
	CU_ASSERT_EQUAL(vm_munmap(u + 1, PAGE_SIZE), -EINVAL);
	CU_ASSERT_EQUAL(vm_munmap(u, 0), -EINVAL);
	CU_ASSERT_EQUAL(vm_munmap(u, 3 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(proc.mm->map_count, 0);
	leave_process();
}

/* highmem frames behind user pages work through uaccess */
static void test_highmem_user_pages(void)
{
	char in[100], out[100];
	struct page *page;
	unsigned long u;
	u64 pte;

	memset(in, 0x3c, sizeof(in));
	enter_process();
	u = user_alloc(PAGE_SIZE);
	CU_ASSERT_EQUAL(copy_to_user((void __user *)(u + 50), in, 100), 0);
	pte = kshim_pte_read(proc.mm, u);
	CU_ASSERT_FATAL(pte & _PAGE_PRESENT);
	page = pfn_to_page(KSHIM_PTE_PFN(pte));
	CU_ASSERT_TRUE(PageHighMem(page));
	CU_ASSERT_PTR_NULL(page_address(page));
	CU_ASSERT_EQUAL(copy_from_user(out, (void __user *)(u + 50), 100), 0);
	CU_ASSERT_EQUAL(memcmp(in, out, 100), 0);
	CU_ASSERT_EQUAL(kshim_user_read(&proc, u + 50, out, 100), 0);
	CU_ASSERT_EQUAL(memcmp(in, out, 100), 0);
	leave_process();
}

/* ---- G.56: the SMAP oops of a raw dereference ---- */

static NO_IPA void test_raw_read_of_present_user_page_oopses(void)
{
	volatile char *p;
	unsigned long u;
	char want[1024];
	u64 pte;

	if (!oops_tests_run())
		return;
	enter_process();
	u = user_alloc(PAGE_SIZE);
	CU_ASSERT_EQUAL(kshim_user_write(&proc, u, "x", 1), 0);
	pte = kshim_pte_read(proc.mm, u);
	p = (volatile char *)(u + 8);
	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0001) - permissions violation\n"
		 "PGD 67 P4D 67 PUD 67 PMD 67 PTE %llx\n"
		 "kshim: %#lx is a user address (of the current process), which kernel code must not dereference: use copy_from_user(), copy_to_user(), get_user() or put_user() (x86 SMAP faults here)\n"
		 "kshim: the user page is present (pfn %#lx)\n"
		 "kshim: the faulting access: %s:%d (%s)\n"
		 "Oops: 0001 [#1]",
		 u + 8, (unsigned long long)pte, u + 8,
		 (unsigned long)KSHIM_PTE_PFN(pte), THIS_FILE,
		 marker_line("smap_read"), __func__);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	(void)*p;	/* LINE:smap_read */
	CU_FAIL("the raw read of a user address did not fault");
}

static NO_IPA void test_raw_write_of_absent_user_page_oopses(void)
{
	volatile int *p;
	unsigned long u;
	char want[1024];

	if (!oops_tests_run())
		return;
	enter_process();
	u = user_alloc(PAGE_SIZE);
	p = (volatile int *)(u + 16);
	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor write access in kernel mode\n"
		 "#PF: error_code(0x0002) - not-present page\n"
		 "PGD 67 P4D 67 PUD 67 PMD 0\n"
		 "kshim: %#lx is a user address (of the current process), which kernel code must not dereference: use copy_from_user(), copy_to_user(), get_user() or put_user() (x86 SMAP faults here)\n"
		 "kshim: the faulting access: %s:%d (%s)\n"
		 "Oops: 0002 [#1]",
		 u + 16, u + 16, THIS_FILE, marker_line("smap_write"),
		 __func__);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	*p = 1;	/* LINE:smap_write */
	CU_FAIL("the raw write to a user address did not fault");
}

/* check_copy_size(): a copy larger than the kernel object is refused */
static void test_copy_overflow_warns(void)
{
	char small[8];
	volatile unsigned long n = 16;
	unsigned long u, left;

	enter_process();
	u = user_alloc(PAGE_SIZE);
	memset(small, 0x66, sizeof(small));
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "Buffer overflow detected (8 < 16)!\n", 1);
	left = copy_from_user(small, (void __user *)u, n); /* LINE:overflow */
	assert_report_at(KSHIM_REPORT_WARNING, "overflow");
	CU_ASSERT_EQUAL(left, 16);
	/* refused before any copy or zeroing */
	CU_ASSERT_EQUAL(memchr_inv(small, 0x66, sizeof(small)), NULL);
	CU_ASSERT_EQUAL(copy_from_user(small, (void __user *)u, 8), 0);
	leave_process();
}

/* ---- file mappings: the driver's ->mmap ---- */

static int opens, closes, mmap_ret;
static struct vm_area_struct *mmapped;

static void vma_open(struct vm_area_struct *vma)
{
	opens++;
}

static void vma_close(struct vm_area_struct *vma)
{
	closes++;
}

static const struct vm_operations_struct test_vm_ops = {
	.open = vma_open,
	.close = vma_close,
};

static int test_mmap(struct file *file, struct vm_area_struct *vma)
{
	mmapped = vma;
	vma->vm_ops = &test_vm_ops;
	return mmap_ret;
}

static const struct file_operations mmap_fops = { .mmap = test_mmap };
static const struct file_operations no_mmap_fops = { };

static long map_file(struct file *f, unsigned long len, unsigned long prot,
		     unsigned long flags, unsigned long pgoff)
{
	long ret;

	mmap_write_lock(proc.mm);
	ret = kshim_do_mmap(proc.mm, f, 0, len, prot, flags, pgoff);
	mmap_write_unlock(proc.mm);
	return ret;
}

static void test_file_mapping(void)
{
	struct file f = { .f_mode = FMODE_READ | FMODE_WRITE };
	struct vm_area_struct *vma;
	long a;

	atomic_long_set(&f.f_count, 1);
	enter_process();
	/* no ->mmap: -ENODEV, nothing kept */
	f.f_op = &no_mmap_fops;
	CU_ASSERT_EQUAL(map_file(&f, PAGE_SIZE, PROT_READ, MAP_SHARED, 0),
			-ENODEV);
	/* ->mmap fails: the area is taken down again */
	f.f_op = &mmap_fops;
	mmap_ret = -EIO;
	CU_ASSERT_EQUAL(map_file(&f, PAGE_SIZE, PROT_READ, MAP_SHARED, 0),
			-EIO);
	CU_ASSERT_EQUAL(proc.mm->map_count, 0);
	CU_ASSERT_EQUAL(atomic_long_read(&f.f_count), 1);
	CU_ASSERT_EQUAL(closes, 0);
	/* a shared writable mapping of a read-only file: -EACCES */
	f.f_mode = FMODE_READ;
	CU_ASSERT_EQUAL(map_file(&f, PAGE_SIZE, PROT_READ | PROT_WRITE,
				 MAP_SHARED, 0), -EACCES);
	/* ...read-only shared: no VM_MAYWRITE, no VM_SHARED */
	mmap_ret = 0;
	a = map_file(&f, PAGE_SIZE, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_FATAL(a > 0);
	CU_ASSERT_EQUAL(mmapped->vm_flags, VM_READ | VM_MAYREAD | VM_MAYEXEC |
			VM_MAYSHARE);
	CU_ASSERT_EQUAL(vm_munmap(a, PAGE_SIZE), 0);
	f.f_mode = FMODE_READ | FMODE_WRITE;
	a = map_file(&f, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, 5);
	CU_ASSERT_FATAL(a > 0);
	vma = vma_lookup(proc.mm, a);
	CU_ASSERT_PTR_EQUAL_FATAL(vma, mmapped);
	CU_ASSERT_EQUAL(vma->vm_flags, VM_READ | VM_WRITE | VM_SHARED |
			VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_MAYSHARE);
	CU_ASSERT_PTR_EQUAL(vma->vm_file, &f);
	CU_ASSERT_EQUAL(vma->vm_pgoff, 5);
	CU_ASSERT_PTR_EQUAL(vma->vm_mm, proc.mm);
	CU_ASSERT_EQUAL(atomic_long_read(&f.f_count), 2);
	/* the middle page goes: two areas, each with its file reference */
	CU_ASSERT_EQUAL(vm_munmap(a + PAGE_SIZE, PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(proc.mm->map_count, 2);
	CU_ASSERT_EQUAL(opens, 2);	/* two splits, each ->open()s */
	CU_ASSERT_EQUAL(closes, 2);	/* one for the read-only map, one now */
	CU_ASSERT_EQUAL(atomic_long_read(&f.f_count), 3);
	CU_ASSERT_EQUAL(vma_lookup(proc.mm, a + 2 * PAGE_SIZE)->vm_pgoff, 7);
	/* the last mmput() unmaps the rest */
	leave_process();
	CU_ASSERT_EQUAL(closes, 4);
	CU_ASSERT_EQUAL(atomic_long_read(&f.f_count), 1);
}

/* the process's mm comes and goes with mmget()/mmput() */
static void test_mm_references(void)
{
	struct mm_struct *mm = kshim_mm_alloc();
	unsigned long base;

	CU_ASSERT_PTR_NOT_NULL_FATAL(mm);
	base = mm->kshim_base;
	CU_ASSERT_PTR_EQUAL(kshim_mm_of_address(base + 123), mm);
	CU_ASSERT_PTR_NULL(kshim_mm_of_address(base - 1));
	CU_ASSERT_PTR_NULL(kshim_mm_of_address(base + KSHIM_USER_SPACE_SIZE));
	mmget(mm);
	mmgrab(mm);
	mmput(mm);
	CU_ASSERT_PTR_EQUAL(kshim_mm_of_address(base), mm);
	mmput(mm);	/* the last user: the range is gone */
	CU_ASSERT_PTR_NULL(kshim_mm_of_address(base));
	CU_ASSERT_EQUAL(atomic_read(&mm->mm_count), 1);
	mmdrop(mm);
}

static CU_TestInfo copy_tests[] = {
	{ "copy_roundtrip", test_copy_roundtrip },
	{ "partial_copy_zero_fills", test_partial_copy_zero_fills },
	{ "kernel_pointer_fails_access_ok",
	  test_kernel_pointer_fails_access_ok },
	{ "get_put_user", test_get_put_user },
	{ "strings_and_clear", test_strings_and_clear },
	{ "highmem_user_pages", test_highmem_user_pages },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo context_tests[] = {
	{ "copy_to_user_under_spinlock", test_copy_to_user_under_spinlock },
	{ "get_user_under_spinlock", test_get_user_under_spinlock },
	{ "pagefault_disabled_is_silent_and_short",
	  test_pagefault_disabled_is_silent_and_short },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo space_tests[] = {
	{ "process_signals", test_process_signals },
	{ "munmap_splits", test_munmap_splits },
	{ "mm_references", test_mm_references },
	{ "copy_overflow_warns", test_copy_overflow_warns },
	{ "file_mapping", test_file_mapping },
	{ "raw_read_of_present_user_page_oopses",
	  test_raw_read_of_present_user_page_oopses },
	{ "raw_write_of_absent_user_page_oopses",
	  test_raw_write_of_absent_user_page_oopses },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "copy", NULL, NULL, NULL, NULL, copy_tests },
	{ "context", NULL, NULL, NULL, NULL, context_tests },
	{ "space", NULL, NULL, NULL, NULL, space_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
