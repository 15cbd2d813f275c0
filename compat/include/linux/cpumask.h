/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/cpumask.h - sets of CPUs: struct cpumask and the machine's masks.
 *
 * Follows include/linux/cpumask.h of 6.1 (a fixed-size mask,
 * !CONFIG_CPUMASK_OFFSTACK): a struct cpumask is a bitmap of NR_CPUS bits
 * of which nr_cpu_ids (= nr_cpumask_bits) count; the operations work on
 * those bits, searches return >= nr_cpu_ids for "none".  6.8 computes the
 * same results for NR_CPUS <= BITS_PER_LONG, kshim's case.
 *
 * The machine's masks: kshim's simulated CPUs (KSHIM_CPUS, one host thread
 * each, see compat/kernel/cpu.c) are all possible, present, online and
 * active from boot to the end, numbered 0 to nr_cpu_ids - 1: the boot sets
 * cpu_possible_mask, cpu_present_mask, cpu_online_mask and cpu_active_mask
 * to those bits, cpu_dying_mask is empty.  There is no CPU hotplug (see
 * linux/cpu.h), so they never change while a test runs.
 *
 * kshim difference: cpumask_test_cpu() (and so cpu_online() ...) of a CPU
 * number >= NR_CPUS is false instead of a read past the mask.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/kernel.h>
#include <linux/threads.h>
#include <linux/bitmap.h>
#include <linux/find.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/gfp_types.h>
#include <linux/numa.h>

/* Don't assign or return these: may not be this big! */
typedef struct cpumask { DECLARE_BITMAP(bits, NR_CPUS); } cpumask_t;

#define cpumask_bits(maskp)	((maskp)->bits)
#define cpumask_pr_args(maskp)	nr_cpu_ids, cpumask_bits(maskp)

extern unsigned int nr_cpu_ids;

/* Deprecated. Always use nr_cpu_ids. */
#define nr_cpumask_bits	nr_cpu_ids

extern struct cpumask __cpu_possible_mask;
extern struct cpumask __cpu_online_mask;
extern struct cpumask __cpu_present_mask;
extern struct cpumask __cpu_active_mask;
extern struct cpumask __cpu_dying_mask;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask   ((const struct cpumask *)&__cpu_online_mask)
#define cpu_present_mask  ((const struct cpumask *)&__cpu_present_mask)
#define cpu_active_mask   ((const struct cpumask *)&__cpu_active_mask)
#define cpu_dying_mask    ((const struct cpumask *)&__cpu_dying_mask)

/* CONFIG_DEBUG_PER_CPU_MAPS is off: no check of the CPU number. */
static __always_inline unsigned int cpumask_check(unsigned int cpu)
{
	return cpu;
}

static inline unsigned int cpumask_first(const struct cpumask *srcp)
{
	return find_first_bit(cpumask_bits(srcp), nr_cpumask_bits);
}

static inline unsigned int cpumask_first_zero(const struct cpumask *srcp)
{
	return find_first_zero_bit(cpumask_bits(srcp), nr_cpumask_bits);
}

static inline unsigned int cpumask_first_and(const struct cpumask *srcp1,
					     const struct cpumask *srcp2)
{
	return find_first_and_bit(cpumask_bits(srcp1), cpumask_bits(srcp2),
				  nr_cpumask_bits);
}

static inline unsigned int cpumask_last(const struct cpumask *srcp)
{
	return find_last_bit(cpumask_bits(srcp), nr_cpumask_bits);
}

/* The next set (cleared) CPU after @n; -1 starts at CPU 0. */
static inline unsigned int cpumask_next(int n, const struct cpumask *srcp)
{
	return find_next_bit(cpumask_bits(srcp), nr_cpumask_bits, n + 1);
}

static inline unsigned int cpumask_next_zero(int n,
					     const struct cpumask *srcp)
{
	return find_next_zero_bit(cpumask_bits(srcp), nr_cpumask_bits, n + 1);
}

static inline unsigned int cpumask_next_and(int n,
					    const struct cpumask *src1p,
					    const struct cpumask *src2p)
{
	return find_next_and_bit(cpumask_bits(src1p), cpumask_bits(src2p),
				 nr_cpumask_bits, n + 1);
}

/*
 * The next CPU after @n, wrapping past the end once, that is not beyond
 * @start again: nr_cpumask_bits when the walk from @start is complete.
 */
static inline unsigned int cpumask_next_wrap(int n,
					     const struct cpumask *mask,
					     int start, bool wrap)
{
	unsigned int next;

	for (;;) {
		next = cpumask_next(n, mask);
		if (wrap && n < start && next >= (unsigned int)start)
			return nr_cpumask_bits;
		if (next < nr_cpumask_bits)
			return next;
		if (wrap)
			return nr_cpumask_bits;
		wrap = true;
		n = -1;
	}
}

/* kshim has no NUMA distances: the i-th online CPU, wrapping. */
static inline unsigned int cpumask_local_spread(unsigned int i, int node)
{
	return find_nth_bit(cpumask_bits(cpu_online_mask), nr_cpumask_bits,
			    i % (unsigned int)bitmap_weight(
				cpumask_bits(cpu_online_mask),
				nr_cpumask_bits));
}

#define for_each_cpu(cpu, mask)						\
	for_each_set_bit(cpu, cpumask_bits(mask), nr_cpumask_bits)

#define for_each_cpu_not(cpu, mask)					\
	for_each_clear_bit(cpu, cpumask_bits(mask), nr_cpumask_bits)

#define for_each_cpu_wrap(cpu, mask, start)				\
	for_each_set_bit_wrap(cpu, cpumask_bits(mask), nr_cpumask_bits, start)

#define for_each_cpu_and(cpu, mask1, mask2)				\
	for_each_and_bit(cpu, cpumask_bits(mask1), cpumask_bits(mask2),	\
			 nr_cpumask_bits)

#define for_each_cpu_andnot(cpu, mask1, mask2)				\
	for_each_andnot_bit(cpu, cpumask_bits(mask1), cpumask_bits(mask2), \
			    nr_cpumask_bits)

static inline unsigned int cpumask_any_but(const struct cpumask *mask,
					   unsigned int cpu)
{
	unsigned int i;

	for_each_cpu(i, mask)
		if (i != cpu)
			break;
	return i;
}

static inline unsigned int cpumask_nth(unsigned int cpu,
				       const struct cpumask *srcp)
{
	return find_nth_bit(cpumask_bits(srcp), nr_cpumask_bits, cpu);
}

static inline unsigned int cpumask_nth_and(unsigned int cpu,
					   const struct cpumask *srcp1,
					   const struct cpumask *srcp2)
{
	return find_nth_and_bit(cpumask_bits(srcp1), cpumask_bits(srcp2),
				nr_cpumask_bits, cpu);
}

static inline unsigned int cpumask_nth_andnot(unsigned int cpu,
					      const struct cpumask *srcp1,
					      const struct cpumask *srcp2)
{
	return find_nth_andnot_bit(cpumask_bits(srcp1), cpumask_bits(srcp2),
				   nr_cpumask_bits, cpu);
}

#define CPU_BITS_NONE							\
{									\
	[0 ... BITS_TO_LONGS(NR_CPUS) - 1] = 0UL			\
}

#define CPU_BITS_CPU0							\
{									\
	[0] = 1UL							\
}

#if NR_CPUS % BITS_PER_LONG == 0
#define CPU_BITS_ALL							\
{									\
	[0 ... BITS_TO_LONGS(NR_CPUS) - 1] = ~0UL			\
}
#else
#define CPU_BITS_ALL							\
{									\
	[0 ... BITS_TO_LONGS(NR_CPUS) - 2] = ~0UL,			\
	[BITS_TO_LONGS(NR_CPUS) - 1] = BITMAP_LAST_WORD_MASK(NR_CPUS)	\
}
#endif

#define CPU_MASK_ALL	((cpumask_t){ CPU_BITS_ALL })
#define CPU_MASK_NONE	((cpumask_t){ CPU_BITS_NONE })
#define CPU_MASK_CPU0	((cpumask_t){ CPU_BITS_CPU0 })

static __always_inline void cpumask_set_cpu(unsigned int cpu,
					    struct cpumask *dstp)
{
	set_bit(cpumask_check(cpu), cpumask_bits(dstp));
}

static __always_inline void __cpumask_set_cpu(unsigned int cpu,
					      struct cpumask *dstp)
{
	__set_bit(cpumask_check(cpu), cpumask_bits(dstp));
}

static __always_inline void cpumask_clear_cpu(int cpu, struct cpumask *dstp)
{
	clear_bit(cpumask_check(cpu), cpumask_bits(dstp));
}

static __always_inline void __cpumask_clear_cpu(int cpu,
						struct cpumask *dstp)
{
	__clear_bit(cpumask_check(cpu), cpumask_bits(dstp));
}

static __always_inline bool cpumask_test_cpu(int cpu,
					     const struct cpumask *cpumask)
{
	if ((unsigned int)cpu >= NR_CPUS)
		return false;
	return test_bit(cpumask_check(cpu), cpumask_bits(cpumask));
}

static __always_inline bool cpumask_test_and_set_cpu(int cpu,
						     struct cpumask *cpumask)
{
	return test_and_set_bit(cpumask_check(cpu), cpumask_bits(cpumask));
}

static __always_inline bool cpumask_test_and_clear_cpu(int cpu,
						       struct cpumask *cpumask)
{
	return test_and_clear_bit(cpumask_check(cpu), cpumask_bits(cpumask));
}

static inline void cpumask_setall(struct cpumask *dstp)
{
	bitmap_fill(cpumask_bits(dstp), nr_cpumask_bits);
}

static inline void cpumask_clear(struct cpumask *dstp)
{
	bitmap_zero(cpumask_bits(dstp), nr_cpumask_bits);
}

static inline bool cpumask_and(struct cpumask *dstp,
			       const struct cpumask *src1p,
			       const struct cpumask *src2p)
{
	return bitmap_and(cpumask_bits(dstp), cpumask_bits(src1p),
			  cpumask_bits(src2p), nr_cpumask_bits);
}

static inline void cpumask_or(struct cpumask *dstp,
			      const struct cpumask *src1p,
			      const struct cpumask *src2p)
{
	bitmap_or(cpumask_bits(dstp), cpumask_bits(src1p),
		  cpumask_bits(src2p), nr_cpumask_bits);
}

static inline void cpumask_xor(struct cpumask *dstp,
			       const struct cpumask *src1p,
			       const struct cpumask *src2p)
{
	bitmap_xor(cpumask_bits(dstp), cpumask_bits(src1p),
		   cpumask_bits(src2p), nr_cpumask_bits);
}

static inline bool cpumask_andnot(struct cpumask *dstp,
				  const struct cpumask *src1p,
				  const struct cpumask *src2p)
{
	return bitmap_andnot(cpumask_bits(dstp), cpumask_bits(src1p),
			     cpumask_bits(src2p), nr_cpumask_bits);
}

static inline void cpumask_complement(struct cpumask *dstp,
				      const struct cpumask *srcp)
{
	bitmap_complement(cpumask_bits(dstp), cpumask_bits(srcp),
			  nr_cpumask_bits);
}

static inline bool cpumask_equal(const struct cpumask *src1p,
				 const struct cpumask *src2p)
{
	return bitmap_equal(cpumask_bits(src1p), cpumask_bits(src2p),
			    nr_cpumask_bits);
}

static inline bool cpumask_or_equal(const struct cpumask *src1p,
				    const struct cpumask *src2p,
				    const struct cpumask *src3p)
{
	return bitmap_or_equal(cpumask_bits(src1p), cpumask_bits(src2p),
			       cpumask_bits(src3p), nr_cpumask_bits);
}

static inline bool cpumask_intersects(const struct cpumask *src1p,
				      const struct cpumask *src2p)
{
	return bitmap_intersects(cpumask_bits(src1p), cpumask_bits(src2p),
				 nr_cpumask_bits);
}

static inline bool cpumask_subset(const struct cpumask *src1p,
				  const struct cpumask *src2p)
{
	return bitmap_subset(cpumask_bits(src1p), cpumask_bits(src2p),
			     nr_cpumask_bits);
}

static inline bool cpumask_empty(const struct cpumask *srcp)
{
	return bitmap_empty(cpumask_bits(srcp), nr_cpumask_bits);
}

static inline bool cpumask_full(const struct cpumask *srcp)
{
	return bitmap_full(cpumask_bits(srcp), nr_cpumask_bits);
}

static inline unsigned int cpumask_weight(const struct cpumask *srcp)
{
	return bitmap_weight(cpumask_bits(srcp), nr_cpumask_bits);
}

static inline unsigned int cpumask_weight_and(const struct cpumask *srcp1,
					      const struct cpumask *srcp2)
{
	unsigned int cpu, n = 0;

	for_each_and_bit(cpu, cpumask_bits(srcp1), cpumask_bits(srcp2),
			 nr_cpumask_bits)
		n++;
	return n;
}

static inline void cpumask_shift_right(struct cpumask *dstp,
				       const struct cpumask *srcp, int n)
{
	bitmap_shift_right(cpumask_bits(dstp), cpumask_bits(srcp), n,
			   nr_cpumask_bits);
}

static inline void cpumask_shift_left(struct cpumask *dstp,
				      const struct cpumask *srcp, int n)
{
	bitmap_shift_left(cpumask_bits(dstp), cpumask_bits(srcp), n,
			  nr_cpumask_bits);
}

static inline void cpumask_copy(struct cpumask *dstp,
				const struct cpumask *srcp)
{
	bitmap_copy(cpumask_bits(dstp), cpumask_bits(srcp), nr_cpumask_bits);
}

#define cpumask_any(srcp)		cpumask_first(srcp)
#define cpumask_any_and(mask1, mask2)	cpumask_first_and((mask1), (mask2))

static inline unsigned int cpumask_any_distribute(const struct cpumask *srcp)
{
	return cpumask_first(srcp);
}

static inline unsigned int cpumask_any_and_distribute(
	const struct cpumask *src1p, const struct cpumask *src2p)
{
	return cpumask_first_and(src1p, src2p);
}

/* The mask of the one CPU @cpu (a table filled at boot). */
extern struct cpumask __kshim_cpumask_of[NR_CPUS];

static inline const struct cpumask *get_cpu_mask(unsigned int cpu)
{
	return &__kshim_cpumask_of[cpu];
}

#define cpumask_of(cpu)	(get_cpu_mask(cpu))

static inline unsigned int cpumask_size(void)
{
	return BITS_TO_LONGS(NR_CPUS) * sizeof(long);
}

/* !CONFIG_CPUMASK_OFFSTACK: a cpumask_var_t is the mask itself. */
typedef struct cpumask cpumask_var_t[1];

#define this_cpu_cpumask_var_ptr(x)	this_cpu_ptr(x)
#define __cpumask_var_read_mostly

static inline bool alloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{
	return true;
}

static inline bool alloc_cpumask_var_node(cpumask_var_t *mask, gfp_t flags,
					  int node)
{
	return true;
}

static inline bool zalloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{
	cpumask_clear(*mask);
	return true;
}

static inline bool zalloc_cpumask_var_node(cpumask_var_t *mask, gfp_t flags,
					   int node)
{
	cpumask_clear(*mask);
	return true;
}

static inline void alloc_bootmem_cpumask_var(cpumask_var_t *mask)
{
}

static inline void free_cpumask_var(cpumask_var_t mask)
{
}

static inline void free_bootmem_cpumask_var(cpumask_var_t mask)
{
}

static inline bool cpumask_available(cpumask_var_t mask)
{
	return true;
}

extern const DECLARE_BITMAP(cpu_all_bits, NR_CPUS);
#define to_cpumask(bitmap)	((struct cpumask *)(bitmap))
#define cpu_all_mask		to_cpumask(cpu_all_bits)

extern const DECLARE_BITMAP(__kshim_cpu_none_bits, NR_CPUS);
#define cpu_none_mask		to_cpumask(__kshim_cpu_none_bits)

#define for_each_possible_cpu(cpu)	for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu)	for_each_cpu((cpu), cpu_online_mask)
#define for_each_present_cpu(cpu)	for_each_cpu((cpu), cpu_present_mask)

static inline unsigned int num_online_cpus(void)
{
	return cpumask_weight(cpu_online_mask);
}

#define num_possible_cpus()	cpumask_weight(cpu_possible_mask)
#define num_present_cpus()	cpumask_weight(cpu_present_mask)
#define num_active_cpus()	cpumask_weight(cpu_active_mask)

static inline bool cpu_online(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_online_mask);
}

static inline bool cpu_possible(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_possible_mask);
}

static inline bool cpu_present(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_present_mask);
}

static inline bool cpu_active(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_active_mask);
}

static inline bool cpu_dying(unsigned int cpu)
{
	return cpumask_test_cpu(cpu, cpu_dying_mask);
}

#define cpu_is_offline(cpu)	unlikely(!cpu_online(cpu))

/* What the kernel's linux/cpumask.h also makes visible. */
#include <asm/barrier.h>

#endif /* _LINUX_CPUMASK_H */
