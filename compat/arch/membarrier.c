// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/membarrier.c - asymmetric fences from membarrier(2)
 * (MEMBARRIER_CMD_PRIVATE_EXPEDITED: an IPI to each CPU running a thread
 * of this process, about a microsecond).  The registration is inherited
 * by fork(), so a test's child process can use it too.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include <valgrind/valgrind.h>

#include "arch/membarrier.h"
#include "arch/physmem.h"

/* <linux/membarrier.h>: not included, kshim's linux/ headers come first. */
#define KSHIM_MEMBARRIER_CMD_QUERY				0
#define KSHIM_MEMBARRIER_CMD_PRIVATE_EXPEDITED			(1 << 3)
#define KSHIM_MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED	(1 << 4)

#if defined(__SANITIZE_THREAD__)
#define ARCH_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ARCH_TSAN 1
#endif
#endif

bool arch_fence_init(void)
{
#if defined(ARCH_TSAN) || !defined(SYS_membarrier)
	return false;
#else
	long cmds;

	if (RUNNING_ON_VALGRIND)
		return false;
	cmds = syscall(SYS_membarrier, KSHIM_MEMBARRIER_CMD_QUERY, 0, 0);
	if (cmds < 0 || !(cmds & KSHIM_MEMBARRIER_CMD_PRIVATE_EXPEDITED))
		return false;
	return syscall(SYS_membarrier,
		       KSHIM_MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0,
		       0) == 0;
#endif
}

void arch_fence_heavy(void)
{
#ifdef SYS_membarrier
	if (syscall(SYS_membarrier, KSHIM_MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0,
		    0) == 0)
		return;
#endif
	/* Only used once arch_fence_init() said yes: cannot fail then. */
	arch_host_fail("membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED)");
}
