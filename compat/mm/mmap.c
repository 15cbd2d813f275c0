// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/mmap.c - the areas of a simulated process's address space.
 *
 * Follows mm/mmap.c and mm/util.c of 6.1: find_vma()/vma_lookup(),
 * get_unmapped_area() (inside the mm's range, kshim's user space; the
 * lowest gap that fits, or the hint when it is free), do_mmap() for
 * anonymous and file mappings (vm_flags from prot and flags as
 * calc_vm_prot_bits()/calc_vm_flag_bits() and do_mmap() compute them,
 * VM_MAY* limited by the file's mode, then the file's ->mmap(file, vma);
 * when ->mmap fails the area is taken down again: pages it inserted are
 * zapped, the file reference dropped), do_munmap() (areas split or
 * shrunk as __split_vma() does: the new part gets its own file reference
 * and vm_ops->open; each removed part is zapped, then vm_ops->close and
 * fput as remove_vma()), vm_mmap()/vm_munmap() for kernel code (they take
 * mmap_lock themselves) and the system calls of compat/fs/internal.h.
 *
 * The kernel keeps areas in a maple tree; kshim keeps them on
 * mm->kshim_vmas sorted by address.  Areas are never merged.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>

#include "fs/internal.h"
#include "mm/pgtable.h"
#include "mm/user_mm.h"

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->kshim_vmas, kshim_node)
		if (addr < vma->vm_end)
			return vma;
	return NULL;
}

struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma && addr < vma->vm_start)
		vma = NULL;
	return vma;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		vma = NULL;
	return vma;
}

static void vma_insert(struct mm_struct *mm, struct vm_area_struct *new)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->kshim_vmas, kshim_node)
		if (vma->vm_start > new->vm_start)
			break;
	list_add_tail(&new->kshim_node, &vma->kshim_node);
	mm->map_count++;
	mm->total_vm += (new->vm_end - new->vm_start) >> PAGE_SHIFT;
}

static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->kshim_node);
	mm->map_count--;
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* The lowest free range of @len bytes in the mm's user space, or 0. */
static unsigned long unmapped_area(struct mm_struct *mm, unsigned long len)
{
	/* The first page stays unmapped, as mmap_min_addr keeps page 0. */
	unsigned long gap = mm->kshim_base + PAGE_SIZE;
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->kshim_vmas, kshim_node) {
		if (vma->vm_start >= gap && vma->vm_start - gap >= len)
			return gap;
		if (vma->vm_end > gap)
			gap = vma->vm_end;
	}
	if (gap <= mm->task_size && mm->task_size - gap >= len)
		return gap;
	return 0;
}

static bool range_in_space(struct mm_struct *mm, unsigned long addr,
			   unsigned long len)
{
	return addr >= mm->kshim_base && addr <= mm->task_size &&
	       len <= mm->task_size - addr;
}

/*
 * get_unmapped_area(): MAP_FIXED takes @addr as it is (page aligned,
 * inside the space); otherwise @addr is a hint used when free.
 */
static long get_area(struct mm_struct *mm, unsigned long addr,
		     unsigned long len, unsigned long flags)
{
	if (len > mm->task_size - mm->kshim_base)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (!range_in_space(mm, addr, len))
			return -ENOMEM;
		return addr;
	}
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (range_in_space(mm, addr, len) &&
		    !find_vma_intersection(mm, addr, addr + len))
			return addr;
	}
	addr = unmapped_area(mm, len);
	return addr ? (long)addr : -ENOMEM;
}

/* include/linux/mman.h */
static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

static unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return ((flags & MAP_GROWSDOWN) ? VM_GROWSDOWN : 0) |
	       ((flags & MAP_LOCKED) ? VM_LOCKED : 0) |
	       ((flags & MAP_SYNC) ? VM_SYNC : 0);
}

/* vm_get_page_prot(): x86-64's protection_map[] */
static pgprot_t page_prot_of(unsigned long vm_flags)
{
	switch (vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)) {
	case 0:
	case VM_SHARED:
		return PAGE_NONE;
	case VM_READ:
	case VM_WRITE:
	case VM_WRITE | VM_READ:
		return PAGE_COPY;		/* private: read-only PTEs */
	case VM_EXEC:
	case VM_EXEC | VM_READ:
	case VM_EXEC | VM_WRITE:
	case VM_EXEC | VM_WRITE | VM_READ:
		return PAGE_COPY_EXEC;
	case VM_SHARED | VM_READ:
		return PAGE_READONLY;
	case VM_SHARED | VM_WRITE:
	case VM_SHARED | VM_WRITE | VM_READ:
		return PAGE_SHARED;
	case VM_SHARED | VM_EXEC:
	case VM_SHARED | VM_EXEC | VM_READ:
		return PAGE_READONLY_EXEC;
	default:
		return PAGE_SHARED_EXEC;
	}
}

static struct vm_area_struct *vma_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = calloc(1, sizeof(*vma));

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->kshim_node);
	}
	return vma;
}

static void vma_set_flags(struct vm_area_struct *vma, unsigned long flags)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vma->__vm_flags = flags;
#else
	vma->vm_flags = flags;
#endif
}

/* remove_vma(): the area's pages are gone already. */
static void vma_remove(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	free(vma);
}

static void vma_get_file(struct file *file)
{
	atomic_long_inc(&file->f_count);	/* get_file() */
}

/*
 * __split_vma(): @vma becomes [vm_start, @addr) and a new area
 * [@addr, vm_end) follows it; the new one is returned (NULL: -ENOMEM).
 */
static struct vm_area_struct *vma_split(struct mm_struct *mm,
					struct vm_area_struct *vma,
					unsigned long addr)
{
	struct vm_area_struct *new = vma_alloc(mm);

	if (!new)
		return NULL;
	vma_unlink(mm, vma);
	memcpy(new, vma, sizeof(*new));
	INIT_LIST_HEAD(&new->kshim_node);
	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	vma_insert(mm, vma);
	vma_insert(mm, new);
	if (new->vm_file)
		vma_get_file(new->vm_file);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return new;
}

int kshim_do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *next, *tail;
	unsigned long end;
	LIST_HEAD(gone);

	if ((start & ~PAGE_MASK) || len > mm->task_size - mm->kshim_base ||
	    !range_in_space(mm, start, PAGE_ALIGN(len)))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = start + len;

	/* Split the areas at the ends of the range. */
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start) {
		vma = vma_split(mm, vma, start);
		if (!vma)
			return -ENOMEM;
	}
	tail = find_vma(mm, end - 1);
	if (tail && tail->vm_start < end && end < tail->vm_end &&
	    !vma_split(mm, tail, end))
		return -ENOMEM;

	/* Detach the areas inside, then zap, close and drop them. */
	list_for_each_entry_safe(vma, next, &mm->kshim_vmas, kshim_node) {
		if (vma->vm_start >= end)
			break;
		if (vma->vm_end <= start)
			continue;
		vma_unlink(mm, vma);
		list_add_tail(&vma->kshim_node, &gone);
	}
	list_for_each_entry_safe(vma, next, &gone, kshim_node) {
		list_del(&vma->kshim_node);
		kshim_zap_range(vma, vma->vm_start, vma->vm_end);
		vma_remove(vma);
	}
	return 0;
}

long kshim_do_mmap(struct mm_struct *mm, struct file *file,
		   unsigned long addr, unsigned long len, unsigned long prot,
		   unsigned long flags, unsigned long pgoff)
{
	unsigned long vm_flags;
	struct vm_area_struct *vma;
	long area;
	int err;

	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	/* offset overflow? */
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (file) {
		fmode_t mode = file->f_mode;

		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
		case MAP_SHARED_VALIDATE:
			if ((flags & MAP_TYPE) == MAP_SHARED_VALIDATE &&
			    (flags & ~(LEGACY_MAP_MASK |
				       file->f_op->mmap_supported_flags)))
				return -EOPNOTSUPP;
			if ((prot & PROT_WRITE) && !(mode & FMODE_WRITE))
				return -EACCES;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			if (!(mode & FMODE_WRITE))
				vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
			fallthrough;
		case MAP_PRIVATE:
			if (!(mode & FMODE_READ))
				return -EACCES;
			if (!file->f_op->mmap)
				return -ENODEV;
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			break;
		default:
			return -EINVAL;
		}
	} else {
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			pgoff = 0;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			break;
		default:
			return -EINVAL;
		}
	}

	area = get_area(mm, addr, len, flags);
	if (area < 0)
		return area;
	addr = area;
	/* an anonymous private area's pgoff is its address's (anon_vma) */
	if (!file && !(vm_flags & VM_SHARED))
		pgoff = addr >> PAGE_SHIFT;

	/* mmap_region(): what was mapped there goes first. */
	if (find_vma_intersection(mm, addr, addr + len)) {
		err = kshim_do_munmap(mm, addr, len);
		if (err)
			return err;
	}

	vma = vma_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma_set_flags(vma, vm_flags);
	vma->vm_page_prot = page_prot_of(vm_flags);
	vma->vm_pgoff = pgoff;

	if (file) {
		vma_get_file(file);
		vma->vm_file = file;
		/* inserted first, so that helpers find vma->vm_mm's area */
		vma_insert(mm, vma);
		err = file->f_op->mmap(file, vma);
		if (err) {
			/* unmap_region() + fput: undo what ->mmap did */
			vma_unlink(mm, vma);
			kshim_zap_range(vma, vma->vm_start, vma->vm_end);
			fput(vma->vm_file);
			free(vma);
			return err;
		}
	} else {
		vma_insert(mm, vma);
	}
	return addr;
}

void kshim_unmap_all(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	kshim_mmap_write_lock(mm);
	list_for_each_entry_safe(vma, next, &mm->kshim_vmas, kshim_node) {
		vma_unlink(mm, vma);
		kshim_zap_range(vma, vma->vm_start, vma->vm_end);
		vma_remove(vma);
	}
	kshim_mmap_write_unlock(mm);
}

/* mm/util.c: vm_mmap_pgoff() and vm_mmap() */
unsigned long vm_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flag, unsigned long offset)
{
	struct mm_struct *mm = current->mm;
	long ret;

	if (unlikely(offset + PAGE_ALIGN(len) < offset))
		return -EINVAL;
	if (unlikely(offset_in_page(offset)))
		return -EINVAL;
	if (!mm)
		return -ENOMEM;
	/* A fatal signal ends the wait for the lock (6.1 vm_mmap_pgoff()). */
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = kshim_do_mmap(mm, file, addr, len, prot, flag,
			    offset >> PAGE_SHIFT);
	kshim_mmap_write_unlock(mm);
	return ret;
}

int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (!mm)
		return -EINVAL;
	/* 6.1 __vm_munmap(): mmap_write_lock_killable() */
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = kshim_do_munmap(mm, start, len);
	kshim_mmap_write_unlock(mm);
	return ret;
}

/* arch/x86/kernel/sys_x86_64.c: sys_mmap() -> ksys_mmap_pgoff() */
long kshim_sys_mmap(unsigned long addr, unsigned long len,
		    unsigned long prot, unsigned long flags, unsigned int fd,
		    loff_t off)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	long ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!mm)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	kshim_mmap_write_lock(mm);
	ret = kshim_do_mmap(mm, file, addr, len, prot, flags,
			    (unsigned long)off >> PAGE_SHIFT);
	kshim_mmap_write_unlock(mm);
	if (file)
		fput(file);
	return ret;
}

int kshim_sys_munmap(unsigned long addr, size_t len)
{
	return vm_munmap(addr, len);
}
