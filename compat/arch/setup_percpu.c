// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/setup_percpu.c - the per-CPU areas.
 *
 * Plays arch/x86/kernel/setup_percpu.c's setup_per_cpu_areas(): the
 * linker gathers every DEFINE_PER_CPU() variable of the program into the
 * "kshim_percpu" section (CPU 0's copy); each other CPU gets a copy of
 * the section as it is at boot (initial values included) and
 * __per_cpu_offset[cpu] is the distance from the section to that copy,
 * so per_cpu_ptr() is one addition, as in the kernel.  A program without
 * per-CPU variables has no such section (the weak bounds are then NULL).
 * A later boot with more CPUs makes the missing copies; copies are never
 * freed (pointers into them may live on).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/percpu-defs.h>

#include "kshim/internal.h"
#include "kernel/cpu.h"

extern char __start_kshim_percpu[] __attribute__((__weak__));
extern char __stop_kshim_percpu[] __attribute__((__weak__));

unsigned long __per_cpu_offset[NR_CPUS];
/* The copies themselves: reachable, so leak checkers say nothing. */
static char *per_cpu_copy[NR_CPUS];

void kshim_setup_per_cpu_areas(unsigned int nr_cpus)
{
	size_t size = (size_t)(__stop_kshim_percpu - __start_kshim_percpu);
	unsigned int cpu;

	if (!__start_kshim_percpu || !size)
		return;
	for (cpu = 1; cpu < nr_cpus; cpu++) {
		char *copy;

		if (__per_cpu_offset[cpu])
			continue;
		copy = aligned_alloc(64, (size + 63) & ~(size_t)63);
		if (!copy) {
			fprintf(stderr, "kshim: out of memory for the per-CPU area of CPU %u\n",
				cpu);
			abort();
		}
		memcpy(copy, __start_kshim_percpu, size);
		per_cpu_copy[cpu] = copy;
		__per_cpu_offset[cpu] = (unsigned long)copy -
					(unsigned long)__start_kshim_percpu;
	}
}
