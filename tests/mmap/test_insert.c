/*
 * test_insert - the driver mm helpers of mm/memory.c (6.1) as a driver's
 * ->mmap and ->fault use them (kernel-api-2.md §8, §10 H.57, H.58):
 * vm_insert_page(s), vm_map_pages(_zero), vmf_insert_page,
 * remap_pfn_range/io_remap_pfn_range/vm_iomap_memory, vmf_insert_pfn,
 * vmf_insert_mixed, zap_vma_ptes, remap_vmalloc_range: their return
 * values, the flags they set, the references they take, and their
 * BUG_ON/WARN_ON_ONCE checks naming the driver's line.
 */
#include <string.h>
#include <sys/mman.h>

#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pfn_t.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "common/expect_bug.h"
#include "mm/pgtable.h"
#include "mmap_common.h"

#define expect_report_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)

static int rets[8];

/* ---- vm_insert_page ---- */

static void *kbuf;
static struct page *anon_page, *tail_page;

static int insert_rules_mmap(struct vm_area_struct *vma)
{
	rets[0] = vm_insert_page(vma, vma->vm_start, dpages[0]);
	rets[1] = vm_insert_page(vma, vma->vm_start, dpages[1]);
	rets[2] = vm_insert_page(vma, vma->vm_end, dpages[1]);
	rets[3] = vm_insert_page(vma, vma->vm_start - PAGE_SIZE, dpages[1]);
	rets[4] = vm_insert_page(vma, vma->vm_start + PAGE_SIZE,
				 virt_to_page(kbuf));
	rets[5] = vm_insert_page(vma, vma->vm_start + PAGE_SIZE, anon_page);
	rets[6] = vm_insert_page(vma, vma->vm_start + PAGE_SIZE, tail_page);
	rets[7] = vm_insert_page(vma, vma->vm_start + PAGE_SIZE, dpages[1]);
	return 0;
}

/* §10 H.57: the -EFAULT/-EINVAL/-EBUSY rules and the reference taken. */
static void test_vm_insert_page_rules(void)
{
	struct page *block;
	unsigned long addr;
	long anon;
	char buf[2];

	mmap_setup();
	kbuf = kmalloc(64, GFP_KERNEL);
	block = alloc_pages(GFP_KERNEL, 1);	/* no __GFP_COMP */
	CU_ASSERT_FATAL(kbuf && block);
	tail_page = block + 1;			/* refcount 0 */
	anon = kshim_user_alloc(proc, PAGE_SIZE);
	CU_ASSERT_FATAL(anon > 0);
	CU_ASSERT_EQUAL(kshim_user_write(proc, anon, "A", 1), 0);
	anon_page = page_at(anon);
	CU_ASSERT_FATAL(anon_page && PageAnon(anon_page));

	mmap_hook = insert_rules_mmap;
	addr = map(NULL, 2, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(rets[0], 0);
	CU_ASSERT_EQUAL(rets[1], -EBUSY);	/* same address twice */
	CU_ASSERT_EQUAL(rets[2], -EFAULT);	/* vm_end */
	CU_ASSERT_EQUAL(rets[3], -EFAULT);	/* below vm_start */
	CU_ASSERT_EQUAL(rets[4], -EINVAL);	/* kmalloc: PageSlab */
	CU_ASSERT_EQUAL(rets[5], -EINVAL);	/* anonymous */
	CU_ASSERT_EQUAL(rets[6], -EINVAL);	/* refcount 0 */
	CU_ASSERT_EQUAL(rets[7], 0);
	CU_ASSERT_TRUE(vma_lookup(mm, addr)->vm_flags & VM_MIXEDMAP);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 2);	/* +1 each */
	CU_ASSERT_EQUAL(page_mapcount(dpages[0]), 1);
	CU_ASSERT_EQUAL(page_count(dpages[1]), 2);
	CU_ASSERT_EQUAL(page_count(anon_page), 1);	/* untouched */
	CU_ASSERT_EQUAL(page_count(tail_page), 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, buf, 1), 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, buf + 1, 1),
			0);
	CU_ASSERT_EQUAL(memcmp(buf, "ab", 2), 0);
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, 2 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 1);
	CU_ASSERT_EQUAL(page_mapcount(dpages[0]), 0);
	CU_ASSERT_EQUAL(page_count(dpages[1]), 1);
	kfree(kbuf);
	__free_pages(block, 1);
	mmap_teardown();
}

/* Outside ->mmap (mmap_lock only read-held): BUG_ON(mmap_read_trylock) */
static vm_fault_t insert_from_fault(struct vm_fault *vmf)
{
	vm_insert_page(vmf->vma, vmf->address, dpages[0]); /* LINE:fault_insert */
	return VM_FAULT_NOPAGE;
}

static const struct vm_operations_struct insert_fault_ops = {
	.fault = insert_from_fault,
};

static void test_vm_insert_page_from_fault_bugs(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&insert_fault_ops, 1, PROT_READ, MAP_SHARED, 0);
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "fault_insert");
	kshim_user_read(proc, addr, &c, 1);
	CU_FAIL("vm_insert_page without mmap_lock for write did not BUG");
}

/* VM_MIXEDMAP set in ->mmap: vmf_insert_page() from ->fault is fine. */
static vm_fault_t vmf_insert_page_fault(struct vm_fault *vmf)
{
	return vmf_insert_page(vmf->vma, vmf->address, dpages[vmf->pgoff]);
}

static const struct vm_operations_struct mixed_fault_ops = {
	.fault = vmf_insert_page_fault,
};

static int set_mixedmap(struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_MIXEDMAP);
	return 0;
}

static void test_vmf_insert_page_from_fault(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	mmap_hook = set_mixedmap;
	addr = map(&mixed_fault_ops, 2, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'b');
	CU_ASSERT_EQUAL(page_count(dpages[1]), 2);
	CU_ASSERT_EQUAL(page_mapcount(dpages[1]), 1);
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, 2 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(dpages[1]), 1);
	mmap_teardown();
}

static int insert_into_pfnmap(struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_PFNMAP);
	return vm_insert_page(vma, vma->vm_start, dpages[0]); /* LINE:pfnmap_insert */
}

static void test_vm_insert_page_pfnmap_bugs(void)
{
	mmap_setup();
	mmap_hook = insert_into_pfnmap;
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "pfnmap_insert");
	try_map(NULL, 1, PROT_READ, MAP_SHARED, 0);
	CU_FAIL("vm_insert_page into a VM_PFNMAP area did not BUG");
}

/* ---- vm_insert_pages, vm_map_pages ---- */

static unsigned long left;

static int insert_pages_mmap(struct vm_area_struct *vma)
{
	struct page *pages[4] = { dpages[0], dpages[1], virt_to_page(kbuf),
				  dpages[3] };
	unsigned long n = 4;

	rets[0] = vm_insert_pages(vma, vma->vm_start + PAGE_SIZE, pages, &n);
	rets[1] = n;				/* all 4 would pass vm_end */
	n = 4;
	rets[2] = vm_insert_pages(vma, vma->vm_start, pages, &n);
	left = n;
	return 0;
}

static void test_vm_insert_pages_partial(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	kbuf = kmalloc(100, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(kbuf);
	mmap_hook = insert_pages_mmap;
	addr = map(NULL, 4, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(rets[0], -EFAULT);
	CU_ASSERT_EQUAL(rets[1], 4);
	CU_ASSERT_EQUAL(rets[2], -EINVAL);
	CU_ASSERT_EQUAL(left, 2);		/* the slab page and the last */
	CU_ASSERT_EQUAL(page_count(dpages[0]), 2);
	CU_ASSERT_EQUAL(page_count(dpages[1]), 2);
	CU_ASSERT_EQUAL(page_count(dpages[3]), 1);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'b');
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, 4 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(dpages[1]), 1);
	kfree(kbuf);
	mmap_teardown();
}

static int map_pages_mmap(struct vm_area_struct *vma)
{
	return vm_map_pages(vma, dpages, 3);
}

static int map_pages_zero_mmap(struct vm_area_struct *vma)
{
	return vm_map_pages_zero(vma, dpages, 3);
}

/* vm_pgoff picks the first page; an object too small is -ENXIO. */
static void test_vm_map_pages(void)
{
	unsigned long addr;
	char buf[2];

	mmap_setup();
	mmap_hook = map_pages_mmap;
	addr = map(NULL, 2, PROT_READ, MAP_SHARED, 1);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, buf, 1), 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, buf + 1, 1),
			0);
	CU_ASSERT_EQUAL(memcmp(buf, "bc", 2), 0);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 1);
	CU_ASSERT_EQUAL(page_count(dpages[2]), 2);
	CU_ASSERT_EQUAL(try_map(NULL, 1, PROT_READ, MAP_SHARED, 3), -ENXIO);
	CU_ASSERT_EQUAL(try_map(NULL, 3, PROT_READ, MAP_SHARED, 1), -ENXIO);
	mmap_hook = map_pages_zero_mmap;
	addr = map(NULL, 3, PROT_READ, MAP_SHARED, 2);	/* pgoff ignored */
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, buf, 1), 0);
	CU_ASSERT_EQUAL(buf[0], 'a');
	CU_ASSERT_EQUAL(try_map(NULL, 4, PROT_READ, MAP_SHARED, 0), -ENXIO);
	CU_ASSERT_EQUAL(page_count(dpages[0]), 2);
	CU_ASSERT_EQUAL(page_count(dpages[2]), 3);	/* in both areas */
	CU_ASSERT_EQUAL(page_mapcount(dpages[2]), 2);
	mmap_teardown();
}

/* ---- remap_pfn_range ---- */

static unsigned long remap_pfn, remap_size;

static int remap_mmap(struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, remap_pfn,
			       remap_size ? remap_size :
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

/* §10 H.58: the flags, special PTEs (no reference), the data. */
static void test_remap_pfn_range(void)
{
	const unsigned long want = VM_IO | VM_PFNMAP | VM_DONTEXPAND |
				   VM_DONTDUMP;
	struct page *block;
	unsigned long addr;
	char buf[2];

	mmap_setup();
	block = alloc_pages(GFP_KERNEL, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	memset(page_address(block), 'x', 2 * PAGE_SIZE);
	((char *)page_address(block))[PAGE_SIZE] = 'y';
	remap_pfn = page_to_pfn(block);
	remap_size = 0;
	mmap_hook = remap_mmap;
	addr = map(NULL, 2, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(vma_lookup(mm, addr)->vm_flags & want, want);
	CU_ASSERT_FALSE(vma_lookup(mm, addr)->vm_flags & VM_MIXEDMAP);
	CU_ASSERT_TRUE(kshim_pte_read(mm, addr) & KSHIM_PTE_SPECIAL);
	CU_ASSERT_EQUAL(KSHIM_PTE_PFN(kshim_pte_read(mm, addr + PAGE_SIZE)),
			remap_pfn + 1);
	CU_ASSERT_EQUAL(page_count(block), 1);	/* no reference taken */
	CU_ASSERT_EQUAL(page_mapcount(block), 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, buf, 1), 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, buf + 1, 1),
			0);
	CU_ASSERT_EQUAL(memcmp(buf, "xy", 2), 0);
	CU_ASSERT_EQUAL(kshim_user_write(proc, addr + 1, "w", 1), 0);
	CU_ASSERT_EQUAL(((char *)page_address(block))[1], 'w');
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, 2 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(block), 1);	/* nothing dropped */
	__free_pages(block, 1);
	mmap_teardown();
}

/* A private writable (COW) mapping must be remapped whole. */
static void test_remap_pfn_range_cow(void)
{
	unsigned long addr;

	mmap_setup();
	remap_pfn = page_to_pfn(dpages[0]);
	remap_size = PAGE_SIZE;
	mmap_hook = remap_mmap;
	CU_ASSERT_EQUAL(try_map(NULL, 2, PROT_READ, MAP_PRIVATE, 0), -EINVAL);
	addr = map(NULL, 1, PROT_READ, MAP_PRIVATE, 0);
	CU_ASSERT_EQUAL(vma_lookup(mm, addr)->vm_pgoff, remap_pfn);
	/* shared: a part is fine */
	addr = map(NULL, 2, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_TRUE(kshim_pte_read(mm, addr) != 0);
	CU_ASSERT_EQUAL(kshim_pte_read(mm, addr + PAGE_SIZE), 0);
	mmap_teardown();
}

static int remap_zero_mmap(struct vm_area_struct *vma)
{
	pgprot_t prot = vma->vm_page_prot;

	return remap_pfn_range(vma, vma->vm_start, remap_pfn, 0, prot); /* LINE:remap_zero */
}

static void test_remap_pfn_range_size_zero_bugs(void)
{
	mmap_setup();
	remap_pfn = page_to_pfn(dpages[0]);
	mmap_hook = remap_zero_mmap;
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "remap_zero");
	try_map(NULL, 1, PROT_READ, MAP_SHARED, 0);
	CU_FAIL("remap_pfn_range of size 0 did not BUG");
}

static int remap_twice_mmap(struct vm_area_struct *vma)
{
	unsigned long a = vma->vm_start;
	pgprot_t prot = vma->vm_page_prot;

	remap_pfn_range(vma, a, remap_pfn, PAGE_SIZE, prot);
	return io_remap_pfn_range(vma, a, remap_pfn, PAGE_SIZE, prot); /* LINE:remap_twice */
}

/* BUG_ON(!pte_none(*pte)): something is mapped there already. */
static void test_remap_pfn_range_over_pte_bugs(void)
{
	mmap_setup();
	remap_pfn = page_to_pfn(dpages[0]);
	mmap_hook = remap_twice_mmap;
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "remap_twice");
	try_map(NULL, 1, PROT_READ, MAP_SHARED, 0);
	CU_FAIL("remap_pfn_range over a PTE did not BUG");
}

static int remap_unaligned_mmap(struct vm_area_struct *vma)
{
	unsigned long a = vma->vm_start + 8;
	pgprot_t prot = vma->vm_page_prot;

	rets[0] = remap_pfn_range(vma, a, remap_pfn, PAGE_SIZE, prot); /* LINE:remap_unaligned */
	rets[1] = remap_pfn_range(vma, a, remap_pfn, PAGE_SIZE, prot);
	return 0;
}

/* WARN_ON_ONCE(!PAGE_ALIGNED(addr)) and -EINVAL, every time. */
static void test_remap_pfn_range_unaligned_warns(void)
{
	unsigned long addr;

	mmap_setup();
	remap_pfn = page_to_pfn(dpages[0]);
	mmap_hook = remap_unaligned_mmap;
	expect_report_at(KSHIM_REPORT_WARNING, " at ", "remap_unaligned");
	addr = map(NULL, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(rets[0], -EINVAL);
	CU_ASSERT_EQUAL(rets[1], -EINVAL);
	CU_ASSERT_EQUAL(kshim_pte_read(mm, addr), 0);
	mmap_teardown();
}

/*
 * A pfn outside RAM (device memory) is mapped as the kernel would; the
 * process reading it gets SIGBUS: kshim has nothing behind it.
 */
static void test_remap_pfn_outside_ram(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	remap_pfn = 0xfee00;			/* the local APIC's page */
	CU_ASSERT_FALSE(pfn_valid(remap_pfn));
	remap_size = 0;
	mmap_hook = remap_mmap;
	addr = map(NULL, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(KSHIM_PTE_PFN(kshim_pte_read(mm, addr)), remap_pfn);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), KSHIM_SIGBUS);
	mmap_teardown();
}

static int iomap_mmap(struct vm_area_struct *vma)
{
	return vm_iomap_memory(vma, PFN_PHYS(remap_pfn), 2 * PAGE_SIZE);
}

static void test_vm_iomap_memory(void)
{
	struct page *block;
	unsigned long addr;
	char c;

	mmap_setup();
	block = alloc_pages(GFP_KERNEL, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	((char *)page_address(block))[PAGE_SIZE] = 'q';
	remap_pfn = page_to_pfn(block);
	mmap_hook = iomap_mmap;
	addr = map(NULL, 1, PROT_READ, MAP_SHARED, 1);	/* 2nd page */
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'q');
	CU_ASSERT_EQUAL(try_map(NULL, 2, PROT_READ, MAP_SHARED, 1), -EINVAL);
	CU_ASSERT_EQUAL(try_map(NULL, 1, PROT_READ, MAP_SHARED, 3), -EINVAL);
	mmap_teardown();
	__free_pages(block, 1);
}

/* ---- vmf_insert_pfn, vmf_insert_mixed, zap_vma_ptes ---- */

static vm_fault_t pfn_fault(struct vm_fault *vmf)
{
	unsigned long pfn = page_to_pfn(dpages[vmf->pgoff]);

	return vmf_insert_pfn(vmf->vma, vmf->address, pfn); /* LINE:insert_pfn */
}

static const struct vm_operations_struct pfn_ops = {
	.fault = pfn_fault,
};

static int set_pfnmap(struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO | VM_PFNMAP);
	return 0;
}

static void test_vmf_insert_pfn(void)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	char c;

	mmap_setup();
	mmap_hook = set_pfnmap;
	addr = map(&pfn_ops, 2, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + PAGE_SIZE, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'b');
	CU_ASSERT_TRUE(kshim_pte_read(mm, addr + PAGE_SIZE) &
		       KSHIM_PTE_SPECIAL);
	CU_ASSERT_EQUAL(page_count(dpages[1]), 1);
	CU_ASSERT_EQUAL(page_mapcount(dpages[1]), 0);
	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	/* outside the area: SIGBUS; over a PTE: left alone, NOPAGE */
	CU_ASSERT_EQUAL(vmf_insert_pfn(vma, vma->vm_end, 1), VM_FAULT_SIGBUS);
	CU_ASSERT_EQUAL(vmf_insert_pfn(vma, addr + PAGE_SIZE,
				       page_to_pfn(dpages[3])),
			VM_FAULT_NOPAGE);
	CU_ASSERT_EQUAL(KSHIM_PTE_PFN(kshim_pte_read(mm, addr + PAGE_SIZE)),
			page_to_pfn(dpages[1]));
	mmap_read_unlock(mm);
	/* zap_vma_ptes(): the PTE goes, the next touch faults again */
	zap_vma_ptes(vma, addr, 2 * PAGE_SIZE);
	CU_ASSERT_EQUAL(kshim_pte_read(mm, addr + PAGE_SIZE), 0);
	mmap_teardown();
}

static void test_vmf_insert_pfn_plain_area_bugs(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	addr = map(&pfn_ops, 1, PROT_READ, MAP_SHARED, 0);
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "insert_pfn");
	kshim_user_read(proc, addr, &c, 1);
	CU_FAIL("vmf_insert_pfn without VM_PFNMAP/VM_MIXEDMAP did not BUG");
}

static vm_fault_t mixed_fault(struct vm_fault *vmf)
{
	return vmf_insert_mixed(vmf->vma, vmf->address,
				pfn_to_pfn_t(page_to_pfn(dpages[2])));
}

static const struct vm_operations_struct mixed_ops = {
	.fault = mixed_fault,
};

/* x86 has pte_special: a special PTE even for a RAM pfn, no reference. */
static void test_vmf_insert_mixed(void)
{
	unsigned long addr;
	char c;

	mmap_setup();
	mmap_hook = set_mixedmap;
	addr = map(&mixed_ops, 1, PROT_READ, MAP_SHARED, 0);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'c');
	CU_ASSERT_TRUE(kshim_pte_read(mm, addr) & KSHIM_PTE_SPECIAL);
	CU_ASSERT_EQUAL(page_count(dpages[2]), 1);
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(dpages[2]), 1);
	mmap_teardown();
}

/* ---- remap_vmalloc_range ---- */

static void *vbuf;

static int vmalloc_mmap(struct vm_area_struct *vma)
{
	return remap_vmalloc_range(vma, vbuf, vma->vm_pgoff);
}

/* Only vmalloc_user() (VM_USERMAP) memory: -EINVAL for the rest. */
static void test_remap_vmalloc_range(void)
{
	unsigned long addr;
	struct vm_area_struct *vma;
	char c;

	mmap_setup();
	mmap_hook = vmalloc_mmap;
	vbuf = vmalloc_user(2 * PAGE_SIZE);
	CU_ASSERT_PTR_NOT_NULL_FATAL(vbuf);
	((char *)vbuf)[PAGE_SIZE + 7] = 'v';
	addr = map(NULL, 1, PROT_READ, MAP_SHARED, 1);
	CU_ASSERT_EQUAL(kshim_user_read(proc, addr + 7, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 'v');
	vma = vma_lookup(mm, addr);
	CU_ASSERT_EQUAL(vma->vm_flags & (VM_DONTEXPAND | VM_DONTDUMP |
					 VM_MIXEDMAP),
			VM_DONTEXPAND | VM_DONTDUMP | VM_MIXEDMAP);
	CU_ASSERT_EQUAL(page_count(vmalloc_to_page(vbuf + PAGE_SIZE)), 2);
	/* past the area's end */
	CU_ASSERT_EQUAL(try_map(NULL, 2, PROT_READ, MAP_SHARED, 1), -EINVAL);
	CU_ASSERT_EQUAL(kshim_munmap(proc, addr, PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_count(vmalloc_to_page(vbuf + PAGE_SIZE)), 1);
	vfree(vbuf);

	vbuf = vmalloc(PAGE_SIZE);		/* not VM_USERMAP */
	CU_ASSERT_PTR_NOT_NULL_FATAL(vbuf);
	CU_ASSERT_EQUAL(try_map(NULL, 1, PROT_READ, MAP_SHARED, 0), -EINVAL);
	vfree(vbuf);
	vbuf = kmalloc(PAGE_SIZE, GFP_KERNEL);	/* not vmalloc at all */
	CU_ASSERT_PTR_NOT_NULL_FATAL(vbuf);
	CU_ASSERT_EQUAL(try_map(NULL, 1, PROT_READ, MAP_SHARED, 0), -EINVAL);
	kfree(vbuf);
	mmap_teardown();
}

static CU_TestInfo tests[] = {
	{ "vm_insert_page rules", test_vm_insert_page_rules },
	{ "vm_insert_page from ->fault BUGs",
	  test_vm_insert_page_from_fault_bugs },
	{ "vmf_insert_page from ->fault", test_vmf_insert_page_from_fault },
	{ "vm_insert_page into VM_PFNMAP BUGs",
	  test_vm_insert_page_pfnmap_bugs },
	{ "vm_insert_pages stops at the first error",
	  test_vm_insert_pages_partial },
	{ "vm_map_pages and vm_map_pages_zero", test_vm_map_pages },
	{ "remap_pfn_range", test_remap_pfn_range },
	{ "remap_pfn_range of a COW mapping", test_remap_pfn_range_cow },
	{ "remap_pfn_range of size 0 BUGs",
	  test_remap_pfn_range_size_zero_bugs },
	{ "remap_pfn_range over a PTE BUGs",
	  test_remap_pfn_range_over_pte_bugs },
	{ "remap_pfn_range unaligned warns once",
	  test_remap_pfn_range_unaligned_warns },
	{ "remap_pfn_range outside RAM: SIGBUS on access",
	  test_remap_pfn_outside_ram },
	{ "vm_iomap_memory", test_vm_iomap_memory },
	{ "vmf_insert_pfn", test_vmf_insert_pfn },
	{ "vmf_insert_pfn into a plain area BUGs",
	  test_vmf_insert_pfn_plain_area_bugs },
	{ "vmf_insert_mixed", test_vmf_insert_mixed },
	{ "remap_vmalloc_range", test_remap_vmalloc_range },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "insert", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
