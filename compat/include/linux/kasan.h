/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kasan.h - the KASAN calls kernel code makes itself.
 *
 * Follows include/linux/kasan.h of 6.1 for the calls kshim provides.
 * kshim's KASAN is the host's memory checker: AddressSanitizer in the
 * --enable-asan build (kernel code then sees CONFIG_KASAN and
 * CONFIG_KASAN_GENERIC, kshim/kconfig.h) and Valgrind's memcheck in any
 * build run under valgrind, both watching slab objects, their redzones
 * and freed memory (compat/mm/slub.c).  So, unlike 6.1 without KASAN,
 * kasan_disable_current() and kasan_enable_current() are real in every
 * build (compat/mm/kasan/common.c): between them the current task's
 * accesses to slab memory are not the checker's reports, as KASAN stops
 * reporting for the task (memcheck: error reporting off for the thread;
 * ASan, whose shadow is the process's: every slab addressable until the
 * outermost kasan_enable_current() poisons them again by their objects'
 * states).  Outside a memory checker they only count.
 */
#ifndef _LINUX_KASAN_H
#define _LINUX_KASAN_H

#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/types.h>

/* Disable reporting bugs for current task */
void kasan_disable_current(void);
/* Enable reporting bugs after kasan_disable_current() */
void kasan_enable_current(void);

/* Generic KASAN has no pointer tags. */
static inline void *kasan_reset_tag(const void *addr)
{
	return (void *)addr;
}

/* What the kernel's linux/kasan.h also makes visible. */
#include <asm/barrier.h>

#endif /* _LINUX_KASAN_H */
