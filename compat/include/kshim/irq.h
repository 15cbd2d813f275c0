/*
 * kshim/irq.h - raising interrupts and running code on simulated CPUs.
 *
 * The machine has KSHIM_CPUS CPUs (default 4).  CPU 0 is the test's own
 * thread; every other CPU is a host thread of kshim that waits for
 * interrupts and function-call IPIs and runs them in hardirq context,
 * then the softirqs (tasklets) they raised.
 *
 * kshim_raise_irq(irq) asserts line @irq towards its CPU (the line's
 * affinity: CPU 1 + irq % (KSHIM_CPUS - 1), or CPU 0 on a one-CPU
 * machine); kshim_raise_irq_on(irq, cpu) towards @cpu.  The handlers run
 * on that CPU's thread, asynchronously, as soon as it has interrupts
 * enabled: an interrupt raised towards a CPU with interrupts disabled
 * (local_irq_save(), spin_lock_irqsave(), a running handler) waits and
 * is taken when that CPU enables them again.  Raised towards CPU 0 from
 * the test with interrupts on, it is taken at once, inside the call, as
 * a real CPU takes it at the next instruction; while the test's task
 * sleeps in the kernel API (a mutex, a completion, msleep()), CPU 0's
 * idle thread (swapper/0) takes it, as the CPU does once the task is
 * switched out.  A masked line
 * (disable_irq()) keeps it pending until enable_irq().  Raising a line
 * nobody requested is an error here (-ENXIO), not a spurious interrupt.
 *
 * kshim_irq_sync(irq) waits until line @irq is neither pending nor being
 * handled on any CPU, taking CPU 0's share itself; it gives up after
 * KSHIM_SPINLOCK_LOCKUP milliseconds (ten times that under valgrind) with
 * -ETIMEDOUT (say, the target CPU keeps interrupts off).  Use it before checking what a handler did.
 *
 * At the end of a test the ledger wants every requested line freed, no
 * interrupt pending and no tasklet scheduled.
 */
#ifndef _KSHIM_IRQ_H
#define _KSHIM_IRQ_H

int kshim_raise_irq(unsigned int irq);
int kshim_raise_irq_on(unsigned int irq, int cpu);
int kshim_irq_sync(unsigned int irq);

/* The CPU a line's interrupts go to by default. */
int kshim_irq_affinity(unsigned int irq);

#endif /* _KSHIM_IRQ_H */
