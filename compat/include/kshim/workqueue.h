/*
 * kshim/workqueue.h - the test's view of workqueues (linux/workqueue.h).
 *
 * kshim_works_pending(): work items queued on any workqueue and not yet
 * running (what the "work items pending" ledger entry counts at the end
 * of a test).  kshim_workqueue_draining(): drain_workqueue() or
 * destroy_workqueue() is draining @wq now, so a test can queue onto it
 * from outside at that moment (the kernel's WARN_ON_ONCE).
 */
#ifndef _KSHIM_WORKQUEUE_H
#define _KSHIM_WORKQUEUE_H

#include <stdbool.h>

struct workqueue_struct;

long kshim_works_pending(void);
bool kshim_workqueue_draining(struct workqueue_struct *wq);

#endif /* _KSHIM_WORKQUEUE_H */
