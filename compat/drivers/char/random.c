// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/char/random.c - the kernel's random numbers, made
 * reproducible.
 *
 * Plays drivers/char/random.c (6.1): get_random_bytes() and the
 * get_random_u*() family, __get_random_u32_below() by multiply-and-reject
 * as the kernel (unbiased), a CRNG that is always initialised.  Instead of
 * a ChaCha20 CRNG fed by entropy, kshim draws from SplitMix64 (a 64-bit
 * counter advanced by the golden ratio, each value mixed by a fixed
 * bijection) started from KSHIM_RANDOM_SEED: one atomic step per 64 bits,
 * so threads share one sequence without a lock.  Every test starts the
 * sequence again from the seed (kshim_random_test_begin()), and so does a
 * boot.  Entropy inputs are ignored so that nothing outside the test can
 * change the numbers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/random.h>

#include "kshim/internal.h"

#define GOLDEN_GAMMA	0x9e3779b97f4a7c15ULL

static u64 random_counter;

static u64 mix64(u64 z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static u64 next64(void)
{
	u64 c = __atomic_add_fetch(&random_counter, GOLDEN_GAMMA,
				   __ATOMIC_RELAXED);

	return mix64(c);
}

/* ---- the setting: KSHIM_RANDOM_SEED ---- */

int kshim_parse_random_seed(const char *val, struct kshim_config *c)
{
	unsigned long long v;
	char *end;

	if (!*val || *val == '-' || *val == '+' || *val == ' ')
		return -EINVAL;
	errno = 0;
	v = strtoull(val, &end, 0);
	if (errno || *end)
		return -EINVAL;
	c->random_seed = v;
	return 0;
}

const char *kshim_show_random_seed(const struct kshim_config *c, char *buf,
				   size_t len)
{
	snprintf(buf, len, "%llu", c->random_seed);
	return buf;
}

void kshim_random_init(void)
{
	__atomic_store_n(&random_counter, kshim_config.random_seed,
			 __ATOMIC_RELAXED);
}

void kshim_random_test_begin(void)
{
	kshim_random_init();
}

/* ---- the kernel API ---- */

void get_random_bytes(void *buf, size_t len)
{
	u8 *p = buf;

	while (len) {
		u64 v = next64();
		size_t n = len < sizeof(v) ? len : sizeof(v);

		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
}

u64 get_random_u64(void)
{
	return next64();
}

u32 get_random_u32(void)
{
	return (u32)(next64() >> 32);
}

u16 get_random_u16(void)
{
	return (u16)(next64() >> 48);
}

u8 get_random_u8(void)
{
	return (u8)(next64() >> 56);
}

u32 __get_random_u32_below(u32 ceil)
{
	u64 mult;

	if (unlikely(!ceil))
		return get_random_u32();
	/*
	 * The high half of ceil * rand is the result; reject the few rand
	 * values whose low half falls below 2^32 mod ceil, which would
	 * favour some results.
	 */
	mult = (u64)ceil * get_random_u32();
	if (unlikely((u32)mult < ceil)) {
		u32 bound = -ceil % ceil;

		while (unlikely((u32)mult < bound))
			mult = (u64)ceil * get_random_u32();
	}
	return mult >> 32;
}

bool rng_is_initialized(void)
{
	return true;
}

int wait_for_random_bytes(void)
{
	return 0;
}

void add_device_randomness(const void *buf, size_t len)
{
}

void add_bootloader_randomness(const void *buf, size_t len)
{
}

void add_input_randomness(unsigned int type, unsigned int code,
			  unsigned int value)
{
}

void add_interrupt_randomness(int irq)
{
}

void add_hwgenerator_randomness(const void *buf, size_t len, size_t entropy)
{
}
