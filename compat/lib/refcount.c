// SPDX-License-Identifier: GPL-2.0
/*
 * lib/refcount.c - the out-of-line refcount_t operations of 6.1:
 * refcount_warn_saturate() (saturate, then one WARN per kind of event and
 * boot, in the kernel's words, here at the caller's file:line),
 * refcount_dec_if_one() and refcount_dec_not_one().  The lock-taking
 * forms are macros in linux/refcount.h.
 */
#include <linux/refcount.h>
#include <linux/panic.h>

/* WARN_ONCE() at the caller's line: one flag per message, as the kernel
 * has one WARN_ONCE() site per case. */
static void refcount_warn_once(bool *done, const struct kshim_site *site,
			       const char *text)
{
	if (__atomic_exchange_n(done, true, __ATOMIC_RELAXED))
		return;
	__kshim_warn(site->file, site->line, site->func, site->mod,
		     TAINT_WARN, "refcount_t: %s.\n", text);
}

static bool warned_add_not_zero_ovf, warned_add_ovf, warned_add_uaf;
static bool warned_sub_uaf, warned_dec_leak, warned_unknown;
static bool warned_dec_not_one;

void __kshim_refcount_warn_saturate(refcount_t *r,
				    enum refcount_saturation_type t,
				    const struct kshim_site *site)
{
	refcount_set(r, REFCOUNT_SATURATED);

	switch (t) {
	case REFCOUNT_ADD_NOT_ZERO_OVF:
		refcount_warn_once(&warned_add_not_zero_ovf, site,
				   "saturated; leaking memory");
		break;
	case REFCOUNT_ADD_OVF:
		refcount_warn_once(&warned_add_ovf, site,
				   "saturated; leaking memory");
		break;
	case REFCOUNT_ADD_UAF:
		refcount_warn_once(&warned_add_uaf, site,
				   "addition on 0; use-after-free");
		break;
	case REFCOUNT_SUB_UAF:
		refcount_warn_once(&warned_sub_uaf, site,
				   "underflow; use-after-free");
		break;
	case REFCOUNT_DEC_LEAK:
		refcount_warn_once(&warned_dec_leak, site,
				   "decrement hit 0; leaking memory");
		break;
	default:
		refcount_warn_once(&warned_unknown, site,
				   "unknown saturation event!?");
	}
}

/* 1 -> 0 if the count is exactly 1; no warning either way. */
bool refcount_dec_if_one(refcount_t *r)
{
	int val = 1;

	return __atomic_compare_exchange_n(&r->refs.counter, &val, 0, false,
					   __ATOMIC_RELEASE,
					   __ATOMIC_RELAXED);
}

/*
 * Decrement unless the count is 1 (false: the caller must do the final
 * put itself) or saturated (left alone).  A count at or below 0 is an
 * underflow: WARN once, leave it, and report true as the kernel does.
 */
bool __kshim_refcount_dec_not_one(refcount_t *r,
				  const struct kshim_site *site)
{
	unsigned int new, val = atomic_read(&r->refs);

	do {
		if (unlikely(val == (unsigned int)REFCOUNT_SATURATED))
			return true;
		if (val == 1)
			return false;
		new = val - 1;
		if (new > val) {
			refcount_warn_once(&warned_dec_not_one, site,
					   "underflow; use-after-free");
			return true;
		}
	} while (!__atomic_compare_exchange_n(&r->refs.counter, (int *)&val,
					      (int)new, false,
					      __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
	return true;
}
