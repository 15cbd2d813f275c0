/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/debugobjects.h - lifetime checks of kernel objects (ODEBUG).
 *
 * Follows include/linux/debugobjects.h and lib/debugobjects.c of 6.1
 * (CONFIG_DEBUG_OBJECTS, _FREE and _TIMERS on; KSHIM_DEBUG_OBJECTS=0
 * turns the checks off, as the no_debug_objects boot option does):
 *  - an object type describes itself with a struct debug_obj_descr (its
 *    name, a hint function naming the object's callback, a test for a
 *    statically initialised object, and fixups that repair misuse);
 *  - debug_object_init(), _activate(), _deactivate(), _destroy(), _free(),
 *    _assert_init() and _active_state() move the object through its
 *    states and report a transition the state forbids with the kernel's
 *    WARN: "ODEBUG: <op> <state> (active state <n>) object: <%p> object
 *    type: <name> hint: <%pS>" (the kernel before 6.2 prints no
 *    "object: <%p> ") then run the type's fixup; only the first 5
 *    reports of a test are printed, as the kernel prints the first 5 of a
 *    boot;
 *  - debug_object_init() of an object on the task's stack (or
 *    debug_object_init_on_stack() of one that is not) is the kernel's
 *    "ODEBUG: object <%p> is on stack <%p>, but NOT annotated." and a
 *    WARN_ON;
 *  - debug_check_no_obj_freed(), called by kfree(), kmem_cache_free(),
 *    vfree() and the page allocator's free of lowmem pages, reports an
 *    active object in the freed range ("free active") and fixes it (a
 *    timer is deleted with del_timer_sync()).
 * Each call is a macro recording the caller's line: the WARN names the
 * driver's file:line, not lib/debugobjects.c.  The functions exist too,
 * for code that takes their address.
 */
#ifndef _LINUX_DEBUGOBJECTS_H
#define _LINUX_DEBUGOBJECTS_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <kshim/site.h>

enum debug_obj_state {
	ODEBUG_STATE_NONE,
	ODEBUG_STATE_INIT,
	ODEBUG_STATE_INACTIVE,
	ODEBUG_STATE_ACTIVE,
	ODEBUG_STATE_DESTROYED,
	ODEBUG_STATE_NOTAVAILABLE,
	ODEBUG_STATE_MAX,
};

struct debug_obj_descr;

/* A tracked object (kshim keeps its own records; this is the shape). */
struct debug_obj {
	struct hlist_node	node;
	enum debug_obj_state	state;
	unsigned int		astate;
	void			*object;
	const struct debug_obj_descr *descr;
};

/*
 * An object type: @name is printed as "object type: <name>", @debug_hint
 * returns the function printed as "hint: <%pS>", @is_static_object says
 * an untracked object was initialised at compile time, the fixups repair
 * a failed check and return true when they did.
 */
struct debug_obj_descr {
	const char		*name;
	void *(*debug_hint)(void *addr);
	bool (*is_static_object)(void *addr);
	bool (*fixup_init)(void *addr, enum debug_obj_state state);
	bool (*fixup_activate)(void *addr, enum debug_obj_state state);
	bool (*fixup_destroy)(void *addr, enum debug_obj_state state);
	bool (*fixup_free)(void *addr, enum debug_obj_state state);
	bool (*fixup_assert_init)(void *addr, enum debug_obj_state state);
};

/* The real functions: for code that takes their address. */
void debug_object_init(void *addr, const struct debug_obj_descr *descr);
void debug_object_init_on_stack(void *addr,
				const struct debug_obj_descr *descr);
int debug_object_activate(void *addr, const struct debug_obj_descr *descr);
void debug_object_deactivate(void *addr, const struct debug_obj_descr *descr);
void debug_object_destroy(void *addr, const struct debug_obj_descr *descr);
void debug_object_free(void *addr, const struct debug_obj_descr *descr);
void debug_object_assert_init(void *addr,
			      const struct debug_obj_descr *descr);
/*
 * Active state:
 * - Set at 0 upon initialization.
 * - Must return to 0 before deactivation.
 */
void debug_object_active_state(void *addr,
			       const struct debug_obj_descr *descr,
			       unsigned int expect, unsigned int next);
void debug_check_no_obj_freed(const void *address, unsigned long size);

/* Boot-time set-up: kshim does it itself, these do nothing. */
void debug_objects_early_init(void);
void debug_objects_mem_init(void);

/* kshim: the same, with the caller's line for the report. */
void __kshim_debug_object_init(void *addr,
			       const struct debug_obj_descr *descr,
			       const struct kshim_site *site);
void __kshim_debug_object_init_on_stack(void *addr,
					const struct debug_obj_descr *descr,
					const struct kshim_site *site);
int __kshim_debug_object_activate(void *addr,
				  const struct debug_obj_descr *descr,
				  const struct kshim_site *site);
void __kshim_debug_object_deactivate(void *addr,
				     const struct debug_obj_descr *descr,
				     const struct kshim_site *site);
void __kshim_debug_object_destroy(void *addr,
				  const struct debug_obj_descr *descr,
				  const struct kshim_site *site);
void __kshim_debug_object_free(void *addr,
			       const struct debug_obj_descr *descr,
			       const struct kshim_site *site);
void __kshim_debug_object_assert_init(void *addr,
				      const struct debug_obj_descr *descr,
				      const struct kshim_site *site);
void __kshim_debug_object_active_state(void *addr,
				       const struct debug_obj_descr *descr,
				       unsigned int expect, unsigned int next,
				       const struct kshim_site *site);
void __kshim_debug_check_no_obj_freed(const void *address,
				      unsigned long size,
				      const struct kshim_site *site);

#define debug_object_init(addr, descr)					\
	__kshim_debug_object_init(addr, descr, __KSHIM_CALLSITE)
#define debug_object_init_on_stack(addr, descr)				\
	__kshim_debug_object_init_on_stack(addr, descr, __KSHIM_CALLSITE)
#define debug_object_activate(addr, descr)				\
	__kshim_debug_object_activate(addr, descr, __KSHIM_CALLSITE)
#define debug_object_deactivate(addr, descr)				\
	__kshim_debug_object_deactivate(addr, descr, __KSHIM_CALLSITE)
#define debug_object_destroy(addr, descr)				\
	__kshim_debug_object_destroy(addr, descr, __KSHIM_CALLSITE)
#define debug_object_free(addr, descr)					\
	__kshim_debug_object_free(addr, descr, __KSHIM_CALLSITE)
#define debug_object_assert_init(addr, descr)				\
	__kshim_debug_object_assert_init(addr, descr, __KSHIM_CALLSITE)
#define debug_object_active_state(addr, descr, expect, next)		\
	__kshim_debug_object_active_state(addr, descr, expect, next,	\
					  __KSHIM_CALLSITE)
#define debug_check_no_obj_freed(address, size)				\
	__kshim_debug_check_no_obj_freed(address, size, __KSHIM_CALLSITE)

#endif /* _LINUX_DEBUGOBJECTS_H */
