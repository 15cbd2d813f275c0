/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/compiler.h - branch hints, barriers, READ_ONCE()/WRITE_ONCE() and
 * the other compiler-facing helpers of include/linux/compiler.h and
 * asm-generic/rwonce.h (6.x).
 *
 * READ_ONCE()/WRITE_ONCE() are relaxed __atomic loads/stores rather than
 * volatile accesses: the generated code is the same single load/store on
 * x86-64, but ThreadSanitizer sees a marked (atomic) access and does not
 * report it as a data race - the kernel's KCSAN treats them the same way.
 * As in the kernel, only 1, 2, 4 and 8-byte objects are accepted; other
 * sizes fail to build.  ACCESS_ONCE() (pre-4.15 kernels) must remain an
 * lvalue, so it stays a volatile access.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define likely_notrace(x)	likely(x)
#define unlikely_notrace(x)	unlikely(x)

/* Stop the compiler from moving memory accesses across this point. */
#define barrier()		__asm__ __volatile__("" : : : "memory")
/* As barrier(), and the object at @ptr counts as read and written. */
#define barrier_data(ptr)	__asm__ __volatile__("" : : "r"(ptr) : "memory")

/* Make the compiler forget what it knows about @var's value. */
#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))

/* Reads that race on purpose (KCSAN's data_race()). */
#define data_race(expr)		(expr)

#define is_signed_type(type)	(((type)(-1)) < (__force type)1)
#define is_unsigned_type(type)	(!is_signed_type(type))

/* 0 if @a is an array; a build error if it is a pointer. */
#define __must_be_array(a)						\
	__kshim_check_zero(!__same_type((a), &(a)[0]),			\
			   "__must_be_array(): argument is a pointer, "	\
			   "not an array")

#define compiletime_assert_rwonce_type(t)				\
	compiletime_assert(__native_word(t) ||				\
			   sizeof(t) == sizeof(long long),		\
			   "Unsupported access size for "		\
			   "{READ,WRITE}_ONCE().")

/*
 * The temporary is named by the caller (a __UNIQUE_ID) so that nested uses
 * such as READ_ONCE(p[READ_ONCE(i)]) do not shadow each other.
 */
#define __kshim_read_once(x, tmp)					\
({									\
	__unqual_scalar_typeof(x) tmp;					\
									\
	compiletime_assert_rwonce_type(x);				\
	__atomic_load(&(x), &tmp, __ATOMIC_RELAXED);			\
	tmp;								\
})

#define __kshim_write_once(x, val, tmp)					\
do {									\
	__unqual_scalar_typeof(x) tmp = (val);				\
									\
	compiletime_assert_rwonce_type(x);				\
	__atomic_store(&(x), &tmp, __ATOMIC_RELAXED);			\
} while (0)

#define READ_ONCE(x)		__kshim_read_once(x, __UNIQUE_ID(read_once_))
#define WRITE_ONCE(x, val)						\
	__kshim_write_once(x, val, __UNIQUE_ID(write_once_))
#define __READ_ONCE(x)		READ_ONCE(x)
#define __WRITE_ONCE(x, val)	WRITE_ONCE(x, val)
#define READ_ONCE_NOCHECK(x)	READ_ONCE(x)

#define ACCESS_ONCE(x)		(*(volatile __typeof__(x) *)&(x))

/* What the kernel's linux/compiler.h also makes visible. */
#include <linux/types.h>

#endif /* _LINUX_COMPILER_H */
