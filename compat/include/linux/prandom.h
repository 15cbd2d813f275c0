/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/prandom.h - the seeded pseudo-random generator of lib/random32.c.
 *
 * Follows include/linux/prandom.h and lib/random32.c of 6.1: struct
 * rnd_state is L'Ecuyer's four-component Tausworthe generator (LFSR113),
 * prandom_seed_state() expands a 64-bit seed as the kernel does, and
 * prandom_u32_state()/prandom_bytes_state() give the kernel's exact
 * sequence for a given state.  prandom_u32_max() is the deprecated name of
 * get_random_u32_below().  (compat/lib/random32.c)
 */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

#include <linux/types.h>
#include <linux/percpu.h>
#include <linux/random.h>

struct rnd_state {
	__u32 s1, s2, s3, s4;
};

u32 prandom_u32_state(struct rnd_state *state);
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes);
void prandom_seed_full_state(struct rnd_state __percpu *pcpu_state);

/* Deprecated: use get_random_u32_below() instead. */
static inline u32 prandom_u32_max(u32 ep_ro)
{
	return get_random_u32_below(ep_ro);
}

/* Each component must start at or above its minimum (2, 8, 16, 128). */
static inline u32 __seed(u32 x, u32 m)
{
	return (x < m) ? x + m : x;
}

static inline void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	u32 i = ((seed >> 32) ^ (seed << 10) ^ seed) & 0xffffffffUL;

	state->s1 = __seed(i, 2U);
	state->s2 = __seed(i, 8U);
	state->s3 = __seed(i, 16U);
	state->s4 = __seed(i, 128U);
}

/* The "numerical recipes" linear congruential step. */
static inline u32 next_pseudo_random32(u32 seed)
{
	return seed * 1664525 + 1013904223;
}

/* What the kernel's linux/prandom.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/time64.h>

#endif /* _LINUX_PRANDOM_H */
