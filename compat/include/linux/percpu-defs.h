/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/percpu-defs.h - per-CPU variables.
 *
 * Follows include/linux/percpu-defs.h and include/asm-generic/percpu.h of
 * 6.8 (CONFIG_SMP, CONFIG_DEBUG_PREEMPT), the minimal set:
 *  - DEFINE_PER_CPU(type, name) puts CPU 0's copy of @name in the
 *    "kshim_percpu" section (the kernel's .data..percpu); at boot every
 *    other CPU gets a copy of the whole section, initial values included,
 *    at __per_cpu_offset[cpu] from it (compat/arch/setup_percpu.c);
 *  - per_cpu_ptr(ptr, cpu) and per_cpu(var, cpu) reach any CPU's copy;
 *    raw_cpu_ptr() this CPU's without checks; this_cpu_ptr() goes
 *    through smp_processor_id(), so in preemptible code it reports as
 *    DEBUG_PREEMPT does ("BUG: using smp_processor_id() in preemptible");
 *  - get_cpu_var()/put_cpu_var(), get_cpu_ptr()/put_cpu_ptr() disable
 *    preemption around the access;
 *  - this_cpu_read/write/add/sub/inc/dec() are safe anywhere (one
 *    instruction on x86: no check); the __this_cpu_*() forms expect
 *    preemption off and report "BUG: using __this_cpu_<op>() in
 *    preemptible" otherwise; raw_cpu_*() never check.
 * No alloc_percpu() yet.  The macros use smp_processor_id() and the
 * preempt_*() calls, which, as in the kernel, come with linux/percpu.h.
 */
#ifndef _LINUX_PERCPU_DEFS_H
#define _LINUX_PERCPU_DEFS_H

#include <linux/compiler.h>
#include <linux/threads.h>

#define PER_CPU_BASE_SECTION	"kshim_percpu"

#define __PCPU_ATTRS(sec)						\
	__attribute__((__section__(PER_CPU_BASE_SECTION sec), __used__))

#define DECLARE_PER_CPU_SECTION(type, name, sec)			\
	extern __PCPU_ATTRS(sec) __typeof__(type) name
#define DEFINE_PER_CPU_SECTION(type, name, sec)				\
	__PCPU_ATTRS(sec) __typeof__(type) name

#define DECLARE_PER_CPU(type, name)	DECLARE_PER_CPU_SECTION(type, name, "")
#define DEFINE_PER_CPU(type, name)	DEFINE_PER_CPU_SECTION(type, name, "")
#define DECLARE_PER_CPU_ALIGNED(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_ALIGNED(type, name)				\
	DEFINE_PER_CPU(type, name) __aligned(64)
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name)			\
	DEFINE_PER_CPU(type, name) __aligned(64)
#define DECLARE_PER_CPU_READ_MOSTLY(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name)	DEFINE_PER_CPU(type, name)

/* Where each CPU's copy of the per-CPU section is, from CPU 0's. */
extern unsigned long __per_cpu_offset[NR_CPUS];
#define per_cpu_offset(x)	(__per_cpu_offset[x])

/* Integer arithmetic, as the kernel's RELOC_HIDE(): no pointer overflow. */
#define SHIFT_PERCPU_PTR(__p, __offset)					\
	((__typeof__(__p))((unsigned long)(__p) + (__offset)))

#define per_cpu_ptr(ptr, cpu)	SHIFT_PERCPU_PTR((ptr), per_cpu_offset((cpu)))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), cpu))
#define raw_cpu_ptr(ptr)	per_cpu_ptr(ptr, raw_smp_processor_id())
#define this_cpu_ptr(ptr)	per_cpu_ptr(ptr, smp_processor_id())

#define get_cpu_var(var)						\
(*({									\
	preempt_disable();						\
	this_cpu_ptr(&var);						\
}))
#define put_cpu_var(var)						\
do {									\
	(void)&(var);							\
	preempt_enable();						\
} while (0)
#define get_cpu_ptr(var)						\
({									\
	preempt_disable();						\
	this_cpu_ptr(var);						\
})
#define put_cpu_ptr(var)						\
do {									\
	(void)(var);							\
	preempt_enable();						\
} while (0)

#define raw_cpu_read(pcp)		(*raw_cpu_ptr(&(pcp)))
#define raw_cpu_write(pcp, val)		do { *raw_cpu_ptr(&(pcp)) = (val); } while (0)
#define raw_cpu_add(pcp, val)		do { *raw_cpu_ptr(&(pcp)) += (val); } while (0)
#define raw_cpu_sub(pcp, val)		raw_cpu_add(pcp, -(val))
#define raw_cpu_inc(pcp)		raw_cpu_add(pcp, 1)
#define raw_cpu_dec(pcp)		raw_cpu_sub(pcp, 1)

#define this_cpu_read(pcp)		raw_cpu_read(pcp)
#define this_cpu_write(pcp, val)	raw_cpu_write(pcp, val)
#define this_cpu_add(pcp, val)		raw_cpu_add(pcp, val)
#define this_cpu_sub(pcp, val)		raw_cpu_sub(pcp, val)
#define this_cpu_inc(pcp)		raw_cpu_inc(pcp)
#define this_cpu_dec(pcp)		raw_cpu_dec(pcp)

/* lib/smp_processor_id.c: "BUG: using __this_cpu_<op>() in preemptible" */
#define __this_cpu_preempt_check(op)					\
	((void)__kshim_debug_smp_processor_id(op, __KSHIM_CALLSITE))

#define __this_cpu_read(pcp)						\
({									\
	__this_cpu_preempt_check("read");				\
	raw_cpu_read(pcp);						\
})
#define __this_cpu_write(pcp, val)					\
do {									\
	__this_cpu_preempt_check("write");				\
	raw_cpu_write(pcp, val);					\
} while (0)
#define __this_cpu_add(pcp, val)					\
do {									\
	__this_cpu_preempt_check("add");				\
	raw_cpu_add(pcp, val);						\
} while (0)
#define __this_cpu_sub(pcp, val)	__this_cpu_add(pcp, -(val))
#define __this_cpu_inc(pcp)		__this_cpu_add(pcp, 1)
#define __this_cpu_dec(pcp)		__this_cpu_sub(pcp, 1)

#endif /* _LINUX_PERCPU_DEFS_H */
