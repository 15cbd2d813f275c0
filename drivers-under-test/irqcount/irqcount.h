/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irqcount - counts events of a device, from its interrupt handler and
 * from process context.  Two builds of the same idea: irqcount (the
 * counter under a spinlock, spin_lock_irqsave() in process context) and
 * irqcount_racy (no lock at all: the classic bug that ThreadSanitizer
 * shows once the handler runs on another CPU).
 */
#ifndef _IRQCOUNT_H
#define _IRQCOUNT_H

/* Count one event seen in process context. */
void irqcount_poke(void);
void irqcount_racy_poke(void);

/* Events so far (interrupts and pokes). */
unsigned long irqcount_events(void);
unsigned long irqcount_racy_events(void);

#endif /* _IRQCOUNT_H */
