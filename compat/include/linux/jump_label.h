/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/jump_label.h - static keys.
 *
 * Follows include/linux/jump_label.h and kernel/jump_label.c of 6.1.y
 * (CONFIG_JUMP_LABEL): struct static_key counts its enables;
 * static_branch_likely()/unlikely() test it (kshim patches no code: a
 * branch is an ordinary load, which behaves the same).  The kernel's
 * checks, reported at the caller's file:line:
 *  - static_key_slow_dec()/static_branch_dec() of a key at 0: WARN_ON_ONCE
 *    (v == 0), the count stays 0 (6.1.0 printed "jump label: negative
 *    count!" instead; 6.1.y's static_key_dec_not_one() warns this way);
 *  - static_key_enable() of a key counted above 1, static_key_disable() of
 *    a key not at 0 or 1: WARN_ON_ONCE;
 *  - every form without _cpuslocked takes cpus_read_lock(), and every
 *    change of the branch direction jump_label_mutex: might_sleep() at the
 *    caller's line (a _cpuslocked form that only moves the count does not
 *    sleep).
 * Misuse of static_key_enabled() on another type is a link error
 * (____wrong_branch_error), as in the kernel.  (compat/kernel/jump_label.c)
 */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <kshim/site.h>

struct static_key {
	atomic_t enabled;
};

struct static_key_true {
	struct static_key key;
};

struct static_key_false {
	struct static_key key;
};

extern bool static_key_initialized;

#define STATIC_KEY_INIT_TRUE	{ .enabled = ATOMIC_INIT(1) }
#define STATIC_KEY_INIT_FALSE	{ .enabled = ATOMIC_INIT(0) }
#define STATIC_KEY_INIT		STATIC_KEY_INIT_FALSE
#define jump_label_enabled	static_key_enabled

#define STATIC_KEY_TRUE_INIT						\
	(struct static_key_true) { .key = STATIC_KEY_INIT_TRUE, }
#define STATIC_KEY_FALSE_INIT						\
	(struct static_key_false) { .key = STATIC_KEY_INIT_FALSE, }

#define DEFINE_STATIC_KEY_TRUE(name)					\
	struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DEFINE_STATIC_KEY_TRUE_RO(name)					\
	struct static_key_true name __ro_after_init = STATIC_KEY_TRUE_INIT
#define DECLARE_STATIC_KEY_TRUE(name)					\
	extern struct static_key_true name
#define DEFINE_STATIC_KEY_FALSE(name)					\
	struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DEFINE_STATIC_KEY_FALSE_RO(name)				\
	struct static_key_false name __ro_after_init = STATIC_KEY_FALSE_INIT
#define DECLARE_STATIC_KEY_FALSE(name)					\
	extern struct static_key_false name
#define DEFINE_STATIC_KEY_ARRAY_TRUE(name, count)			\
	struct static_key_true name[count] = {				\
		[0 ... (count) - 1] = STATIC_KEY_TRUE_INIT,		\
	}
#define DEFINE_STATIC_KEY_ARRAY_FALSE(name, count)			\
	struct static_key_false name[count] = {				\
		[0 ... (count) - 1] = STATIC_KEY_FALSE_INIT,		\
	}

#define _DEFINE_STATIC_KEY_1(name)	DEFINE_STATIC_KEY_TRUE(name)
#define _DEFINE_STATIC_KEY_0(name)	DEFINE_STATIC_KEY_FALSE(name)
#define DEFINE_STATIC_KEY_MAYBE(cfg, name)				\
	__PASTE(_DEFINE_STATIC_KEY_, IS_ENABLED(cfg))(name)
#define _DEFINE_STATIC_KEY_RO_1(name)	DEFINE_STATIC_KEY_TRUE_RO(name)
#define _DEFINE_STATIC_KEY_RO_0(name)	DEFINE_STATIC_KEY_FALSE_RO(name)
#define DEFINE_STATIC_KEY_MAYBE_RO(cfg, name)				\
	__PASTE(_DEFINE_STATIC_KEY_RO_, IS_ENABLED(cfg))(name)
#define _DECLARE_STATIC_KEY_1(name)	DECLARE_STATIC_KEY_TRUE(name)
#define _DECLARE_STATIC_KEY_0(name)	DECLARE_STATIC_KEY_FALSE(name)
#define DECLARE_STATIC_KEY_MAYBE(cfg, name)				\
	__PASTE(_DECLARE_STATIC_KEY_, IS_ENABLED(cfg))(name)

/* The count; -1 (an enable in progress) reads as 1. */
/*
 * As in the kernel, atomic.h and bug.h come after the types: the printk
 * and bug headers reach this one again (through string.h) and must find
 * struct static_key complete.
 */
#include <linux/atomic.h>
#include <linux/bug.h>

int static_key_count(struct static_key *key);

extern bool ____wrong_branch_error(void);

#define static_key_enabled(x)						\
({									\
	if (!__builtin_types_compatible_p(typeof(*x), struct static_key) && \
	    !__builtin_types_compatible_p(typeof(*x), struct static_key_true) && \
	    !__builtin_types_compatible_p(typeof(*x), struct static_key_false)) \
		____wrong_branch_error();				\
	static_key_count((struct static_key *)x) > 0;			\
})

/* The old API, on a struct static_key. */
static __always_inline bool static_key_false(struct static_key *key)
{
	return unlikely(static_key_count(key) > 0);
}

static __always_inline bool static_key_true(struct static_key *key)
{
	return likely(static_key_count(key) > 0);
}

#define static_branch_likely(x)		likely(static_key_enabled(&(x)->key))
#define static_branch_unlikely(x)	unlikely(static_key_enabled(&(x)->key))
#define static_branch_maybe(config, x)					\
	(IS_ENABLED(config) ? static_branch_likely(x)			\
			    : static_branch_unlikely(x))

/* compat/kernel/jump_label.c; @cpuslocked: the caller holds cpus_read_lock */
bool __kshim_static_key_slow_inc(struct static_key *key, bool cpuslocked,
				 const struct kshim_site *site);
void __kshim_static_key_slow_dec(struct static_key *key, bool cpuslocked,
				 const struct kshim_site *site);
void __kshim_static_key_enable(struct static_key *key, bool cpuslocked,
			       const struct kshim_site *site);
void __kshim_static_key_disable(struct static_key *key, bool cpuslocked,
				const struct kshim_site *site);
bool static_key_fast_inc_not_disabled(struct static_key *key);
void jump_label_lock(void);
void jump_label_unlock(void);

static inline void jump_label_init(void)
{
}

#define static_key_slow_inc(key)					\
	__kshim_static_key_slow_inc(key, false, __KSHIM_CALLSITE)
#define static_key_slow_dec(key)					\
	__kshim_static_key_slow_dec(key, false, __KSHIM_CALLSITE)
#define static_key_slow_inc_cpuslocked(key)				\
	__kshim_static_key_slow_inc(key, true, __KSHIM_CALLSITE)
#define static_key_slow_dec_cpuslocked(key)				\
	__kshim_static_key_slow_dec(key, true, __KSHIM_CALLSITE)
#define static_key_enable(key)						\
	__kshim_static_key_enable(key, false, __KSHIM_CALLSITE)
#define static_key_disable(key)						\
	__kshim_static_key_disable(key, false, __KSHIM_CALLSITE)
#define static_key_enable_cpuslocked(key)				\
	__kshim_static_key_enable(key, true, __KSHIM_CALLSITE)
#define static_key_disable_cpuslocked(key)				\
	__kshim_static_key_disable(key, true, __KSHIM_CALLSITE)

#define static_branch_inc(x)		static_key_slow_inc(&(x)->key)
#define static_branch_dec(x)		static_key_slow_dec(&(x)->key)
#define static_branch_inc_cpuslocked(x)				\
	static_key_slow_inc_cpuslocked(&(x)->key)
#define static_branch_dec_cpuslocked(x)				\
	static_key_slow_dec_cpuslocked(&(x)->key)
#define static_branch_enable(x)		static_key_enable(&(x)->key)
#define static_branch_disable(x)	static_key_disable(&(x)->key)
#define static_branch_enable_cpuslocked(x)				\
	static_key_enable_cpuslocked(&(x)->key)
#define static_branch_disable_cpuslocked(x)				\
	static_key_disable_cpuslocked(&(x)->key)

/* What the kernel's linux/jump_label.h also makes visible. */
#include <linux/stringify.h>

#endif /* _LINUX_JUMP_LABEL_H */
