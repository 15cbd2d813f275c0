// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/random32.c - the seeded Tausworthe generator of
 * lib/random32.c (6.1).
 *
 * L'Ecuyer's LFSR113 ("Tables of maximally equidistributed combined LFSR
 * generators", 1999): four 32-bit components, each stepped as
 * ((s & mask) << d) ^ (((s << a) ^ s) >> b), the output their xor.
 * prandom_bytes_state() stores whole outputs little-endian, then the low
 * bytes of one more; prandom_seed_full_state() seeds every CPU's state
 * from get_random_bytes() and runs the generator ten times, as the kernel
 * does.
 */
#include <string.h>

#include <linux/prandom.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>

static inline u32 lfsr_step(u32 s, unsigned int a, unsigned int b, u32 mask,
			    unsigned int d)
{
	return ((s & mask) << d) ^ (((s << a) ^ s) >> b);
}

u32 prandom_u32_state(struct rnd_state *state)
{
	state->s1 = lfsr_step(state->s1, 6, 13, 0xfffffffeU, 18);
	state->s2 = lfsr_step(state->s2, 2, 27, 0xfffffff8U, 2);
	state->s3 = lfsr_step(state->s3, 13, 21, 0xfffffff0U, 7);
	state->s4 = lfsr_step(state->s4, 3, 12, 0xffffff80U, 13);
	return state->s1 ^ state->s2 ^ state->s3 ^ state->s4;
}

void prandom_bytes_state(struct rnd_state *state, void *buf, size_t bytes)
{
	u8 *p = buf;
	unsigned int i;

	for (; bytes >= 4; bytes -= 4, p += 4) {
		u32 v = prandom_u32_state(state);

		for (i = 0; i < 4; i++)
			p[i] = (u8)(v >> (8 * i));
	}
	if (bytes) {
		u32 v = prandom_u32_state(state);

		for (i = 0; i < bytes; i++)
			p[i] = (u8)(v >> (8 * i));
	}
}

void prandom_seed_full_state(struct rnd_state __percpu *pcpu_state)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct rnd_state *state = per_cpu_ptr(pcpu_state, cpu);
		u32 seeds[4];
		int i;

		get_random_bytes(seeds, sizeof(seeds));
		state->s1 = __seed(seeds[0], 2U);
		state->s2 = __seed(seeds[1], 8U);
		state->s3 = __seed(seeds[2], 16U);
		state->s4 = __seed(seeds[3], 128U);
		for (i = 0; i < 10; i++)
			prandom_u32_state(state);
	}
}
