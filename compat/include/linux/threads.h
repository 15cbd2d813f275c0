/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/threads.h - the most CPUs a kernel is built for.
 *
 * Follows include/linux/threads.h of 6.8: NR_CPUS is CONFIG_NR_CPUS, the
 * size of every per-CPU table; the machine has nr_cpu_ids <= NR_CPUS of
 * them (linux/cpumask.h), set by KSHIM_CPUS at boot.
 */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#define CONFIG_NR_CPUS	64
#define NR_CPUS		CONFIG_NR_CPUS

/* What the kernel's linux/threads.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _LINUX_THREADS_H */
