/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/random.h - random numbers for kernel code.
 *
 * Follows include/linux/random.h of 6.1 (with the 6.1.y get_random_u32_below()
 * family): get_random_bytes(), get_random_u8/u16/u32/u64/long(),
 * get_random_u32_below/above/inclusive(), the _wait() forms and
 * prandom (linux/prandom.h).  kshim's generator is deterministic: each
 * test starts from the KSHIM_RANDOM_SEED setting (see README), so a test
 * draws the same numbers every run whatever ran before it; threads share
 * one sequence in the order they draw.  The CRNG is always ready
 * (rng_is_initialized() true, wait_for_random_bytes() 0), and the
 * add_*_randomness() inputs are accepted and ignored, which keeps the
 * sequence reproducible.  (compat/drivers/char/random.c)
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/list.h>

struct notifier_block;

void add_device_randomness(const void *buf, size_t len);
void add_bootloader_randomness(const void *buf, size_t len);
void add_input_randomness(unsigned int type, unsigned int code,
			  unsigned int value);
void add_interrupt_randomness(int irq);
void add_hwgenerator_randomness(const void *buf, size_t len, size_t entropy);

static inline void add_latent_entropy(void)
{
	add_device_randomness(NULL, 0);
}

void get_random_bytes(void *buf, size_t len);
u8 get_random_u8(void);
u16 get_random_u16(void);
u32 get_random_u32(void);
u64 get_random_u64(void);

static inline unsigned long get_random_long(void)
{
	return get_random_u64();
}

/* A uniform value in [0, @ceil); @ceil 0 gives any u32. */
u32 __get_random_u32_below(u32 ceil);

static inline u32 get_random_u32_below(u32 ceil)
{
	return __get_random_u32_below(ceil);
}

/* A uniform value in (@floor, U32_MAX]. */
static inline u32 get_random_u32_above(u32 floor)
{
	return floor + 1 + get_random_u32_below(U32_MAX - floor);
}

/* A uniform value in [@floor, @ceil]. */
static inline u32 get_random_u32_inclusive(u32 floor, u32 ceil)
{
	return floor + get_random_u32_below(ceil - floor + 1);
}

#define CANARY_MASK 0xffffffffffffff00UL

static inline unsigned long get_random_canary(void)
{
	return get_random_long() & CANARY_MASK;
}

bool rng_is_initialized(void);
int wait_for_random_bytes(void);

static inline int get_random_bytes_wait(void *buf, size_t nbytes)
{
	int ret = wait_for_random_bytes();

	get_random_bytes(buf, nbytes);
	return ret;
}

#define declare_get_random_var_wait(name, ret_type)			\
	static inline int get_random_ ## name ## _wait(ret_type *out)	\
	{								\
		int ret = wait_for_random_bytes();			\
		if (unlikely(ret))					\
			return ret;					\
		*out = get_random_ ## name();				\
		return 0;						\
	}
declare_get_random_var_wait(u8, u8)
declare_get_random_var_wait(u16, u16)
declare_get_random_var_wait(u32, u32)
declare_get_random_var_wait(u64, u32)
declare_get_random_var_wait(long, unsigned long)
#undef declare_get_random_var_wait

#include <linux/prandom.h>

/* What the kernel's linux/random.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/ioctl.h>	/* through uapi/linux/random.h */
#include <linux/time64.h>

#endif /* _LINUX_RANDOM_H */
