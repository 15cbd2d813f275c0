// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/irq/irqdesc.c - handing out interrupt lines to simulated
 * devices, the part of kernel/irq/irqdesc.c (irq_alloc_descs(),
 * irq_free_descs()) that a bus needs for the interrupts it creates: a
 * PCI function's INTx line and its MSI/MSI-X vectors.
 *
 * kshim's lines are the fixed 0 .. NR_IRQS - 1 of kernel/irq/handle.c;
 * tests also request lines by number directly.  A line handed out here
 * is marked reserved until freed, and a line is handed out only while it
 * is neither reserved nor requested, so a device never gets a number a
 * test (or another device) is using.  All under kshim_irq_lock.
 */
#include <errno.h>
#include <stdbool.h>

#include <linux/bitmap.h>
#include <linux/interrupt.h>

#include "kernel/irq/internals.h"

static DECLARE_BITMAP(reserved_lines, NR_IRQS);

static bool line_is_free(unsigned int irq)
{
	return !test_bit(irq, reserved_lines) && !kshim_irq_desc[irq].action;
}

int kshim_irq_alloc_lines(unsigned int from, unsigned int cnt)
{
	unsigned int first, n;
	int ret = -ENOSPC;

	if (!cnt || cnt > NR_IRQS)
		return -EINVAL;
	pthread_mutex_lock(&kshim_irq_lock);
	for (first = from; first + cnt <= NR_IRQS; first++) {
		for (n = 0; n < cnt && line_is_free(first + n); n++)
			;
		if (n == cnt) {
			for (n = 0; n < cnt; n++)
				__set_bit(first + n, reserved_lines);
			ret = first;
			break;
		}
		first += n;	/* first + n is taken: look past it */
	}
	pthread_mutex_unlock(&kshim_irq_lock);
	return ret;
}

void kshim_irq_free_lines(unsigned int first, unsigned int cnt)
{
	unsigned int irq;

	pthread_mutex_lock(&kshim_irq_lock);
	for (irq = first; irq < first + cnt && irq < NR_IRQS; irq++)
		__clear_bit(irq, reserved_lines);
	pthread_mutex_unlock(&kshim_irq_lock);
}

const char *kshim_irq_line_owner(unsigned int irq)
{
	const char *name = NULL;

	if (irq >= NR_IRQS)
		return NULL;
	pthread_mutex_lock(&kshim_irq_lock);
	if (kshim_irq_desc[irq].action)
		name = kshim_irq_desc[irq].action->name ?: "";
	pthread_mutex_unlock(&kshim_irq_lock);
	return name;
}
