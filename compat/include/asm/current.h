/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/current.h - "current", the task running on this thread.
 *
 * Follows arch/x86/include/asm/current.h of 6.x: get_current() and the
 * current macro.  In kshim every host thread is a task: its task_struct is
 * created the first time the thread asks for current and lives until the
 * process ends (so a lock may name a task whose thread has gone), see
 * compat/kernel/sched/core.c.
 * (struct kshim_site and __KSHIM_CALLSITE, the caller's position that
 * kshim's macros hand over, are in kshim/site.h.)
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <linux/compiler.h>
#include <asm/bug.h>
#include <kshim/site.h>

struct task_struct;

extern __thread struct task_struct *__kshim_current;
struct task_struct *__kshim_current_setup(void);

static __always_inline struct task_struct *get_current(void)
{
	struct task_struct *t = __kshim_current;

	if (unlikely(!t))
		t = __kshim_current_setup();
	return t;
}

#define current get_current()

/* What the kernel's asm/current.h also makes visible. */
#include <asm/barrier.h>
#include <linux/err.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/percpu-defs.h>
#include <linux/threads.h>

#endif /* _ASM_CURRENT_H */
