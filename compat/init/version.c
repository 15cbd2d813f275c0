// SPDX-License-Identifier: GPL-2.0
/*
 * compat/init/version.c - which kernel the simulated machine runs.
 *
 * init/version.c holds the running kernel's release.  kshim's machine runs
 * the kernel of the test program's LINUX_VERSION_CODE: kshim/test.h sets
 * it before main() in a program built with -DKSHIM_LINUX_VERSION_CODE=...
 * (kshim_set_linux_version()); 6.8 otherwise.  What the kernel itself
 * prints follows it, whatever the calling driver was built for: the WARN
 * and dump_stack() lines (kernel/panic.c, the x86 dumpstack), might_sleep()
 * and "scheduling while atomic" (kernel/sched), "page allocation failure"
 * (mm/page_alloc.c).  The headers follow the driver's own
 * LINUX_VERSION_CODE (linux/version.h).
 */
#include <linux/version.h>

#include "kshim/internal.h"

static unsigned int running_version = KERNEL_VERSION(6, 8, 0);

void kshim_set_linux_version(unsigned int version)
{
	__atomic_store_n(&running_version, version, __ATOMIC_RELAXED);
}

unsigned int kshim_linux_version(void)
{
	return __atomic_load_n(&running_version, __ATOMIC_RELAXED);
}

bool kshim_kernel_2_6(void)
{
	return kshim_linux_version() < KERNEL_VERSION(2, 6, 37);
}
