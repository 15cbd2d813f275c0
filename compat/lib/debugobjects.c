// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/debugobjects.c - lifetime checks of kernel objects (ODEBUG).
 *
 * Reproduces lib/debugobjects.c of 6.1 (CONFIG_DEBUG_OBJECTS,
 * CONFIG_DEBUG_OBJECTS_FREE; on unless KSHIM_DEBUG_OBJECTS=0):
 *  - each tracked object has a record (state, active state, type) in a
 *    hash of page-sized chunks of the address space, as the kernel's
 *    obj_hash, so the objects inside a freed range are found by chunk;
 *    the records are host memory, outside the simulated machine;
 *  - the state machine and the reports of debug_object_init() ...
 *    debug_object_active_state() and debug_check_no_obj_freed() are the
 *    kernel's, the fixups run after the report, without kshim's lock;
 *  - debug_print_object(): WARN(1, KERN_ERR "ODEBUG: %s %s (active state
 *    %u) object: %p object type: %s hint: %pS\n") (6.2 added "object: %p";
 *    the machine's kernel version picks the form; 2.6.3x printed "ODEBUG:
 *    %s %s object type: %s" then WARN_ON(1)), the first 5 of a test only
 *    (the kernel's static limit, per boot); later ones are counted;
 *  - object_is_on_stack(): the running host thread's stack
 *    (compat/arch/stack.c);
 *  - the WARN names the caller's file:line (the driver's, or the line
 *    that freed the memory), where the kernel names lib/debugobjects.c.
 * Every test starts with no object tracked and the report limits reset.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include <linux/debugobjects.h>
#include <linux/err.h>
#include <linux/hash.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/version.h>
#include <asm/bug.h>
#include <kshim/report.h>

#include "kshim/internal.h"
#include "arch/stack.h"

#define ODEBUG_HASH_BITS	14
#define ODEBUG_HASH_SIZE	(1 << ODEBUG_HASH_BITS)
#define ODEBUG_CHUNK_SHIFT	12
#define ODEBUG_CHUNK_SIZE	(1UL << ODEBUG_CHUNK_SHIFT)
#define ODEBUG_CHUNK_MASK	(~(ODEBUG_CHUNK_SIZE - 1))

/* A tracked object: the kernel's struct debug_obj, host-allocated. */
struct odebug_rec {
	struct debug_obj o;
	struct odebug_rec *next, **pprev;
};

/*
 * One lock for all buckets: a leaf (nothing is called with it held but
 * the hash walk; reports and fixups run after it is dropped).
 */
static pthread_mutex_t odebug_lock = PTHREAD_MUTEX_INITIALIZER;
static struct odebug_rec *obj_hash[ODEBUG_HASH_SIZE];
/* Records in obj_hash (atomic reads; the page allocator reads it inline). */
long kshim_odebug_nr_tracked;

/* Cleared when out of host memory (KSHIM_DEBUG_OBJECTS=0: never on). */
static int debug_objects_enabled = 1;	/* atomic reads */
static int debug_objects_warnings;
static int debug_objects_fixups;
static int debug_objects_maxchecked;
static int print_limit;			/* debug_print_object()'s limit */
static int stack_limit;			/* debug_object_is_on_stack()'s */

static const char *const obj_states[ODEBUG_STATE_MAX] = {
	[ODEBUG_STATE_NONE]		= "none",
	[ODEBUG_STATE_INIT]		= "initialized",
	[ODEBUG_STATE_INACTIVE]		= "inactive",
	[ODEBUG_STATE_ACTIVE]		= "active",
	[ODEBUG_STATE_DESTROYED]	= "destroyed",
	[ODEBUG_STATE_NOTAVAILABLE]	= "not available",
};

int kshim_parse_debug_objects(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->debug_objects);
}

const char *kshim_show_debug_objects(const struct kshim_config *c,
				     char *buf, size_t len)
{
	return c->debug_objects ? "1" : "0";
}

static bool enabled(void)
{
	return kshim_config.debug_objects &&
	       __atomic_load_n(&debug_objects_enabled, __ATOMIC_RELAXED);
}

static unsigned long chunk_hash(unsigned long addr)
{
	return hash_long(addr >> ODEBUG_CHUNK_SHIFT, ODEBUG_HASH_BITS);
}

static struct odebug_rec **get_bucket(const void *addr)
{
	return &obj_hash[chunk_hash((unsigned long)addr)];
}

static struct odebug_rec *lookup_locked(const void *addr,
					struct odebug_rec **b)
{
	struct odebug_rec *r;

	for (r = *b; r; r = r->next)
		if (r->o.object == addr)
			return r;
	return NULL;
}

static void unlink_locked(struct odebug_rec *r)
{
	*r->pprev = r->next;
	if (r->next)
		r->next->pprev = r->pprev;
	__atomic_fetch_sub(&kshim_odebug_nr_tracked, 1, __ATOMIC_RELAXED);
}

static struct odebug_rec *alloc_locked(void *addr, struct odebug_rec **b,
				       const struct debug_obj_descr *descr)
{
	struct odebug_rec *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->o.object = addr;
	r->o.descr = descr;
	r->o.state = ODEBUG_STATE_NONE;
	r->next = *b;
	if (r->next)
		r->next->pprev = &r->next;
	*b = r;
	r->pprev = b;
	__atomic_fetch_add(&kshim_odebug_nr_tracked, 1, __ATOMIC_RELAXED);
	return r;
}

/* Forget every object (the lock held). */
static void forget_all_locked(void)
{
	unsigned int i;

	for (i = 0; i < ODEBUG_HASH_SIZE; i++)
		while (obj_hash[i]) {
			struct odebug_rec *r = obj_hash[i];

			unlink_locked(r);
			free(r);
		}
}

/* debug_objects_oom(): no host memory for a record. */
static void debug_objects_oom(void)
{
	pr_warn("ODEBUG: Out of memory. ODEBUG disabled\n");
	pthread_mutex_lock(&odebug_lock);
	forget_all_locked();
	pthread_mutex_unlock(&odebug_lock);
}

#define warn_at(site, fmt...)						\
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),	\
		     (site) ? (site)->func : NULL,			\
		     (site) ? (site)->mod : NULL, TAINT_WARN, fmt)

static void debug_print_object(const struct debug_obj *obj, const char *msg,
			       const struct kshim_site *site)
{
	const struct debug_obj_descr *descr = obj->descr;

	/* A concurrent out-of-memory turned the checks off: say nothing. */
	if (!enabled())
		return;
	if (__atomic_fetch_add(&print_limit, 1, __ATOMIC_RELAXED) < 5) {
		void *hint = descr->debug_hint ?
			descr->debug_hint(obj->object) : NULL;
		unsigned int v = kshim_linux_version();

		if (kshim_kernel_2_6()) {
			kshim_report_begin(KSHIM_REPORT_WARNING,
					   kshim_site_file(site),
					   kshim_site_line(site),
					   site ? site->func : NULL);
			printk(KERN_ERR "ODEBUG: %s %s object type: %s\n", msg,
			       obj_states[obj->state], descr->name);
			warn_at(site, NULL);
			kshim_report_end();
		} else if (v >= KERNEL_VERSION(6, 2, 0)) {
			warn_at(site, KERN_ERR "ODEBUG: %s %s (active state %u) object: %p object type: %s hint: %pS\n",
				msg, obj_states[obj->state], obj->astate,
				obj->object, descr->name, hint);
		} else {
			warn_at(site, KERN_ERR "ODEBUG: %s %s (active state %u) object type: %s hint: %pS\n",
				msg, obj_states[obj->state], obj->astate,
				descr->name, hint);
		}
	} else {
		__atomic_store_n(&print_limit, 5, __ATOMIC_RELAXED);
	}
	__atomic_fetch_add(&debug_objects_warnings, 1, __ATOMIC_RELAXED);
}

/* The line whose check a fixup of this thread repairs. */
static __thread const struct kshim_site *fixup_site;

const struct kshim_site *kshim_debug_objects_fixup_site(void)
{
	return fixup_site;
}

/* Repair what a failed check found, if the type knows how. */
static bool debug_object_fixup(bool (*fixup)(void *addr,
					     enum debug_obj_state state),
			       void *addr, enum debug_obj_state state,
			       const struct kshim_site *site)
{
	const struct kshim_site *outer = fixup_site;
	bool fixed;

	if (!fixup)
		return false;
	fixup_site = site;
	fixed = fixup(addr, state);
	fixup_site = outer;
	if (fixed)
		__atomic_fetch_add(&debug_objects_fixups, 1,
				   __ATOMIC_RELAXED);
	return fixed;
}

/* debug_object_is_on_stack(): the annotation must match the address. */
static void debug_object_is_on_stack(void *addr, int onstack,
				     const struct kshim_site *site)
{
	bool is_on_stack;

	if (__atomic_load_n(&stack_limit, __ATOMIC_RELAXED) > 4)
		return;
	is_on_stack = arch_on_stack(addr);
	if (is_on_stack == !!onstack)
		return;
	if (__atomic_fetch_add(&stack_limit, 1, __ATOMIC_RELAXED) > 4)
		return;
	kshim_report_begin(KSHIM_REPORT_WARNING, kshim_site_file(site),
			   kshim_site_line(site), site ? site->func : NULL);
	if (kshim_kernel_2_6())
		printk(KERN_WARNING "ODEBUG: object is %s, but %s\n",
		       is_on_stack ? "on stack" : "not on stack",
		       is_on_stack ? "not annotated" : "annotated");
	else if (is_on_stack)
		pr_warn("ODEBUG: object %p is on stack %p, but NOT annotated.\n",
			addr, arch_stack_base());
	else
		pr_warn("ODEBUG: object %p is NOT on stack %p, but annotated.\n",
			addr, arch_stack_base());
	warn_at(site, NULL);
	kshim_report_end();
}

/*
 * lookup_object_or_alloc(): the record of @addr; a new one for an
 * untracked object if @alloc_ifstatic is false, or if the type says the
 * object was initialised statically (then in state "initialized").
 * ERR_PTR(-ENOENT): untracked and not static; NULL: out of memory.
 * *@check_stack: a record was made, check the stack annotation.
 */
static struct odebug_rec *lookup_or_alloc_locked(void *addr,
						 struct odebug_rec **b,
					const struct debug_obj_descr *descr,
						 bool alloc_ifstatic,
						 bool *check_stack)
{
	struct odebug_rec *r = lookup_locked(addr, b);
	enum debug_obj_state state = ODEBUG_STATE_NONE;

	*check_stack = false;
	if (r)
		return r;
	if (alloc_ifstatic) {
		if (!descr->is_static_object || !descr->is_static_object(addr))
			return ERR_PTR(-ENOENT);
		state = ODEBUG_STATE_INIT;
	}
	r = alloc_locked(addr, b, descr);
	if (!r) {
		__atomic_store_n(&debug_objects_enabled, 0, __ATOMIC_RELAXED);
		return NULL;
	}
	r->o.state = state;
	*check_stack = true;
	return r;
}

static void __debug_object_init(void *addr,
				const struct debug_obj_descr *descr,
				int onstack, const struct kshim_site *site)
{
	struct odebug_rec **b = get_bucket(addr), *r;
	struct debug_obj o;
	bool check_stack;

	pthread_mutex_lock(&odebug_lock);
	r = lookup_or_alloc_locked(addr, b, descr, false, &check_stack);
	if (!r) {
		pthread_mutex_unlock(&odebug_lock);
		debug_objects_oom();
		return;
	}
	o = r->o;
	switch (r->o.state) {
	case ODEBUG_STATE_NONE:
	case ODEBUG_STATE_INIT:
	case ODEBUG_STATE_INACTIVE:
		r->o.state = ODEBUG_STATE_INIT;
		pthread_mutex_unlock(&odebug_lock);
		if (check_stack)
			debug_object_is_on_stack(addr, onstack, site);
		return;
	default:
		break;
	}
	pthread_mutex_unlock(&odebug_lock);
	debug_print_object(&o, "init", site);
	if (o.state == ODEBUG_STATE_ACTIVE)
		debug_object_fixup(descr->fixup_init, addr, o.state, site);
}

void __kshim_debug_object_init(void *addr,
			       const struct debug_obj_descr *descr,
			       const struct kshim_site *site)
{
	if (!enabled())
		return;
	__debug_object_init(addr, descr, 0, site);
}

void __kshim_debug_object_init_on_stack(void *addr,
					const struct debug_obj_descr *descr,
					const struct kshim_site *site)
{
	if (!enabled())
		return;
	__debug_object_init(addr, descr, 1, site);
}

int __kshim_debug_object_activate(void *addr,
				  const struct debug_obj_descr *descr,
				  const struct kshim_site *site)
{
	struct debug_obj o = {
		.object = addr,
		.state = ODEBUG_STATE_NOTAVAILABLE,
		.descr = descr,
	};
	struct odebug_rec **b = get_bucket(addr), *r;
	bool check_stack;

	if (!enabled())
		return 0;
	pthread_mutex_lock(&odebug_lock);
	r = lookup_or_alloc_locked(addr, b, descr, true, &check_stack);
	if (!r) {
		pthread_mutex_unlock(&odebug_lock);
		debug_objects_oom();
		return 0;
	}
	if (!IS_ERR(r)) {
		switch (r->o.state) {
		case ODEBUG_STATE_ACTIVE:
		case ODEBUG_STATE_DESTROYED:
			o = r->o;
			break;
		case ODEBUG_STATE_INIT:
		case ODEBUG_STATE_INACTIVE:
			r->o.state = ODEBUG_STATE_ACTIVE;
			fallthrough;
		default:
			pthread_mutex_unlock(&odebug_lock);
			if (check_stack)
				debug_object_is_on_stack(addr, 0, site);
			return 0;
		}
	}
	pthread_mutex_unlock(&odebug_lock);
	if (!enabled())
		return 0;
	debug_print_object(&o, "activate", site);
	switch (o.state) {
	case ODEBUG_STATE_ACTIVE:
	case ODEBUG_STATE_NOTAVAILABLE:
		if (debug_object_fixup(descr->fixup_activate, addr, o.state,
				       site))
			return 0;
		fallthrough;
	default:
		return -EINVAL;
	}
}

void __kshim_debug_object_deactivate(void *addr,
				     const struct debug_obj_descr *descr,
				     const struct kshim_site *site)
{
	struct debug_obj o = {
		.object = addr,
		.state = ODEBUG_STATE_NOTAVAILABLE,
		.descr = descr,
	};
	struct odebug_rec *r;

	if (!enabled())
		return;
	pthread_mutex_lock(&odebug_lock);
	r = lookup_locked(addr, get_bucket(addr));
	if (r) {
		switch (r->o.state) {
		case ODEBUG_STATE_DESTROYED:
			break;
		case ODEBUG_STATE_INIT:
		case ODEBUG_STATE_INACTIVE:
		case ODEBUG_STATE_ACTIVE:
			if (r->o.astate)
				break;
			r->o.state = ODEBUG_STATE_INACTIVE;
			fallthrough;
		default:
			pthread_mutex_unlock(&odebug_lock);
			return;
		}
		o = r->o;
	}
	pthread_mutex_unlock(&odebug_lock);
	debug_print_object(&o, "deactivate", site);
}

void __kshim_debug_object_destroy(void *addr,
				  const struct debug_obj_descr *descr,
				  const struct kshim_site *site)
{
	struct odebug_rec *r;
	struct debug_obj o;

	if (!enabled())
		return;
	pthread_mutex_lock(&odebug_lock);
	r = lookup_locked(addr, get_bucket(addr));
	if (!r) {
		pthread_mutex_unlock(&odebug_lock);
		return;
	}
	switch (r->o.state) {
	case ODEBUG_STATE_ACTIVE:
	case ODEBUG_STATE_DESTROYED:
		break;
	case ODEBUG_STATE_NONE:
	case ODEBUG_STATE_INIT:
	case ODEBUG_STATE_INACTIVE:
		r->o.state = ODEBUG_STATE_DESTROYED;
		fallthrough;
	default:
		pthread_mutex_unlock(&odebug_lock);
		return;
	}
	o = r->o;
	pthread_mutex_unlock(&odebug_lock);
	debug_print_object(&o, "destroy", site);
	if (o.state == ODEBUG_STATE_ACTIVE)
		debug_object_fixup(descr->fixup_destroy, addr, o.state,
				   site);
}

void __kshim_debug_object_free(void *addr,
			       const struct debug_obj_descr *descr,
			       const struct kshim_site *site)
{
	struct odebug_rec *r;
	struct debug_obj o;

	if (!enabled())
		return;
	pthread_mutex_lock(&odebug_lock);
	r = lookup_locked(addr, get_bucket(addr));
	if (!r) {
		pthread_mutex_unlock(&odebug_lock);
		return;
	}
	if (r->o.state != ODEBUG_STATE_ACTIVE) {
		unlink_locked(r);
		pthread_mutex_unlock(&odebug_lock);
		free(r);
		return;
	}
	o = r->o;
	pthread_mutex_unlock(&odebug_lock);
	debug_print_object(&o, "free", site);
	debug_object_fixup(descr->fixup_free, addr, o.state, site);
}

void __kshim_debug_object_assert_init(void *addr,
				      const struct debug_obj_descr *descr,
				      const struct kshim_site *site)
{
	struct debug_obj o = {
		.object = addr,
		.state = ODEBUG_STATE_NOTAVAILABLE,
		.descr = descr,
	};
	struct odebug_rec *r;
	bool check_stack;

	if (!enabled())
		return;
	pthread_mutex_lock(&odebug_lock);
	r = lookup_or_alloc_locked(addr, get_bucket(addr), descr, true,
				   &check_stack);
	pthread_mutex_unlock(&odebug_lock);
	if (!IS_ERR_OR_NULL(r)) {
		if (check_stack)
			debug_object_is_on_stack(addr, 0, site);
		return;
	}
	if (!r) {
		debug_objects_oom();
		return;
	}
	if (!enabled())
		return;
	/* Neither tracked nor static: it was never initialised. */
	debug_print_object(&o, "assert_init", site);
	debug_object_fixup(descr->fixup_assert_init, addr,
			   ODEBUG_STATE_NOTAVAILABLE, site);
}

void __kshim_debug_object_active_state(void *addr,
				       const struct debug_obj_descr *descr,
				       unsigned int expect, unsigned int next,
				       const struct kshim_site *site)
{
	struct debug_obj o = {
		.object = addr,
		.state = ODEBUG_STATE_NOTAVAILABLE,
		.descr = descr,
	};
	struct odebug_rec *r;

	if (!enabled())
		return;
	pthread_mutex_lock(&odebug_lock);
	r = lookup_locked(addr, get_bucket(addr));
	if (r) {
		if (r->o.state == ODEBUG_STATE_ACTIVE &&
		    r->o.astate == expect) {
			r->o.astate = next;
			pthread_mutex_unlock(&odebug_lock);
			return;
		}
		o = r->o;
	}
	pthread_mutex_unlock(&odebug_lock);
	debug_print_object(&o, "active_state", site);
}

/*
 * The first active object in [@saddr, @eaddr) of bucket @b, copied to
 * @o; the others there are forgotten (freed memory holds no object).
 */
static bool find_active_locked(struct odebug_rec **b, unsigned long saddr,
			       unsigned long eaddr, struct debug_obj *o,
			       int *checked)
{
	struct odebug_rec *r, *n;

	for (r = *b; r; r = n) {
		unsigned long oaddr = (unsigned long)r->o.object;

		n = r->next;
		(*checked)++;
		if (oaddr < saddr || oaddr >= eaddr)
			continue;
		if (r->o.state == ODEBUG_STATE_ACTIVE) {
			*o = r->o;
			return true;
		}
		unlink_locked(r);
		free(r);
	}
	return false;
}

static void check_bucket(struct odebug_rec **b, unsigned long saddr,
			 unsigned long eaddr, int *checked,
			 const struct kshim_site *site)
{
	struct odebug_rec *r;
	struct debug_obj o;

	for (;;) {
		bool found;

		pthread_mutex_lock(&odebug_lock);
		found = find_active_locked(b, saddr, eaddr, &o, checked);
		pthread_mutex_unlock(&odebug_lock);
		if (!found)
			return;
		debug_print_object(&o, "free", site);
		debug_object_fixup(o.descr->fixup_free, o.object, o.state,
				   site);
		/*
		 * The fixup normally forgets the object; if it could not
		 * (no fixup, or it left the object active), forget it here
		 * (the memory is freed, whatever it held).
		 */
		pthread_mutex_lock(&odebug_lock);
		r = lookup_locked(o.object, b);
		if (r)
			unlink_locked(r);
		pthread_mutex_unlock(&odebug_lock);
		free(r);
	}
}

void __kshim_debug_check_no_obj_freed(const void *address,
				      unsigned long size,
				      const struct kshim_site *site)
{
	unsigned long saddr = (unsigned long)address, eaddr = saddr + size;
	unsigned long paddr = saddr & ODEBUG_CHUNK_MASK, chunks;
	int checked = 0;

	if (!enabled() || !size ||
	    !__atomic_load_n(&kshim_odebug_nr_tracked, __ATOMIC_RELAXED))
		return;
	chunks = (eaddr - paddr + ODEBUG_CHUNK_SIZE - 1) >> ODEBUG_CHUNK_SHIFT;
	if (chunks >= ODEBUG_HASH_SIZE) {
		/* A large range: every bucket once. */
		unsigned int i;

		for (i = 0; i < ODEBUG_HASH_SIZE; i++)
			check_bucket(&obj_hash[i], saddr, eaddr, &checked,
				     site);
	} else {
		for (; chunks > 0; chunks--, paddr += ODEBUG_CHUNK_SIZE)
			check_bucket(&obj_hash[chunk_hash(paddr)], saddr,
				     eaddr, &checked, site);
	}
	if (checked > __atomic_load_n(&debug_objects_maxchecked,
				      __ATOMIC_RELAXED))
		__atomic_store_n(&debug_objects_maxchecked, checked,
				 __ATOMIC_RELAXED);
}

/* ---- the real functions, for code that takes their address ---- */

#undef debug_object_init
#undef debug_object_init_on_stack
#undef debug_object_activate
#undef debug_object_deactivate
#undef debug_object_destroy
#undef debug_object_free
#undef debug_object_assert_init
#undef debug_object_active_state
#undef debug_check_no_obj_freed

#define ODEBUG_SITE(name)						\
	static const struct kshim_site site = { name, 0, name, NULL }

void debug_object_init(void *addr, const struct debug_obj_descr *descr)
{
	ODEBUG_SITE("debug_object_init");

	__kshim_debug_object_init(addr, descr, &site);
}

void debug_object_init_on_stack(void *addr,
				const struct debug_obj_descr *descr)
{
	ODEBUG_SITE("debug_object_init_on_stack");

	__kshim_debug_object_init_on_stack(addr, descr, &site);
}

int debug_object_activate(void *addr, const struct debug_obj_descr *descr)
{
	ODEBUG_SITE("debug_object_activate");

	return __kshim_debug_object_activate(addr, descr, &site);
}

void debug_object_deactivate(void *addr, const struct debug_obj_descr *descr)
{
	ODEBUG_SITE("debug_object_deactivate");

	__kshim_debug_object_deactivate(addr, descr, &site);
}

void debug_object_destroy(void *addr, const struct debug_obj_descr *descr)
{
	ODEBUG_SITE("debug_object_destroy");

	__kshim_debug_object_destroy(addr, descr, &site);
}

void debug_object_free(void *addr, const struct debug_obj_descr *descr)
{
	ODEBUG_SITE("debug_object_free");

	__kshim_debug_object_free(addr, descr, &site);
}

void debug_object_assert_init(void *addr,
			      const struct debug_obj_descr *descr)
{
	ODEBUG_SITE("debug_object_assert_init");

	__kshim_debug_object_assert_init(addr, descr, &site);
}

void debug_object_active_state(void *addr,
			       const struct debug_obj_descr *descr,
			       unsigned int expect, unsigned int next)
{
	ODEBUG_SITE("debug_object_active_state");

	__kshim_debug_object_active_state(addr, descr, expect, next, &site);
}

void debug_check_no_obj_freed(const void *address, unsigned long size)
{
	ODEBUG_SITE("debug_check_no_obj_freed");

	__kshim_debug_check_no_obj_freed(address, size, &site);
}

void debug_objects_early_init(void)
{
}

void debug_objects_mem_init(void)
{
}

/* ---- tests ---- */

/* Each test: nothing tracked, the limits and counters from zero. */
void kshim_debug_objects_test_begin(void)
{
	pthread_mutex_lock(&odebug_lock);
	forget_all_locked();
	pthread_mutex_unlock(&odebug_lock);
	__atomic_store_n(&debug_objects_enabled, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&print_limit, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&stack_limit, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&debug_objects_warnings, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&debug_objects_fixups, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&debug_objects_maxchecked, 0, __ATOMIC_RELAXED);
}
