// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/annotate.c - atomic read-modify-writes, as helgrind should
 * see them.
 *
 * Documentation/atomic_t.txt: atomic RMWs never race with each other, and
 * the value-returning ones are fully ordered - the last put_page() of a
 * page other threads wrote frees it, and the allocator hands it to a third
 * thread.  TSan understands the __atomic builtins linux/atomic.h uses;
 * helgrind does not, and reports both the RMWs of one counter and that
 * handoff as races.  Under valgrind, linux/atomic.h therefore runs each
 * RMW under one of a few striped host locks chosen by the atomic's
 * address: RMWs of one atomic are serialized, each one happens before the
 * next, as the hardware does.  Outside valgrind it costs one predictable
 * branch on a flag.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <linux/atomic.h>
#include <valgrind/valgrind.h>

#define NR_STRIPES	64

bool __kshim_hg_atomics;
static pthread_mutex_t stripes[NR_STRIPES];

static void __attribute__((constructor)) kshim_hg_atomics_init(void)
{
	int i;

	if (!RUNNING_ON_VALGRIND)
		return;
	for (i = 0; i < NR_STRIPES; i++)
		pthread_mutex_init(&stripes[i], NULL);
	__kshim_hg_atomics = true;
}

static pthread_mutex_t *stripe(const volatile void *addr)
{
	uintptr_t a = (uintptr_t)addr;

	return &stripes[(a >> 3 ^ a >> 9) % NR_STRIPES];
}

void __kshim_hg_atomic_begin(const volatile void *addr)
{
	pthread_mutex_lock(stripe(addr));
}

void __kshim_hg_atomic_end(const volatile void *addr)
{
	pthread_mutex_unlock(stripe(addr));
}
