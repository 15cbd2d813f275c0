/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/uaccess.h - user memory access: pagefault_disable() and the
 * uaccess routines (with x86-64's asm/uaccess.h parts).
 *
 * pagefault_disable(): follows include/linux/uaccess.h of 6.8 (4.2+
 * semantics): the count of pagefault_disable() is
 * current->pagefault_disabled, separate from preempt_count (so
 * in_atomic() does not change); it nests; pagefault_disabled() tells
 * whether it is raised; faulthandler_disabled() is that or in_atomic().
 * might_fault() does not report while page faults are disabled.  A
 * driver built for 2.6.28 - 4.1 gets the older form (include/linux/
 * uaccess.h of 2.6.35): pagefault_disable() is inc_preempt_count(), so
 * in_atomic() is true and might_sleep() reports inside it;
 * pagefault_disabled() and faulthandler_disabled() do not exist yet (4.2).
 *
 * The uaccess routines follow 6.1 (include/linux/uaccess.h,
 * arch/x86/include/asm/uaccess*.h, lib/usercopy.c, lib/strn*_user.c,
 * mm/maccess.c); compat/lib/usercopy.c implements them.  Each is a macro
 * passing the caller's position, so its reports name the driver's line:
 *  - copy_to_user()/copy_from_user() return the number of bytes NOT
 *    copied; copy_from_user() zero-fills that uncopied tail (the whole
 *    buffer when access_ok() fails).  Both first check the size against
 *    the kernel object's known size (check_copy_size(): WARN "Buffer
 *    overflow detected (%d < %lu)!", and n > INT_MAX: WARN_ON_ONCE; the
 *    copy is then refused, nothing zeroed) and are might_fault() points
 *    ("BUG: sleeping function called from invalid context" in atomic
 *    context, unless page faults are disabled).
 *  - __copy_to_user()/__copy_from_user(): might_fault(), no access_ok(),
 *    no zeroing; the _inatomic forms not even might_fault().
 *  - A user page that is not present faults in (the area's fault handler,
 *    a driver's ->fault, runs) unless faulthandler_disabled(): then the
 *    copy stops there and returns the remaining count, as the kernel's
 *    exception fixup does.
 *  - get_user()/put_user() (typed by the pointer): 0 or -EFAULT, and
 *    get_user() stores 0 in x on failure; might_fault() points.
 *    __get_user()/__put_user(): no range check, no might_fault() (6.1).
 *  - access_ok(addr, size), with the type argument (VERIFY_READ /
 *    VERIFY_WRITE) before 5.0; 6.1 x86 WARN_ON_ONCE()s when called
 *    outside task context with page faults enabled (WARN_ON_IN_IRQ,
 *    until 6.4).
 *  - clear_user(), strncpy_from_user(), strnlen_user(),
 *    check_zeroed_user(), copy_struct_from_user(), copy_to_user_nofault(),
 *    copy_from_user_nofault(), user_access_begin() and unsafe_*_user().
 *
 * kshim deviation: the simulated machine's kernel addresses are host
 * addresses, which lie below TASK_SIZE_MAX like user addresses do.  So a
 * user address is one inside current->mm's user range (compat/mm/
 * pgtable.h), and access_ok() also requires that: a kernel pointer
 * handed to copy_to_user() fails access_ok() as it does in the kernel
 * (where it is above TASK_SIZE_MAX), and a task without an mm has no
 * user addresses at all.  __get_user(), __copy_from_user() and the other
 * unchecked forms refuse (-EFAULT / nothing copied) an address outside
 * the range where the kernel would access kernel memory.
 *
 * A driver that dereferences a user pointer directly faults, as x86 with
 * SMAP makes it (compat/arch/fault.c: the kernel's oops text, naming the
 * driver's line): user addresses are never mapped on the host.
 */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/might_sleep.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/version.h>
#include <asm/bug.h>
#include <asm/page_types.h>
#include <kshim/site.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 2, 0)
/* Macros, so that an unbalanced enable names the driver's line. */
#define pagefault_disable()						\
do {									\
	preempt_count_inc();						\
	/* the store before a pagefault can hit */			\
	barrier();							\
} while (0)

#define pagefault_enable()						\
do {									\
	barrier();							\
	preempt_count_dec();						\
	barrier();							\
	preempt_check_resched();					\
} while (0)
#else

static __always_inline void pagefault_disabled_inc(void)
{
	current->pagefault_disabled++;
}

static __always_inline void pagefault_disabled_dec(void)
{
	current->pagefault_disabled--;
}

/*
 * These routines enable/disable the pagefault handler.  If disabled, it
 * will not take any locks and go straight to the fixup table.  User access
 * methods will not sleep when called from a pagefault_disabled()
 * environment.
 */
static inline void pagefault_disable(void)
{
	pagefault_disabled_inc();
	barrier();
}

static inline void pagefault_enable(void)
{
	barrier();
	pagefault_disabled_dec();
}

static inline bool pagefault_disabled(void)
{
	return current->pagefault_disabled != 0;
}

#define faulthandler_disabled() (pagefault_disabled() || in_atomic())
#endif /* LINUX_VERSION_CODE */


/* ---- the uaccess routines (compat/lib/usercopy.c) ---- */

/* @addr .. @addr + @size lies in current->mm's user range (see above). */
bool __kshim_user_range_ok(unsigned long addr, unsigned long size);

static inline int __access_ok(const void __user *ptr, unsigned long size)
{
	return __kshim_user_range_ok((unsigned long)ptr, size);
}

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
/* arch/x86/include/asm/uaccess.h, CONFIG_DEBUG_ATOMIC_SLEEP */
#define __KSHIM_WARN_ON_IN_IRQ()					\
	WARN_ON_ONCE(!in_task() && !__kshim_pagefault_disabled())
#else
#define __KSHIM_WARN_ON_IN_IRQ()	do { } while (0)
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 0, 0)
#define VERIFY_READ	0
#define VERIFY_WRITE	1
#define access_ok(type, addr, size)					\
({									\
	(void)(type);							\
	__KSHIM_WARN_ON_IN_IRQ();					\
	likely(__access_ok((const void __user *)(addr), (size)));	\
})
#define __kshim_access_ok(addr, size)	access_ok(VERIFY_READ, addr, size)
#else
#define access_ok(addr, size)						\
({									\
	__KSHIM_WARN_ON_IN_IRQ();					\
	likely(__access_ok((const void __user *)(addr), (size)));	\
})
#define __kshim_access_ok(addr, size)	access_ok(addr, size)
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 2, 0)
#define __kshim_pagefault_disabled()	in_atomic()
#else
#define __kshim_pagefault_disabled()	pagefault_disabled()
#endif

/*
 * The copies.  @check: access_ok() first; @fault: might_fault() first;
 * @zero: zero the uncopied tail (copy_from_user()); they return the
 * number of bytes not copied.
 */
#define __KSHIM_UC_CHECK	0x1
#define __KSHIM_UC_FAULT	0x2
#define __KSHIM_UC_ZERO		0x4
unsigned long __kshim_copy_from_user(void *to, const void __user *from,
				     unsigned long n, unsigned int how,
				     const struct kshim_site *site);
unsigned long __kshim_copy_to_user(void __user *to, const void *from,
				   unsigned long n, unsigned int how,
				   const struct kshim_site *site);
/* check_copy_size(): false (and a WARN) when the copy must not happen. */
bool __kshim_check_copy_size(long objsize, unsigned long n,
			     const struct kshim_site *site);

#define copy_from_user(to, from, n)					\
({									\
	void *__cfu_to = (to);						\
	unsigned long __cfu_n = (n);					\
	const struct kshim_site *__cfu_site = __KSHIM_CALLSITE;		\
									\
	if (__kshim_check_copy_size(__builtin_object_size(__cfu_to, 0),	\
				    __cfu_n, __cfu_site))		\
		__cfu_n = __kshim_copy_from_user(__cfu_to, (from),	\
				__cfu_n, __KSHIM_UC_CHECK |		\
				__KSHIM_UC_FAULT | __KSHIM_UC_ZERO,	\
				__cfu_site);				\
	__cfu_n;							\
})

#define copy_to_user(to, from, n)					\
({									\
	const void *__ctu_from = (from);				\
	unsigned long __ctu_n = (n);					\
	const struct kshim_site *__ctu_site = __KSHIM_CALLSITE;		\
									\
	if (__kshim_check_copy_size(__builtin_object_size(__ctu_from, 0), \
				    __ctu_n, __ctu_site))		\
		__ctu_n = __kshim_copy_to_user((to), __ctu_from,	\
				__ctu_n, __KSHIM_UC_CHECK |		\
				__KSHIM_UC_FAULT, __ctu_site);		\
	__ctu_n;							\
})

#define __copy_from_user(to, from, n)					\
	__kshim_copy_from_user((to), (from), (n), __KSHIM_UC_FAULT,	\
			       __KSHIM_CALLSITE)
#define __copy_to_user(to, from, n)					\
	__kshim_copy_to_user((to), (from), (n), __KSHIM_UC_FAULT,	\
			     __KSHIM_CALLSITE)
#define __copy_from_user_inatomic(to, from, n)				\
	__kshim_copy_from_user((to), (from), (n), 0, __KSHIM_CALLSITE)
#define __copy_to_user_inatomic(to, from, n)				\
	__kshim_copy_to_user((to), (from), (n), 0, __KSHIM_CALLSITE)
#define __copy_from_user_inatomic_nocache(to, from, n)			\
	__copy_from_user_inatomic(to, from, n)
#define raw_copy_from_user(to, from, n)	__copy_from_user_inatomic(to, from, n)
#define raw_copy_to_user(to, from, n)	__copy_to_user_inatomic(to, from, n)

/*
 * get_user()/put_user(): one value of the pointer's type.  The value
 * travels through a u64 (x86-64 handles 1, 2, 4 and 8 bytes).
 */
int __kshim_get_user(u64 *val, const void __user *ptr, unsigned int size,
		     bool check, const struct kshim_site *site);
int __kshim_put_user(u64 val, void __user *ptr, unsigned int size,
		     bool check, const struct kshim_site *site);

#define __kshim_get_user_x(x, ptr, check)				\
({									\
	u64 __gu_val = 0;						\
	int __gu_err;							\
									\
	BUILD_BUG_ON(sizeof(*(ptr)) != 1 && sizeof(*(ptr)) != 2 &&	\
		     sizeof(*(ptr)) != 4 && sizeof(*(ptr)) != 8);	\
	__gu_err = __kshim_get_user(&__gu_val, (ptr), sizeof(*(ptr)),	\
				    check, __KSHIM_CALLSITE);		\
	(x) = (__force __typeof__(*(ptr)))				\
		(__typeof__((*(ptr)) + 0))__gu_val;			\
	__gu_err;							\
})

#define __kshim_put_user_x(x, ptr, check)				\
({									\
	__typeof__(*(ptr)) __pu_val = (x);				\
	u64 __pu_raw = 0;						\
									\
	BUILD_BUG_ON(sizeof(*(ptr)) != 1 && sizeof(*(ptr)) != 2 &&	\
		     sizeof(*(ptr)) != 4 && sizeof(*(ptr)) != 8);	\
	__builtin_memcpy(&__pu_raw, &__pu_val, sizeof(__pu_val));	\
	__kshim_put_user(__pu_raw, (ptr), sizeof(*(ptr)), check,	\
			 __KSHIM_CALLSITE);				\
})

#define get_user(x, ptr)	__kshim_get_user_x(x, ptr, true)
#define put_user(x, ptr)	__kshim_put_user_x(x, ptr, true)
#define __get_user(x, ptr)	__kshim_get_user_x(x, ptr, false)
#define __put_user(x, ptr)	__kshim_put_user_x(x, ptr, false)

/* clear_user(): bytes not cleared; __clear_user() without access_ok(). */
unsigned long __kshim_clear_user(void __user *to, unsigned long n,
				 bool check, const struct kshim_site *site);
#define clear_user(to, n)						\
	__kshim_clear_user((to), (n), true, __KSHIM_CALLSITE)
#define __clear_user(to, n)						\
	__kshim_clear_user((to), (n), false, __KSHIM_CALLSITE)

/*
 * strncpy_from_user(): the string's length (without the NUL) when it is
 * shorter than @count, @count when it is not (dst then has no NUL), or
 * -EFAULT.  strnlen_user(): the length with the NUL, more than @count
 * when it is longer, 0 on a fault.
 */
long __kshim_strncpy_from_user(char *dst, const char __user *src,
			       long count, const struct kshim_site *site);
long __kshim_strnlen_user(const char __user *str, long count,
			  const struct kshim_site *site);
#define strncpy_from_user(dst, src, count)				\
	__kshim_strncpy_from_user((dst), (src), (count), __KSHIM_CALLSITE)
#define strnlen_user(str, count)					\
	__kshim_strnlen_user((str), (count), __KSHIM_CALLSITE)

/* 1 when all @size bytes at @from are zero, 0 when not, -EFAULT. */
int __kshim_check_zeroed_user(const void __user *from, size_t size,
			      const struct kshim_site *site);
#define check_zeroed_user(from, size)					\
	__kshim_check_zeroed_user((from), (size), __KSHIM_CALLSITE)

int __kshim_copy_struct_from_user(void *dst, size_t ksize, long objsize,
				  const void __user *src, size_t usize,
				  const struct kshim_site *site);
#define copy_struct_from_user(dst, ksize, src, usize)			\
	__kshim_copy_struct_from_user((dst), (ksize),			\
				      __builtin_object_size((dst), 1),	\
				      (src), (usize), __KSHIM_CALLSITE)

/* mm/maccess.c: never sleeps, never faults a page in; 0 or -EFAULT. */
long __kshim_copy_to_user_nofault(void __user *dst, const void *src,
				  size_t size, const struct kshim_site *site);
long __kshim_copy_from_user_nofault(void *dst, const void __user *src,
				    size_t size,
				    const struct kshim_site *site);
#define copy_to_user_nofault(dst, src, size)				\
	__kshim_copy_to_user_nofault((dst), (src), (size),		\
				     __KSHIM_CALLSITE)
#define copy_from_user_nofault(dst, src, size)				\
	__kshim_copy_from_user_nofault((dst), (src), (size),		\
				       __KSHIM_CALLSITE)

/* The user_access_begin() sections (include/linux/uaccess.h, generic). */
#define user_access_begin(ptr, len)	__kshim_access_ok(ptr, len)
#define user_access_end()		do { } while (0)
#define user_read_access_begin		user_access_begin
#define user_read_access_end		user_access_end
#define user_write_access_begin		user_access_begin
#define user_write_access_end		user_access_end
#define unsafe_op_wrap(op, err)	do { if (unlikely(op)) goto err; } while (0)
#define unsafe_get_user(x, p, e)	unsafe_op_wrap(__get_user(x, p), e)
#define unsafe_put_user(x, p, e)	unsafe_op_wrap(__put_user(x, p), e)
#define unsafe_copy_to_user(d, s, l, e)					\
	unsafe_op_wrap(__copy_to_user(d, s, l), e)
#define unsafe_copy_from_user(d, s, l, e)				\
	unsafe_op_wrap(__copy_from_user(d, s, l), e)
static inline unsigned long user_access_save(void) { return 0UL; }
static inline void user_access_restore(unsigned long flags) { }

/* What the kernel's linux/uaccess.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#endif /* __LINUX_UACCESS_H__ */
