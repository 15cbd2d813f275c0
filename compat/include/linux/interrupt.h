/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/interrupt.h - interrupt lines, handlers and tasklets.
 *
 * Follows include/linux/interrupt.h, kernel/irq/manage.c and
 * kernel/softirq.c of 6.8 (no threaded handlers, no devm):
 *
 *  - request_irq(irq, handler, flags, name, dev_id) registers @handler on
 *    line @irq (0 to NR_IRQS - 1); IRQF_SHARED lines chain several
 *    handlers, told apart by @dev_id, and every sharer must say
 *    IRQF_SHARED ("genirq: Flags mismatch irq N. ..." and -EBUSY
 *    otherwise); a NULL handler, IRQF_SHARED without a dev_id or a line
 *    out of range is -EINVAL.  free_irq(irq, dev_id) removes the handler
 *    and waits for it to finish if it is running on another CPU; freeing
 *    what is not requested WARNs "Trying to free already-free IRQ N".
 *    Both may sleep (might_sleep() at the caller's line).
 *  - disable_irq() masks the line and waits for a running handler
 *    (might sleep), disable_irq_nosync() does not wait; enable_irq()
 *    unmasks when the nesting count returns to 0 and replays an interrupt
 *    raised meanwhile; one enable too many WARNs "Unbalanced enable for
 *    IRQ N".  synchronize_irq() waits for running handlers.
 *  - Interrupts come from the test (kshim_raise_irq(), kshim/irq.h) and
 *    run on a simulated CPU in hardirq context, as handle_irq_event()
 *    does: interrupts off, preempt_count + HARDIRQ_OFFSET; a handler that
 *    turns interrupts on WARNs once "irq N handler <fn> enabled
 *    interrupts".
 *  - Tasklets (tasklet_init/setup, DECLARE_TASKLET*, tasklet_schedule,
 *    tasklet_hi_schedule, tasklet_disable/enable, tasklet_kill) run in
 *    softirq context on the CPU that scheduled them: at the end of an
 *    interrupt, at local_bh_enable(), or, scheduled from task context, as
 *    soon as that CPU is in task context with bottom halves and
 *    interrupts on (kshim's ksoftirqd).  tasklet_kill() and
 *    tasklet_disable() may sleep (they wait for the tasklet).
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/hardirq.h>
#include <linux/irqreturn.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/version.h>
#include <kshim/site.h>

/* kshim: interrupt lines 0 .. NR_IRQS - 1 (kernel: arch's NR_IRQS). */
#define NR_IRQS			64

#define IRQF_TRIGGER_NONE	0x00000000
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_TRIGGER_MASK	(IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | \
				 IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_TRIGGER_PROBE	0x00000010

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 1, 0)
/*
 * "keep irqs disabled when calling the action handler": a no-op since
 * 2.6.35 (handlers always run with IRQs off, as kshim's do), removed in 4.1.
 */
#define IRQF_DISABLED		0x00000020
#endif
#define IRQF_SHARED		0x00000080
#define IRQF_PROBE_SHARED	0x00000100
#define __IRQF_TIMER		0x00000200
#define IRQF_PERCPU		0x00000400
#define IRQF_NOBALANCING	0x00000800
#define IRQF_IRQPOLL		0x00001000
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_SUSPEND		0x00004000
#define IRQF_FORCE_RESUME	0x00008000
#define IRQF_NO_THREAD		0x00010000
#define IRQF_EARLY_RESUME	0x00020000
#define IRQF_COND_SUSPEND	0x00040000
#define IRQF_NO_AUTOEN		0x00080000
#define IRQF_NO_DEBUG		0x00100000
#define IRQF_TIMER		(__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)

typedef irqreturn_t (*irq_handler_t)(int, void *);

/* One handler on a line (kernel: struct irqaction). */
struct irqaction {
	irq_handler_t		handler;
	void			*dev_id;
	struct irqaction	*next;
	unsigned int		irq;
	unsigned int		flags;
	const char		*name;
	const struct kshim_site	*kshim_site;	/* where it was requested */
};

int __kshim_request_irq(unsigned int irq, irq_handler_t handler,
			unsigned long flags, const char *name, void *dev,
			const struct kshim_site *site);
const void *__kshim_free_irq(unsigned int irq, void *dev_id,
			     const struct kshim_site *site);
void __kshim_disable_irq(unsigned int irq, bool sync,
			 const struct kshim_site *site);
void __kshim_enable_irq(unsigned int irq, const struct kshim_site *site);

#define request_irq(irq, handler, flags, name, dev)			\
	__kshim_request_irq(irq, handler, flags, name, dev, __KSHIM_CALLSITE)
#define free_irq(irq, dev_id)						\
	__kshim_free_irq(irq, dev_id, __KSHIM_CALLSITE)
#define disable_irq(irq)	__kshim_disable_irq(irq, true, __KSHIM_CALLSITE)
#define disable_irq_nosync(irq)						\
	__kshim_disable_irq(irq, false, __KSHIM_CALLSITE)
#define enable_irq(irq)		__kshim_enable_irq(irq, __KSHIM_CALLSITE)

/*
 * Managed handlers (kernel/irq/devres.c; compat/kernel/irq/devres.c):
 * freed when the driver unbinds.  No threaded handlers in kshim: a
 * thread_fn is refused (-EINVAL).
 */
struct device;

enum {
	IRQC_IS_HARDIRQ	= 0,
	IRQC_IS_NESTED,
};

extern int __must_check
devm_request_threaded_irq(struct device *dev, unsigned int irq,
			  irq_handler_t handler, irq_handler_t thread_fn,
			  unsigned long irqflags, const char *devname,
			  void *dev_id);
extern int __must_check
devm_request_any_context_irq(struct device *dev, unsigned int irq,
			     irq_handler_t handler, unsigned long irqflags,
			     const char *devname, void *dev_id);
extern void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);

int __must_check
__kshim_devm_request_threaded_irq(struct device *dev, unsigned int irq,
				  irq_handler_t handler,
				  irq_handler_t thread_fn,
				  unsigned long irqflags, const char *devname,
				  void *dev_id, const struct kshim_site *site);
int __must_check
__kshim_devm_request_any_context_irq(struct device *dev, unsigned int irq,
				     irq_handler_t handler,
				     unsigned long irqflags,
				     const char *devname, void *dev_id,
				     const struct kshim_site *site);
void __kshim_devm_free_irq(struct device *dev, unsigned int irq,
			   void *dev_id, const struct kshim_site *site);

#define devm_request_threaded_irq(dev, irq, handler, thread_fn, flags,	\
				  name, dev_id)				\
	__kshim_devm_request_threaded_irq(dev, irq, handler, thread_fn,	\
					  flags, name, dev_id,		\
					  __KSHIM_CALLSITE)
#define devm_request_irq(dev, irq, handler, flags, name, dev_id)	\
	__kshim_devm_request_threaded_irq(dev, irq, handler, NULL,	\
					  flags, name, dev_id,		\
					  __KSHIM_CALLSITE)
#define devm_request_any_context_irq(dev, irq, handler, flags, name,	\
				     dev_id)				\
	__kshim_devm_request_any_context_irq(dev, irq, handler, flags,	\
					     name, dev_id,		\
					     __KSHIM_CALLSITE)
#define devm_free_irq(dev, irq, dev_id)					\
	__kshim_devm_free_irq(dev, irq, dev_id, __KSHIM_CALLSITE)

/* ---- softirqs and tasklets (kernel/softirq.c) ---- */

enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,	/* Tasklet is scheduled for execution */
	TASKLET_STATE_RUN	/* Tasklet is running (SMP only) */
};

#define DECLARE_TASKLET(name, _callback)				\
struct tasklet_struct name = {						\
	.count = ATOMIC_INIT(0),					\
	.callback = _callback,						\
	.use_callback = true,						\
}

#define DECLARE_TASKLET_DISABLED(name, _callback)			\
struct tasklet_struct name = {						\
	.count = ATOMIC_INIT(1),					\
	.callback = _callback,						\
	.use_callback = true,						\
}

#define from_tasklet(var, callback_tasklet, tasklet_fieldname)	\
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

#define DECLARE_TASKLET_OLD(name, _func)				\
struct tasklet_struct name = {						\
	.count = ATOMIC_INIT(0),					\
	.func = _func,							\
}

#define DECLARE_TASKLET_DISABLED_OLD(name, _func)			\
struct tasklet_struct name = {						\
	.count = ATOMIC_INIT(1),					\
	.func = _func,							\
}

void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}

void __kshim_tasklet_unlock_wait(struct tasklet_struct *t,
				 const struct kshim_site *site);
void __kshim_tasklet_kill(struct tasklet_struct *t,
			  const struct kshim_site *site);
void __kshim_tasklet_enable(struct tasklet_struct *t);

/* 5.13+: waits for a running tasklet with wait_var_event(): may sleep. */
#define tasklet_unlock_wait(t)						\
	__kshim_tasklet_unlock_wait(t, __KSHIM_CALLSITE)
#define tasklet_disable(t)						\
do {									\
	struct tasklet_struct *__t = (t);				\
									\
	tasklet_disable_nosync(__t);					\
	__kshim_tasklet_unlock_wait(__t, __KSHIM_CALLSITE);		\
} while (0)
#define tasklet_kill(t)		__kshim_tasklet_kill(t, __KSHIM_CALLSITE)
#define tasklet_enable(t)	__kshim_tasklet_enable(t)

void tasklet_init(struct tasklet_struct *t,
		  void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));

/* What the kernel's linux/interrupt.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_INTERRUPT_H */
