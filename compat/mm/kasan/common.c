// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/kasan/common.c - kasan_disable_current() and
 * kasan_enable_current(), as mm/kasan/common.c of 6.1 (linux/kasan.h says
 * why kshim has them in every build).
 *
 * The depth is per task (6.1: current->kasan_depth), here per host
 * thread.  Under valgrind the outermost disable turns memcheck's reports
 * of the thread off and the matching enable on again; in the ASan build
 * it makes the slabs' memory addressable (ASan's shadow belongs to the
 * whole process: other threads' slab accesses go unchecked meanwhile)
 * and the matching enable poisons it again by the objects' states.
 */
#include <linux/kasan.h>

#include "arch/poison.h"
#include "mm/slab.h"

static __thread int kasan_depth;

void kasan_disable_current(void)
{
	if (kasan_depth++)
		return;
	arch_checker_reports_off();
	if (arch_poison_by_sanitizer())
		kshim_slab_sanitizer_suspend();
}

void kasan_enable_current(void)
{
	if (kasan_depth <= 0 || --kasan_depth)
		return;
	if (arch_poison_by_sanitizer())
		kshim_slab_sanitizer_resume();
	arch_checker_reports_on();
}
