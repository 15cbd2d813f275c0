// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/usercopy.c - the uaccess routines of linux/uaccess.h.
 *
 * Follows lib/usercopy.c, lib/strncpy_from_user.c, lib/strnlen_user.c,
 * mm/maccess.c and the x86-64 copy routines of 6.1 for the results; the
 * mechanics are kshim's: a user address is translated through
 * current->mm's simulated page table (compat/mm/pgtable.c) and the bytes
 * are copied through the frame's kernel address.  A page that is not
 * present (or read-only for a write) is a kernel-mode page fault on a
 * user address: with faulthandler_disabled() (pagefault_disable() or
 * atomic context) or without an mm the copy stops there (the exception
 * fixup), otherwise the area's fault handler runs under mmap_lock
 * (do_user_addr_fault()) and a failure stops the copy too.
 */
#include <limits.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

#include "mm/user_mm.h"

bool __kshim_user_range_ok(unsigned long addr, unsigned long size)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return false;
	/* 6.1's __access_ok() first: below TASK_SIZE_MAX, no wrap */
	if (size > TASK_SIZE_MAX || addr > TASK_SIZE_MAX - size)
		return false;
	return addr >= mm->kshim_base && addr <= mm->task_size &&
	       size <= mm->task_size - addr;
}

static void might_fault_at(const struct kshim_site *site)
{
	if (__kshim_pagefault_disabled())
		return;
	__kshim_might_sleep(site->file, site->line, site->func);
}

/*
 * Copy @n bytes between @kbuf and user address @uaddr of current->mm
 * (@to_user: into user memory): the number of bytes not copied.
 */
static unsigned long user_copy(void *kbuf, unsigned long uaddr,
			       unsigned long n, bool to_user)
{
	struct mm_struct *mm = current->mm;
	char *k = kbuf;

	/* the unchecked forms: kshim copies only user addresses */
	if (!n)
		return 0;
	if (!mm || !__kshim_user_range_ok(uaddr, 1))
		return n;
	while (n) {
		unsigned long chunk = min_t(unsigned long, n,
					    PAGE_SIZE - (uaddr & ~PAGE_MASK));
		void *u;

		if (!__kshim_user_range_ok(uaddr, chunk))
			break;
		u = kshim_user_map(mm, uaddr, to_user);
		if (!u) {
			/* the page fault; faulthandler_disabled(): fixup */
			if (faulthandler_disabled())
				break;
			if (kshim_user_fault(mm, uaddr, to_user, false))
				break;
			u = kshim_user_map(mm, uaddr, to_user);
			if (!u)
				break;
		}
		if (to_user)
			memcpy(u, k, chunk);
		else
			memcpy(k, u, chunk);
		kshim_user_unmap(u);
		k += chunk;
		uaddr += chunk;
		n -= chunk;
	}
	return n;
}

bool __kshim_check_copy_size(long objsize, unsigned long n,
			     const struct kshim_site *site)
{
	static bool warned_int_max;

	if (objsize >= 0 && (unsigned long)objsize < n) {
		/* mm/maccess.c __copy_overflow() */
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, "Buffer overflow detected (%d < %lu)!\n",
			     (int)objsize, n);
		return false;
	}
	if (n > INT_MAX) {
		if (!__atomic_exchange_n(&warned_int_max, true,
					 __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return false;
	}
	return true;
}

unsigned long __kshim_copy_from_user(void *to, const void __user *from,
				     unsigned long n, unsigned int how,
				     const struct kshim_site *site)
{
	unsigned long res = n;

	if (how & __KSHIM_UC_FAULT)
		might_fault_at(site);
	if (!(how & __KSHIM_UC_CHECK) ||
	    __kshim_user_range_ok((unsigned long)from, n))
		res = user_copy(to, (unsigned long)from, n, false);
	if ((how & __KSHIM_UC_ZERO) && res)
		memset((char *)to + (n - res), 0, res);
	return res;
}

unsigned long __kshim_copy_to_user(void __user *to, const void *from,
				   unsigned long n, unsigned int how,
				   const struct kshim_site *site)
{
	if (how & __KSHIM_UC_FAULT)
		might_fault_at(site);
	if ((how & __KSHIM_UC_CHECK) &&
	    !__kshim_user_range_ok((unsigned long)to, n))
		return n;
	return user_copy((void *)from, (unsigned long)to, n, true);
}

int __kshim_get_user(u64 *val, const void __user *ptr, unsigned int size,
		     bool check, const struct kshim_site *site)
{
	u64 v = 0;

	if (check)
		might_fault_at(site);
	if ((check && !__kshim_user_range_ok((unsigned long)ptr, size)) ||
	    user_copy(&v, (unsigned long)ptr, size, false)) {
		*val = 0;
		return -EFAULT;
	}
	*val = v;
	return 0;
}

int __kshim_put_user(u64 val, void __user *ptr, unsigned int size,
		     bool check, const struct kshim_site *site)
{
	if (check)
		might_fault_at(site);
	if (check && !__kshim_user_range_ok((unsigned long)ptr, size))
		return -EFAULT;
	return user_copy(&val, (unsigned long)ptr, size, true) ? -EFAULT : 0;
}

unsigned long __kshim_clear_user(void __user *to, unsigned long n,
				 bool check, const struct kshim_site *site)
{
	static const char zeroes[256];
	unsigned long addr = (unsigned long)to, left;

	if (check && !__kshim_user_range_ok(addr, n))
		return n;
	might_fault_at(site);
	while (n) {
		unsigned long chunk = min_t(unsigned long, n, sizeof(zeroes));

		left = user_copy((void *)zeroes, addr, chunk, true);
		n -= chunk - left;
		if (left)
			break;
		addr += chunk;
	}
	return n;
}

long __kshim_strncpy_from_user(char *dst, const char __user *src,
			       long count, const struct kshim_site *site)
{
	unsigned long addr = (unsigned long)src;
	long i;

	might_fault_at(site);
	if (count <= 0)
		return 0;
	if (!__kshim_user_range_ok(addr, 1))
		return -EFAULT;
	/* a page at a time would be faster; a byte is simpler */
	for (i = 0; i < count; i++) {
		if (user_copy(&dst[i], addr + i, 1, false))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}

long __kshim_strnlen_user(const char __user *str, long count,
			  const struct kshim_site *site)
{
	unsigned long addr = (unsigned long)str;
	long i;
	char c;

	might_fault_at(site);
	if (count <= 0)
		return 0;
	if (!__kshim_user_range_ok(addr, 1))
		return 0;
	for (i = 0; i < count; i++) {
		if (user_copy(&c, addr + i, 1, false))
			return 0;
		if (!c)
			return i + 1;
	}
	return count + 1;
}

int __kshim_check_zeroed_user(const void __user *from, size_t size,
			      const struct kshim_site *site)
{
	unsigned long addr = (unsigned long)from;
	char buf[256];
	size_t chunk;

	if (!size)
		return 1;
	might_fault_at(site);
	if (!__kshim_user_range_ok(addr, size))
		return -EFAULT;
	while (size) {
		chunk = min_t(size_t, size, sizeof(buf));
		if (user_copy(buf, addr, chunk, false))
			return -EFAULT;
		if (memchr_inv(buf, 0, chunk))
			return 0;
		addr += chunk;
		size -= chunk;
	}
	return 1;
}

int __kshim_copy_struct_from_user(void *dst, size_t ksize, long objsize,
				  const void __user *src, size_t usize,
				  const struct kshim_site *site)
{
	size_t size = min(ksize, usize);
	size_t rest = max(ksize, usize) - size;
	int ret;

	/* Double check if ksize is larger than a known object size. */
	if (objsize >= 0 && ksize > (size_t)objsize) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return -E2BIG;
	}
	if (usize < ksize) {
		memset((char *)dst + size, 0, rest);
	} else if (usize > ksize) {
		ret = __kshim_check_zeroed_user((const char __user *)src + size,
						rest, site);
		if (ret <= 0)
			return ret ?: -E2BIG;
	}
	if (__kshim_check_copy_size(objsize, size, site) &&
	    !__kshim_copy_from_user(dst, src, size,
				    __KSHIM_UC_CHECK | __KSHIM_UC_FAULT |
				    __KSHIM_UC_ZERO, site))
		return 0;
	return -EFAULT;
}

long __kshim_copy_to_user_nofault(void __user *dst, const void *src,
				  size_t size, const struct kshim_site *site)
{
	long ret = -EFAULT;

	if (__kshim_user_range_ok((unsigned long)dst, size)) {
		pagefault_disable();
		ret = user_copy((void *)src, (unsigned long)dst, size, true);
		pagefault_enable();
	}
	return ret ? -EFAULT : 0;
}

long __kshim_copy_from_user_nofault(void *dst, const void __user *src,
				    size_t size, const struct kshim_site *site)
{
	long ret = -EFAULT;

	if (__kshim_user_range_ok((unsigned long)src, size)) {
		pagefault_disable();
		ret = user_copy(dst, (unsigned long)src, size, false);
		pagefault_enable();
	}
	return ret ? -EFAULT : 0;
}
