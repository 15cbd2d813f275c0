/*
 * kshim/context.h - running test code in interrupt context.
 *
 * Drivers are called from process context, softirqs, hard interrupts and
 * NMIs.  These run @fn(@arg) synchronously on the calling thread in the
 * chosen context, entering it the way the kernel's entry code does (6.8):
 *  - hardirq: interrupts off, preempt_count + HARDIRQ_OFFSET (irq_enter());
 *  - softirq: preempt_count + SOFTIRQ_OFFSET (handle_softirqs()),
 *    interrupts on (as they were);
 *  - NMI: interrupts off, preempt_count + NMI_OFFSET + HARDIRQ_OFFSET
 *    (nmi_enter()).
 * On return the context is left and the previous preempt_count and
 * interrupt state restored.  A handler that left preempt_count changed is
 * reported (class "context", kshim's words) at the line of the
 * kshim_run_in_*() call, and the count repaired, as the kernel does after
 * a softirq; a hardirq or NMI handler that enabled interrupts gets the
 * kernel's WARN_ONCE "irq 0 handler <fn> enabled interrupts" (the
 * synchronous helper plays irq 0).  Calls nest.
 */
#ifndef _KSHIM_CONTEXT_H
#define _KSHIM_CONTEXT_H

enum kshim_context {
	KSHIM_CTX_HARDIRQ,
	KSHIM_CTX_SOFTIRQ,
	KSHIM_CTX_NMI,
};

typedef void (*kshim_context_fn)(void *arg);

void __kshim_run_in_context(enum kshim_context ctx, kshim_context_fn fn,
			    void *arg, const char *fn_name, const char *file,
			    int line);

#define kshim_run_in_hardirq(fn, arg)					\
	__kshim_run_in_context(KSHIM_CTX_HARDIRQ, fn, arg, #fn,		\
			       __FILE__, __LINE__)
#define kshim_run_in_softirq(fn, arg)					\
	__kshim_run_in_context(KSHIM_CTX_SOFTIRQ, fn, arg, #fn,		\
			       __FILE__, __LINE__)
#define kshim_run_in_nmi(fn, arg)					\
	__kshim_run_in_context(KSHIM_CTX_NMI, fn, arg, #fn,		\
			       __FILE__, __LINE__)

#endif /* _KSHIM_CONTEXT_H */
