// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/jump_label.c - static keys.
 *
 * Reproduces kernel/jump_label.c of 6.1.y without code patching: the
 * count in key->enabled is the whole state (0 off, >0 on, -1 while the
 * first enable runs under jump_label_mutex).  The count moves without the
 * mutex when the direction of the branch does not change
 * (static_key_fast_inc_not_disabled(), the decrement above 1), under it
 * otherwise.  Checks, at the caller's file:line: the WARN_ON_ONCE()s of
 * static_key_dec_not_one() (a decrement at 0 or during a first enable),
 * of static_key_enable() (count above 1) and static_key_disable() (count
 * not 0 or 1); might_sleep() for cpus_read_lock() (forms without
 * _cpuslocked) and for jump_label_mutex.
 */
#include <limits.h>
#include <pthread.h>

#include <linux/jump_label.h>
#include <linux/might_sleep.h>

bool static_key_initialized = true;

static pthread_mutex_t jump_label_mutex = PTHREAD_MUTEX_INITIALIZER;

/* One WARN_ON_ONCE() site of kernel/jump_label.c each. */
enum { WARN_DEC_NEG, WARN_DEC_ZERO, WARN_ENABLE, WARN_DISABLE, NR_WARN };
static bool warned[NR_WARN];

static bool warn_once(bool cond, int which, const struct kshim_site *site)
{
	if (cond && !__atomic_exchange_n(&warned[which], true,
					 __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
	return cond;
}

void jump_label_lock(void)
{
	might_sleep();
	pthread_mutex_lock(&jump_label_mutex);
}

void jump_label_unlock(void)
{
	pthread_mutex_unlock(&jump_label_mutex);
}

/* jump_label_mutex, a might_sleep() point at the caller's line. */
static void key_lock(const struct kshim_site *site)
{
	__kshim_might_sleep(site->file, site->line, site->func);
	pthread_mutex_lock(&jump_label_mutex);
}

/* cpus_read_lock() of the forms without _cpuslocked. */
static void cpus_lock(bool cpuslocked, const struct kshim_site *site)
{
	if (!cpuslocked)
		__kshim_might_sleep(site->file, site->line, site->func);
}

static int key_read(struct static_key *key)
{
	return __atomic_load_n(&key->enabled.counter, __ATOMIC_ACQUIRE);
}

static void key_set(struct static_key *key, int v)
{
	__atomic_store_n(&key->enabled.counter, v, __ATOMIC_RELEASE);
}

static bool key_cmpxchg(struct static_key *key, int *old, int new)
{
	return __atomic_compare_exchange_n(&key->enabled.counter, old, new,
					   false, __ATOMIC_ACQ_REL,
					   __ATOMIC_ACQUIRE);
}

int static_key_count(struct static_key *key)
{
	int n = key_read(key);

	return n >= 0 ? n : 1;
}

/* Count one more enable if the key is already on (> 0). */
bool static_key_fast_inc_not_disabled(struct static_key *key)
{
	int v = key_read(key);

	do {
		if (v <= 0 || v == INT_MAX)
			return false;
	} while (!key_cmpxchg(key, &v, v + 1));
	return true;
}

bool __kshim_static_key_slow_inc(struct static_key *key, bool cpuslocked,
				 const struct kshim_site *site)
{
	int zero = 0;

	cpus_lock(cpuslocked, site);
	if (static_key_fast_inc_not_disabled(key))
		return true;
	key_lock(site);
	if (key_cmpxchg(key, &zero, -1)) {
		/* The branches would be patched here. */
		key_set(key, 1);
	} else if (warn_once(!static_key_fast_inc_not_disabled(key),
			     WARN_DEC_NEG, site)) {
		pthread_mutex_unlock(&jump_label_mutex);
		return false;
	}
	pthread_mutex_unlock(&jump_label_mutex);
	return true;
}

/* Count one enable less unless that turns the key off; true when done. */
static bool static_key_dec_not_one(struct static_key *key,
				   const struct kshim_site *site)
{
	int v = key_read(key);

	do {
		warn_once(v < 0, WARN_DEC_NEG, site);
		/* An underflow: warn and pretend it worked. */
		if (warn_once(v == 0, WARN_DEC_ZERO, site))
			return true;
		if (v <= 1)
			return false;
	} while (!key_cmpxchg(key, &v, v - 1));
	return true;
}

void __kshim_static_key_slow_dec(struct static_key *key, bool cpuslocked,
				 const struct kshim_site *site)
{
	int v;

	cpus_lock(cpuslocked, site);
	if (static_key_dec_not_one(key, site))
		return;
	key_lock(site);
	v = key_read(key);
	if (!warn_once(v == -1, WARN_DEC_NEG, site) &&
	    !warn_once(v == 0, WARN_DEC_ZERO, site))
		__atomic_sub_fetch(&key->enabled.counter, 1, __ATOMIC_ACQ_REL);
	pthread_mutex_unlock(&jump_label_mutex);
}

void __kshim_static_key_enable(struct static_key *key, bool cpuslocked,
			       const struct kshim_site *site)
{
	cpus_lock(cpuslocked, site);
	if (key_read(key) > 0) {
		warn_once(key_read(key) != 1, WARN_ENABLE, site);
		return;
	}
	key_lock(site);
	if (key_read(key) == 0) {
		key_set(key, -1);
		key_set(key, 1);
	}
	pthread_mutex_unlock(&jump_label_mutex);
}

void __kshim_static_key_disable(struct static_key *key, bool cpuslocked,
				const struct kshim_site *site)
{
	int one = 1;

	cpus_lock(cpuslocked, site);
	if (key_read(key) != 1) {
		warn_once(key_read(key) != 0, WARN_DISABLE, site);
		return;
	}
	key_lock(site);
	key_cmpxchg(key, &one, 0);
	pthread_mutex_unlock(&jump_label_mutex);
}
