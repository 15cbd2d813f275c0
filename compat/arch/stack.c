// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/stack.c - the bounds of the running host thread's stack,
 * for object_is_on_stack() (compat/lib/debugobjects.c).
 *
 * pthread_getattr_np() once per thread; the bounds are cached in
 * thread-local storage.  Under AddressSanitizer, an address in the
 * thread's fake stack (where ASan may move locals to find uses after
 * return) is on the stack as well.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/stack.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARCH_STACK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARCH_STACK_ASAN 1
#endif
#endif

#ifdef ARCH_STACK_ASAN
void *__asan_get_current_fake_stack(void);
void *__asan_addr_is_in_fake_stack(void *fake_stack, void *addr, void **beg,
				   void **end);
#endif

static __thread uintptr_t stack_lo, stack_hi;

static void stack_bounds(void)
{
	pthread_attr_t attr;
	void *addr;
	size_t size;

	if (stack_hi)
		return;
	if (pthread_getattr_np(pthread_self(), &attr))
		return;
	if (!pthread_attr_getstack(&attr, &addr, &size)) {
		stack_lo = (uintptr_t)addr;
		stack_hi = (uintptr_t)addr + size;
	}
	pthread_attr_destroy(&attr);
}

void *arch_stack_base(void)
{
	stack_bounds();
	return (void *)stack_lo;
}

bool arch_on_stack(const void *addr)
{
	uintptr_t a = (uintptr_t)addr;

	stack_bounds();
	if (a >= stack_lo && a < stack_hi)
		return true;
#ifdef ARCH_STACK_ASAN
	{
		void *fs = __asan_get_current_fake_stack();

		if (fs && __asan_addr_is_in_fake_stack(fs, (void *)addr,
						       NULL, NULL))
			return true;
	}
#endif
	return false;
}
