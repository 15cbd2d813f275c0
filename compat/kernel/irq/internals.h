/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/irq/internals.h - the interrupt descriptors, shared by
 * manage.c and handle.c (kernel/irq/internals.h is the kernel's).
 *
 * One struct irq_desc per line, all under one host lock (irq_lock): the
 * handler chain, the disable depth, on which CPUs the line is raised and
 * waiting, whether it was raised while masked (replayed at enable_irq(),
 * the kernel's IRQS_PENDING), and how many CPUs are running its handlers
 * (free_irq() and synchronize_irq() wait for that to be 0).  Handlers run
 * without the lock, from a copy of the chain taken under it.
 */
#ifndef _KSHIM_KERNEL_IRQ_INTERNALS_H
#define _KSHIM_KERNEL_IRQ_INTERNALS_H

#include <pthread.h>
#include <stdbool.h>

#include <linux/interrupt.h>

struct irq_desc {
	struct irqaction *action;	/* the handler chain */
	unsigned int depth;		/* disable_irq() nesting */
	unsigned long pending;		/* CPUs it is raised towards */
	bool replay;			/* raised while masked */
	int replay_cpu;
	unsigned int running;		/* CPUs in its handlers now */
	unsigned int handler_cpu;	/* the last CPU that ran them */
};

extern struct irq_desc kshim_irq_desc[NR_IRQS];
extern pthread_mutex_t kshim_irq_lock;
extern pthread_cond_t kshim_irq_idle;	/* running or pending went down */

/* kshim_irq_lock held: raise @desc's line on @cpu (or note a replay). */
void kshim_irq_mark_pending(unsigned int irq, int cpu);

/*
 * irqdesc.c: lines for the interrupts of simulated devices.  Reserve @cnt
 * consecutive lines, neither reserved nor requested, at or above @from:
 * the first, or -ENOSPC; give them back.  The name the first handler of
 * a line was requested with, or NULL while none is.
 */
int kshim_irq_alloc_lines(unsigned int from, unsigned int cnt);
void kshim_irq_free_lines(unsigned int first, unsigned int cnt);
const char *kshim_irq_line_owner(unsigned int irq);

#endif /* _KSHIM_KERNEL_IRQ_INTERNALS_H */
