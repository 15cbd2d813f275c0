/*
 * tests/irq/race_workload.h - the irqcount workload: interrupts on CPU 1
 * and pokes from process context on CPU 0, concurrently, @n times.
 */
#ifndef _TESTS_IRQ_RACE_WORKLOAD_H
#define _TESTS_IRQ_RACE_WORKLOAD_H

#include "irq/irq_test.h"

/* Raise @irq (towards CPU 1 + irq % 3), poke meanwhile, wait: @n times. */
static inline void race_workload(unsigned int irq, void (*poke)(void),
				 unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		CU_ASSERT_EQUAL_FATAL(kshim_raise_irq(irq), 0);
		poke();
		CU_ASSERT_EQUAL_FATAL(kshim_irq_sync(irq), 0);
	}
}

#endif /* _TESTS_IRQ_RACE_WORKLOAD_H */
