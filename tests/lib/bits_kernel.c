// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel code using the bit, number, byte-order and refcount headers:
 * built with the kernel's flags, so its reports name this file, and it
 * sees exactly what a driver sees (-nostdinc, kshim's headers only).
 */
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

#include "bits_kernel.h"

/* ---- ctype ---- */

unsigned int bk_ctype_classes(int c)
{
	return (isalnum(c) ? BK_ALNUM : 0) | (isalpha(c) ? BK_ALPHA : 0) |
	       (iscntrl(c) ? BK_CNTRL : 0) | (isdigit(c) ? BK_DIGIT : 0) |
	       (isgraph(c) ? BK_GRAPH : 0) | (islower(c) ? BK_LOWER : 0) |
	       (isprint(c) ? BK_PRINT : 0) | (ispunct(c) ? BK_PUNCT : 0) |
	       (isspace(c) ? BK_SPACE : 0) | (isupper(c) ? BK_UPPER : 0) |
	       (isxdigit(c) ? BK_XDIGIT : 0) | (isascii(c) ? BK_ASCII : 0) |
	       (isodigit(c) ? BK_ODIGIT : 0);
}

int bk_tolower(int c)
{
	return tolower(c);
}

int bk_toupper(int c)
{
	return toupper(c);
}

int bk__tolower(int c)
{
	return (unsigned char)_tolower(c);
}

int bk_toascii(int c)
{
	return toascii(c);
}

/* ---- refcount_t ---- */

static refcount_t rc = REFCOUNT_INIT(1);
static DEFINE_SPINLOCK(rc_lock);
static DEFINE_MUTEX(rc_mutex);

struct refcount_struct *bk_refcount_new(int n)
{
	refcount_set(&rc, n);
	return &rc;
}

void bk_refcount_set(int n)
{
	refcount_set(&rc, n);
}

unsigned int bk_refcount_read(void)
{
	return refcount_read(&rc);
}

int bk_refcount_init_value(void)
{
	refcount_t r = REFCOUNT_INIT(3);

	return refcount_read(&r);
}

void bk_refcount_inc(int *line)
{
	*line = __LINE__ + 1;
	refcount_inc(&rc);
}

void bk_refcount_add(int i, int *line)
{
	*line = __LINE__ + 1;
	refcount_add(i, &rc);
}

bool bk_refcount_inc_not_zero(int *line)
{
	*line = __LINE__ + 1;
	return refcount_inc_not_zero(&rc);
}

bool bk_refcount_add_not_zero(int i, int *line)
{
	*line = __LINE__ + 1;
	return refcount_add_not_zero(i, &rc);
}

bool bk_refcount_dec_and_test(int *line)
{
	*line = __LINE__ + 1;
	return refcount_dec_and_test(&rc);
}

bool bk_refcount_sub_and_test(int i, int *line)
{
	*line = __LINE__ + 1;
	return refcount_sub_and_test(i, &rc);
}

void bk_refcount_dec(int *line)
{
	*line = __LINE__ + 1;
	refcount_dec(&rc);
}

bool bk_refcount_dec_not_one(int *line)
{
	*line = __LINE__ + 1;
	return refcount_dec_not_one(&rc);
}

bool bk_refcount_dec_if_one(void)
{
	return refcount_dec_if_one(&rc);
}

bool bk_refcount_dec_and_lock(bool *locked_after, int *line)
{
	bool last;

	*line = __LINE__ + 1;
	last = refcount_dec_and_lock(&rc, &rc_lock);
	*locked_after = spin_is_locked(&rc_lock);
	if (last)
		spin_unlock(&rc_lock);
	return last;
}

bool bk_refcount_dec_and_lock_irqsave(bool *locked_after, int *line)
{
	unsigned long flags;
	bool last;

	*line = __LINE__ + 1;
	last = refcount_dec_and_lock_irqsave(&rc, &rc_lock, &flags);
	*locked_after = spin_is_locked(&rc_lock) && irqs_disabled();
	if (last)
		spin_unlock_irqrestore(&rc_lock, flags);
	return last;
}

bool bk_refcount_dec_and_mutex_lock(bool *locked_after, int *line)
{
	bool last;

	*line = __LINE__ + 1;
	last = refcount_dec_and_mutex_lock(&rc, &rc_mutex);
	*locked_after = mutex_is_locked(&rc_mutex);
	if (last)
		mutex_unlock(&rc_mutex);
	return last;
}

int bk_refcount_inc_two_sites(int *line1, int *line2)
{
	*line1 = __LINE__ + 1;
	refcount_inc(&rc);
	*line2 = __LINE__ + 1;
	refcount_inc(&rc);
	return refcount_read(&rc);
}

/* ---- kref ---- */

struct kobj {
	int payload;
	struct kref ref;
};

static struct kobj obj;
static int releases;
static bool release_had_lock;
static DEFINE_SPINLOCK(obj_lock);
static DEFINE_MUTEX(obj_mutex);

static void kobj_release(struct kref *ref)
{
	struct kobj *o = container_of(ref, struct kobj, ref);

	WARN_ON(o != &obj);
	releases++;
}

static void kobj_release_spin(struct kref *ref)
{
	release_had_lock = spin_is_locked(&obj_lock);
	kobj_release(ref);
	spin_unlock(&obj_lock);
}

static void kobj_release_mutex(struct kref *ref)
{
	release_had_lock = mutex_is_locked(&obj_mutex);
	kobj_release(ref);
	mutex_unlock(&obj_mutex);
}

void bk_kobj_init(void)
{
	kref_init(&obj.ref);
	releases = 0;
	release_had_lock = false;
}

void bk_kobj_set(int n)
{
	refcount_set(&obj.ref.refcount, n);
}

unsigned int bk_kobj_read(void)
{
	return kref_read(&obj.ref);
}

int bk_kobj_releases(void)
{
	return releases;
}

bool bk_kobj_release_had_lock(void)
{
	return release_had_lock;
}

bool bk_kobj_lock_held(void)
{
	return spin_is_locked(&obj_lock) || mutex_is_locked(&obj_mutex);
}

void bk_kref_get(int *line)
{
	*line = __LINE__ + 1;
	kref_get(&obj.ref);
}

int bk_kref_put(int *line)
{
	*line = __LINE__ + 1;
	return kref_put(&obj.ref, kobj_release);
}

int bk_kref_get_unless_zero(int *line)
{
	*line = __LINE__ + 1;
	return kref_get_unless_zero(&obj.ref);
}

int bk_kref_put_lock(int *line)
{
	*line = __LINE__ + 1;
	return kref_put_lock(&obj.ref, kobj_release_spin, &obj_lock);
}

int bk_kref_put_mutex(int *line)
{
	*line = __LINE__ + 1;
	return kref_put_mutex(&obj.ref, kobj_release_mutex, &obj_mutex);
}

/* ---- bitfield ---- */

#define REG_A		GENMASK(3, 0)
#define REG_B		GENMASK(15, 8)
#define REG_C		BIT(31)

unsigned int bk_field_prep(unsigned int a, unsigned int b, unsigned int c)
{
	return FIELD_PREP(REG_A, a) | FIELD_PREP(REG_B, b) |
	       FIELD_PREP(REG_C, c);
}

void bk_field_get(unsigned int reg, unsigned int *a, unsigned int *b,
		  unsigned int *c)
{
	*a = FIELD_GET(REG_A, reg);
	*b = FIELD_GET(REG_B, reg);
	*c = FIELD_GET(REG_C, reg);
}

bool bk_field_fit_b(unsigned int v)
{
	return FIELD_FIT(REG_B, v);
}

unsigned int bk_field_max_b(void)
{
	return FIELD_MAX(REG_B);
}

unsigned long long bk_u64_encode(unsigned long long v)
{
	return u64_encode_bits(v, GENMASK_ULL(47, 40));
}

/* @v into bits 23..12 of a little-endian register and back. */
unsigned int bk_le32_roundtrip(unsigned int v, unsigned int *raw)
{
	__le32 reg = le32_encode_bits(v, GENMASK(23, 12));

	*raw = (__force u32)reg;
	le32p_replace_bits(&reg, 0x5, GENMASK(3, 0));
	return le32_get_bits(reg, GENMASK(23, 12)) |
	       be32_get_bits(cpu_to_be32(0xabcd), GENMASK(15, 8)) << 24;
}
