/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/timer.h - timers that call a function after some jiffies.
 *
 * Follows include/linux/timer.h and kernel/time/timer.c of 6.1:
 *  - timer_setup() (init_timer_key()) names the callback and flags
 *    (TIMER_DEFERRABLE, TIMER_PINNED, TIMER_IRQSAFE); mod_timer(),
 *    add_timer(), add_timer_on() and timer_reduce() arm it for a jiffy,
 *    on the caller's CPU (add_timer_on(): on @cpu), and the callback runs
 *    there in softirq context (TIMER_SOFTIRQ) once kshim's clock reaches
 *    it (kshim/time.h: the clock is virtual by default);
 *  - add_timer() of a pending timer is the kernel's WARN_ON_ONCE and does
 *    nothing; del_timer_sync() from hardirq context without
 *    TIMER_IRQSAFE is the kernel's WARN_ON (every call);
 *  - del_timer()/timer_delete() deactivate, del_timer_sync()/
 *    timer_delete_sync() also wait for a running callback; both return 1
 *    iff the timer was pending; timer_shutdown*() (6.2) also make later
 *    arming calls silent no-ops until timer_setup() again;
 *  - a timer still armed at the end of a test is a ledger entry, "timers
 *    pending", naming the line that armed it.
 *  - debugobjects (linux/debugobjects.h, type "timer_list"): timer_setup()
 *    of an armed timer, arming or deleting a timer never set up (it gets
 *    the kernel's stub callback, which WARNs when it fires), timer_setup()
 *    of a timer on the stack (timer_setup_on_stack() and
 *    destroy_timer_on_stack() are for those), and freeing memory holding an
 *    armed timer (which cancels it) are the kernel's ODEBUG reports; so is
 *    a timer a module left armed when it is unloaded.
 * A driver built for a kernel before 4.15 (KSHIM_LINUX_VERSION_CODE) gets
 * that era's API: the callback takes the unsigned long .data,
 * init_timer(), setup_timer(), DEFINE_TIMER(name, fn, expires, data).
 * kshim's arming and deleting calls are macros that record the caller's
 * line; each is also a function, for drivers that take its address.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/ktime.h>
#include <linux/stddef.h>
#include <linux/stringify.h>
#include <linux/poison.h>
#include <linux/version.h>
#include <kshim/site.h>

#define __KSHIM_TIMER_UL	(LINUX_VERSION_CODE < KERNEL_VERSION(4, 15, 0))

struct timer_list {
	struct hlist_node	entry;
	unsigned long		expires;
#if __KSHIM_TIMER_UL
	union {
		void		(*function)(unsigned long);
		void		(*__kshim_function)(struct timer_list *);
	};
	unsigned long		data;
#else
	union {
		void		(*function)(struct timer_list *);
		void		(*__kshim_function_ul)(unsigned long);
	};
	unsigned long		__kshim_data;
#endif
	u32			flags;
	/* kshim: the callback takes .data (the pre-4.15 API) */
	bool			__kshim_ul;
	/* kshim: the line that last armed it, for the ledger */
	const struct kshim_site	*__kshim_armed;
};

#define TIMER_CPUMASK		0x0003FFFF
#define TIMER_MIGRATING		0x00040000
#define TIMER_BASEMASK		(TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00100000
#define TIMER_IRQSAFE		0x00200000
#define TIMER_INIT_FLAGS	(TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
#define TIMER_ARRAYSHIFT	22
#define TIMER_ARRAYMASK		0xFFC00000

#define TIMER_TRACE_FLAGMASK	(TIMER_MIGRATING | TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)

#define NEXT_TIMER_MAX_DELTA	((1UL << 30) - 1)

void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, void *key);
void __kshim_init_timer(struct timer_list *timer,
			void (*func)(struct timer_list *), unsigned int flags,
			const char *name, const struct kshim_site *site);
void __kshim_init_timer_ul(struct timer_list *timer,
			   void (*func)(unsigned long), unsigned long data,
			   unsigned int flags, const struct kshim_site *site);
/* The _on_stack forms: ODEBUG knows the timer lives on the stack. */
void __kshim_init_timer_on_stack(struct timer_list *timer,
				 void (*func)(struct timer_list *),
				 unsigned int flags, const char *name,
				 const struct kshim_site *site);
void __kshim_init_timer_ul_on_stack(struct timer_list *timer,
				    void (*func)(unsigned long),
				    unsigned long data, unsigned int flags,
				    const struct kshim_site *site);
void init_timer_on_stack_key(struct timer_list *timer,
			     void (*func)(struct timer_list *),
			     unsigned int flags, const char *name, void *key);
/* Before an on-stack timer goes out of scope: ODEBUG forgets it. */
void destroy_timer_on_stack(struct timer_list *timer);
void __kshim_destroy_timer_on_stack(struct timer_list *timer,
				    const struct kshim_site *site);
#define destroy_timer_on_stack(timer)					\
	__kshim_destroy_timer_on_stack(timer, __KSHIM_CALLSITE)

static inline int timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->entry.pprev) != NULL;
}

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

#if __KSHIM_TIMER_UL
#define __TIMER_INITIALIZER(_function, _expires, _data, _flags) {	\
		.entry = { .next = TIMER_ENTRY_STATIC },		\
		.function = (_function),				\
		.expires = (_expires),					\
		.data = (_data),					\
		.flags = (_flags),					\
		.__kshim_ul = true,					\
	}

#define DEFINE_TIMER(_name, _function, _expires, _data)		\
	struct timer_list _name =					\
		__TIMER_INITIALIZER(_function, _expires, _data, 0)

#define init_timer(timer)						\
	__kshim_init_timer_ul((timer), NULL, 0, 0, __KSHIM_CALLSITE)
#define init_timer_deferrable(timer)					\
	__kshim_init_timer_ul((timer), NULL, 0, TIMER_DEFERRABLE,	\
			      __KSHIM_CALLSITE)
#define init_timer_on_stack(timer)					\
	__kshim_init_timer_ul_on_stack((timer), NULL, 0, 0,		\
				       __KSHIM_CALLSITE)
#define setup_timer(timer, fn, data)					\
	__kshim_init_timer_ul((timer), (fn), (data), 0, __KSHIM_CALLSITE)
#define setup_timer_on_stack(timer, fn, data)				\
	__kshim_init_timer_ul_on_stack((timer), (fn), (data), 0,	\
				       __KSHIM_CALLSITE)
#define setup_deferrable_timer(timer, fn, data)				\
	__kshim_init_timer_ul((timer), (fn), (data), TIMER_DEFERRABLE,	\
			      __KSHIM_CALLSITE)
#else
#define __TIMER_INITIALIZER(_function, _flags) {		\
		.entry = { .next = TIMER_ENTRY_STATIC },	\
		.function = (_function),			\
		.flags = (_flags),				\
	}

#define DEFINE_TIMER(_name, _function)				\
	struct timer_list _name =				\
		__TIMER_INITIALIZER(_function, 0)

#define timer_setup(timer, callback, flags)				\
	__kshim_init_timer((timer), (callback), (flags), #timer,	\
			   __KSHIM_CALLSITE)
#define timer_setup_on_stack(timer, callback, flags)			\
	__kshim_init_timer_on_stack((timer), (callback), (flags),	\
				    #timer, __KSHIM_CALLSITE)
#define __init_timer(_timer, _fn, _flags)	timer_setup(_timer, _fn, _flags)
#define __init_timer_on_stack(_timer, _fn, _flags)			\
	timer_setup_on_stack(_timer, _fn, _flags)
#endif

/* The real functions: for drivers that take their address. */
void add_timer_on(struct timer_list *timer, int cpu);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int del_timer(struct timer_list *timer);

void __kshim_add_timer_on(struct timer_list *timer, int cpu,
			  const struct kshim_site *site);
int __kshim_mod_timer(struct timer_list *timer, unsigned long expires,
		      const struct kshim_site *site);
int __kshim_mod_timer_pending(struct timer_list *timer, unsigned long expires,
			      const struct kshim_site *site);
int __kshim_timer_reduce(struct timer_list *timer, unsigned long expires,
			 const struct kshim_site *site);
void __kshim_add_timer(struct timer_list *timer,
		       const struct kshim_site *site);
int __kshim_timer_delete_sync(struct timer_list *timer,
			      const struct kshim_site *site);

#define add_timer_on(timer, cpu)					\
	__kshim_add_timer_on(timer, cpu, __KSHIM_CALLSITE)
#define mod_timer(timer, expires)					\
	__kshim_mod_timer(timer, expires, __KSHIM_CALLSITE)
#define mod_timer_pending(timer, expires)				\
	__kshim_mod_timer_pending(timer, expires, __KSHIM_CALLSITE)
#define timer_reduce(timer, expires)					\
	__kshim_timer_reduce(timer, expires, __KSHIM_CALLSITE)
#define add_timer(timer)	__kshim_add_timer(timer, __KSHIM_CALLSITE)
#define timer_delete_sync(timer)					\
	__kshim_timer_delete_sync(timer, __KSHIM_CALLSITE)
#define del_timer_sync(timer)						\
	__kshim_timer_delete_sync(timer, __KSHIM_CALLSITE)
/*
 * timer_delete() is glibc's POSIX timer call too: kernel code (built
 * -nostdinc, __KERNEL__) gets the kernel's under that name, host code
 * del_timer().
 */
int __kshim_timer_delete(struct timer_list *timer,
			 const struct kshim_site *site);
#ifdef __KERNEL__
#define timer_delete(timer)	__kshim_timer_delete(timer, __KSHIM_CALLSITE)
#endif
#define del_timer(timer)	__kshim_timer_delete(timer, __KSHIM_CALLSITE)
#define del_singleshot_timer_sync(timer) del_timer_sync(timer)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
int timer_shutdown_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int __kshim_timer_shutdown_sync(struct timer_list *timer,
				const struct kshim_site *site);
#define timer_shutdown_sync(timer)					\
	__kshim_timer_shutdown_sync(timer, __KSHIM_CALLSITE)
#endif

unsigned long __round_jiffies(unsigned long j, int cpu);
unsigned long __round_jiffies_relative(unsigned long j, int cpu);
unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long __round_jiffies_up(unsigned long j, int cpu);
unsigned long __round_jiffies_up_relative(unsigned long j, int cpu);
unsigned long round_jiffies_up(unsigned long j);
unsigned long round_jiffies_up_relative(unsigned long j);

/* What the kernel's linux/timer.h also makes visible (debugobjects.h). */
#include <linux/debugobjects.h>
#include <linux/llist.h>
#include <linux/spinlock.h>

#endif /* _LINUX_TIMER_H */
