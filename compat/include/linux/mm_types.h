/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mm_types.h - struct page.
 *
 * Follows include/linux/mm_types.h of 6.8 on x86_64: 64 bytes, the same
 * field names and unions (flags, lru/buddy_list, mapping, index, private,
 * compound_head for tail pages, _mapcount/page_type, _refcount).  The last
 * word, memcg_data in the kernel, is the WANT_PAGE_VIRTUAL "virtual"
 * field here: kshim keeps the kmap address of a highmem page in it.
 *
 * The reference count is "atomic_t _count" before 4.6 (2.6.35:
 * include/linux/mm_types.h; renamed by "mm: rename _count, field of the
 * struct page, to _refcount") and "_refcount" from 4.6 on: a driver sees
 * only its version's name (LINUX_VERSION_CODE), so code touching the
 * other one does not build.  Both share one word, also reachable as
 * __kshim_refcount, which kshim's own inlines use whatever the version.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/build_bug.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/version.h>
#include <asm/pgtable_types.h>

struct address_space;

struct page {
	unsigned long flags;		/* atomic bits, see page-flags.h */
	union {
		struct {	/* page cache, anonymous and buddy pages */
			union {
				struct list_head lru;
				struct list_head buddy_list;
				struct list_head pcp_list;
			};
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
		};
		struct {	/* tail pages of a compound page */
			unsigned long compound_head;	/* bit zero is set */
		};
	};
	union {
		atomic_t _mapcount;	/* -1: not mapped */
		unsigned int page_type;	/* buddy, ... (see page-flags.h) */
	};
	union {
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 6, 0)
		atomic_t _count;	/* use page_count(), get/put_page() */
#else
		atomic_t _refcount;	/* use the page_ref_*() accessors */
#endif
		atomic_t __kshim_refcount;	/* the same, for kshim */
	};
	void *virtual;			/* kmap address, NULL if not kmapped */
};

static_assert(sizeof(struct page) == 64, "struct page is 64 bytes");

/*
 * Only now: rwsem.h brings in headers whose inlines need struct page
 * complete (this header is the first page-flags.h includes).
 */
#include <linux/rwsem.h>

/*
 * A page fault handler's result (6.1 include/linux/mm_types.h): a bitwise
 * type from 4.17 on; before, ->fault returned an int of the same bits.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 17, 0)
typedef __bitwise unsigned int vm_fault_t;
#endif

/*
 * Why a fault happens (6.1 enum fault_flag, include/linux/mm_types.h).
 * 2.6.35 had three flags, MKWRITE at another bit (include/linux/mm.h).
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37)
#define FAULT_FLAG_WRITE	0x01	/* Fault was a write access */
#define FAULT_FLAG_NONLINEAR	0x02	/* Fault was via a nonlinear mapping */
#define FAULT_FLAG_MKWRITE	0x04	/* Fault was mkwrite of existing pte */
#else
enum fault_flag {
	FAULT_FLAG_WRITE =		1 << 0,
	FAULT_FLAG_MKWRITE =		1 << 1,
	FAULT_FLAG_ALLOW_RETRY =	1 << 2,
	FAULT_FLAG_RETRY_NOWAIT =	1 << 3,
	FAULT_FLAG_KILLABLE =		1 << 4,
	FAULT_FLAG_TRIED =		1 << 5,
	FAULT_FLAG_USER =		1 << 6,
	FAULT_FLAG_REMOTE =		1 << 7,
	FAULT_FLAG_INSTRUCTION =	1 << 8,
	FAULT_FLAG_INTERRUPTIBLE =	1 << 9,
	FAULT_FLAG_UNSHARE =		1 << 10,
	FAULT_FLAG_ORIG_PTE_VALID =	1 << 11,
};
#endif

/*
 * What a fault handler returns (6.1 enum vm_fault_reason): vm_fault_t
 * from 4.17, a plain int before with the same bits.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 17, 0)
#define __KSHIM_VMF_T	vm_fault_t
#define __KSHIM_VMF(x)	((__force vm_fault_t)(x))
#else
#define __KSHIM_VMF_T	int
#define __KSHIM_VMF(x)	(x)
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37)
#define VM_FAULT_MINOR		0	/* For backwards compat. */
#endif
#define VM_FAULT_OOM		__KSHIM_VMF(0x000001)
#define VM_FAULT_SIGBUS		__KSHIM_VMF(0x000002)
#define VM_FAULT_MAJOR		__KSHIM_VMF(0x000004)
#define VM_FAULT_WRITE		__KSHIM_VMF(0x000008)
#define VM_FAULT_HWPOISON	__KSHIM_VMF(0x000010)
#define VM_FAULT_HWPOISON_LARGE	__KSHIM_VMF(0x000020)
#define VM_FAULT_SIGSEGV	__KSHIM_VMF(0x000040)
#define VM_FAULT_NOPAGE		__KSHIM_VMF(0x000100)
#define VM_FAULT_LOCKED		__KSHIM_VMF(0x000200)
#define VM_FAULT_RETRY		__KSHIM_VMF(0x000400)
#define VM_FAULT_FALLBACK	__KSHIM_VMF(0x000800)
#define VM_FAULT_DONE_COW	__KSHIM_VMF(0x001000)
#define VM_FAULT_NEEDDSYNC	__KSHIM_VMF(0x002000)
#define VM_FAULT_COMPLETED	__KSHIM_VMF(0x004000)
#define VM_FAULT_HINDEX_MASK	__KSHIM_VMF(0x0f0000)
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS |		\
			 VM_FAULT_SIGSEGV | VM_FAULT_HWPOISON |		\
			 VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

struct file;
struct mm_struct;
struct vm_operations_struct;

typedef unsigned long vm_flags_t;	/* VM_* of linux/mm.h */

/*
 * A user mapping (6.1 struct vm_area_struct, the fields drivers use).
 * vm_flags is writable up to 6.2; 6.3 made it const with vm_flags_set()
 * and vm_flags_clear() (linux/mm.h), so a driver sees its version's rule.
 * kshim keeps an mm's areas on a list sorted by address (the kernel uses
 * a maple tree from 6.1, an rbtree and vm_next list before).
 */
struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after */
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	union {
		const unsigned long vm_flags;
		unsigned long __vm_flags;
	};
#else
	unsigned long vm_flags;
#endif
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* offset in PAGE_SIZE units */
	struct file *vm_file;
	void *vm_private_data;
	/* kshim: the mm's list of areas, by address */
	struct list_head kshim_node;
};

/*
 * A simulated process's address space (6.1 struct mm_struct: mmap_lock,
 * mm_users, mm_count, the fields drivers read).  User addresses are host
 * addresses inside a range kshim reserves for the mm and never makes
 * accessible to kernel code (compat/mm/pgtable.h): a driver that
 * dereferences one faults, as with SMAP; uaccess goes through the
 * simulated page table instead.
 */
struct mm_struct {
	/*
	 * "mmap_sem" before 5.8 (down_read(&mm->mmap_sem)), "mmap_lock"
	 * (linux/mmap_lock.h) from 5.8 on: a driver sees its version's name;
	 * kshim's own code uses __kshim_mmap_lock whatever the version.
	 */
	union {
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 8, 0)
		struct rw_semaphore mmap_sem;
#else
		struct rw_semaphore mmap_lock;
#endif
		struct rw_semaphore __kshim_mmap_lock;
	};
	atomic_t mm_users;		/* mmget()/mmput() */
	atomic_t mm_count;		/* mmgrab()/mmdrop() */
	unsigned long task_size;	/* end of the user range */
	int map_count;			/* number of areas */
	unsigned long total_vm;		/* pages mapped */
	/* kshim: */
	unsigned long kshim_base;	/* first user address */
	struct list_head kshim_vmas;	/* vm_area_structs by address */
	spinlock_t page_table_lock;	/* the simulated page table */
	void *kshim_pgtable;		/* compat/mm/pgtable.c */
	struct list_head kshim_node;	/* every live mm (fault.c lookup) */
};

static inline unsigned long page_private(const struct page *page)
{
	return page->private;
}

static inline void set_page_private(struct page *page, unsigned long private)
{
	page->private = private;
}

/* What the kernel's linux/mm_types.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/completion.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/rbtree.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

#endif /* _LINUX_MM_TYPES_H */
