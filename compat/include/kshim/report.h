/*
 * kshim/report.h - kernel reports as structured events, and expectations.
 *
 * Every splat kshim prints (WARN, BUG, later might_sleep, bad page, oops...)
 * is also recorded as an event: a class, the full text as the kernel would
 * log it, and the file:line of the code that triggered it (the driver's,
 * not kshim's).  A test fails on any event it did not expect; a negative
 * test announces what must fire with kshim_expect_report().
 */
#ifndef _KSHIM_REPORT_H
#define _KSHIM_REPORT_H

#include <stdbool.h>

/* Report classes of the foundation; later subsystems add their own. */
#define KSHIM_REPORT_WARNING	"warning"	/* WARN*() splat */
#define KSHIM_REPORT_BUG	"bug"		/* BUG(), BUG_ON(): ends the test */
#define KSHIM_REPORT_PANIC	"panic"		/* panic(): ends the test */
#define KSHIM_REPORT_LEDGER	"ledger"	/* per-test balance violated */
#define KSHIM_REPORT_MODULE	"module"	/* module init/exit misuse */
#define KSHIM_REPORT_BAD_PAGE	"bad_page"	/* BUG: Bad page state */
#define KSHIM_REPORT_ALLOC_FAILURE "page_allocation_failure"
#define KSHIM_REPORT_MEMORY_CORRUPTION "memory_corruption" /* poison */
/* Execution contexts and locks (compat/kernel/sched, locking, softirq.c) */
#define KSHIM_REPORT_MIGHT_SLEEP "might_sleep"	/* sleeping function called from invalid context */
#define KSHIM_REPORT_CANT_SLEEP	"cant_sleep"	/* BUG: assuming atomic context */
#define KSHIM_REPORT_SCHEDULE_ATOMIC "schedule_atomic" /* BUG: scheduling while atomic */
#define KSHIM_REPORT_SPINLOCK	"spinlock"	/* BUG: spinlock/rwlock recursion, ... */
#define KSHIM_REPORT_LOCKUP	"lockup"	/* a lock that can never be taken: ends the test */
#define KSHIM_REPORT_HUNG_TASK	"hung_task"	/* every task asleep for good: ends the test */
#define KSHIM_REPORT_CONTEXT	"context"	/* a handler (kshim_run_in_*(), IRQ, tasklet, softirq) left its context changed */
#define KSHIM_REPORT_TASK_EXIT	"task_exit"	/* a thread ended with IRQs off, atomic, locks or kmaps held */
#define KSHIM_REPORT_BOOT	"boot"		/* kshim_boot() refused: the old machine is still in use */
#define KSHIM_REPORT_SMP_PROCESSOR_ID "smp_processor_id" /* BUG: using smp_processor_id() in preemptible */
/* Kernel mappings (compat/mm/highmem.c, compat/arch/fault.c) */
#define KSHIM_REPORT_OOPS	"oops"		/* BUG: unable to handle page fault: ends the test */
#define KSHIM_REPORT_KMAP_DEADLOCK "kmap_deadlock" /* kshim: kmap() can never get a slot: ends the test */
/* Slab (compat/mm/slub.c, slab_common.c) */
#define KSHIM_REPORT_SLAB	"slab"		/* BUG <cache> (...): SLUB debug, kmem_cache_create errors, bad kfree */
/* vmalloc (compat/mm/vmalloc.c): warn_alloc()'s "<comm>: vmalloc error: ..." */
#define KSHIM_REPORT_VMALLOC_ERROR "vmalloc_error"
/* RCU (compat/kernel/rcu/) */
#define KSHIM_REPORT_RCU	"suspicious_rcu" /* lockdep-RCU: WARNING: suspicious RCU usage */
/* Workqueues (compat/kernel/workqueue.c) */
#define KSHIM_REPORT_WORKQUEUE	"workqueue"	/* BUG: workqueue leaked lock or atomic */
/* GUP pins (compat/mm/gup.c): kshim's checks beyond the kernel (unpin of an unpinned page, put_page() of a pinned one) */
#define KSHIM_REPORT_GUP	"gup"
#define KSHIM_REPORT_USER_RETURN "user_return" /* a system call returned to user space with a lock held, atomic or IRQs off */
/* DMA, kshim's checks beyond the kernel (compat/kernel/dma/, compat/arch/dma_owner.c) */
#define KSHIM_REPORT_DMA_OWNERSHIP "dma_ownership" /* CPU access to a buffer the device owns (ASan): ends the test */
#define KSHIM_REPORT_DMA_FAULT	"dma_fault"	/* device-side DMA outside its mappings (IOMMU-style fault) */
/* DMA-API debug (compat/kernel/dma/debug.c): "DMA-API: <driver> <device>: ..." WARNs */
#define KSHIM_REPORT_DMA_API	"dma_api"
/* DMA pools (compat/mm/dmapool.c): the kernel's dev_err()s of mm/dmapool.c ("dma_pool_free <pool>, ... (bad dma)", "... busy", "... (corrupted)") */
#define KSHIM_REPORT_DMA_POOL	"dma_pool"
/* MMIO and resources (compat/mm/ioremap.c, compat/kernel/resource.c) */
#define KSHIM_REPORT_MMIO	"mmio"		/* iounmap: bad address; kshim: access beyond a mapping or with no device register behind it */
#define KSHIM_REPORT_RESOURCE	"resource"	/* Trying to free nonexistent resource */
/* kshim, beyond the kernel (compat/kernel/irq/devres.c): a driver unbound (or whose probe failed) still holding an IRQ or an ioremap of its device */
#define KSHIM_REPORT_UNBIND_LEAK "unbind_leak"

struct kshim_report {
	const char *cls;	/* one of the KSHIM_REPORT_* classes */
	const char *file;	/* the triggering code's file ... */
	int line;		/* ... and line */
	const char *func;	/* its function, or NULL */
	const char *text;	/* everything the report printed */
};

/* Reports recorded during the running test, oldest first. */
unsigned int kshim_report_count(const char *cls);	/* cls NULL: all */
const struct kshim_report *kshim_report_get(unsigned int idx);
const struct kshim_report *kshim_report_last(const char *cls);

#define KSHIM_ANY_COUNT (-1)
/*
 * The running test must see exactly @count reports of class @cls whose text
 * contains @match (NULL matches any text); KSHIM_ANY_COUNT means one or
 * more.  Matching reports no longer fail the test; a missing or surplus
 * one fails it, at the line of this call.  A BUG() that was expected ends
 * the test and lets it pass.
 */
#define kshim_expect_report(cls, match, count) \
	__kshim_expect_report((cls), (match), (count), __FILE__, __LINE__)
void __kshim_expect_report(const char *cls, const char *match, int count,
			   const char *file, int line);

/* The kernel log of the running test (every printk line, in order). */
const char *kshim_dmesg(void);
bool kshim_dmesg_contains(const char *needle);
void kshim_dmesg_clear(void);

#endif /* _KSHIM_REPORT_H */
