/*
 * tests/mmap/mmap_common.h - a process, a struct file whose ->mmap the
 * test controls, and four pages of "driver" memory, for the tests of
 * compat/mm/memory.c.  The mapping is made with kshim_do_mmap() (the
 * device-node path of kshim/user.h is tested with the drivers).
 */
#ifndef _TESTS_MMAP_COMMON_H
#define _TESTS_MMAP_COMMON_H

#include <linux/fs.h>
#include <linux/mm.h>

struct kshim_proc;

extern struct kshim_proc *proc;
extern struct mm_struct *mm;
extern struct file tfile;
extern struct page *dpages[4];		/* filled with 'a', 'b', 'c', 'd' */
/* what the file's ->mmap sets as vm_ops, and then calls (if set) */
extern const struct vm_operations_struct *test_vm_ops;
extern int (*mmap_hook)(struct vm_area_struct *vma);

void mmap_setup(void);
void mmap_teardown(void);
/* kshim_do_mmap() of the file: the address (the test fails otherwise) */
unsigned long map(const struct vm_operations_struct *ops,
		  unsigned long pages, int prot, int flags,
		  unsigned long pgoff);
/* the same, returning what mmap() returns (an address or -errno) */
long try_map(const struct vm_operations_struct *ops, unsigned long pages,
	     int prot, int flags, unsigned long pgoff);
/* the page the PTE at @addr maps (NULL: none, or a pfn without one) */
struct page *page_at(unsigned long addr);

#endif /* _TESTS_MMAP_COMMON_H */
