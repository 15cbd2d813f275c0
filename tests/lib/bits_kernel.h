/*
 * Kernel code for the bit, number, byte-order and refcount tests
 * (bits_kernel.c, built with the kernel's flags as module "bits_kernel").
 * Each refcount/kref snippet stores in *line the line of the call whose
 * report must name it.
 */
#ifndef _TESTS_LIB_BITS_KERNEL_H
#define _TESTS_LIB_BITS_KERNEL_H

#include <stdbool.h>

#define BITS_KERNEL_FILE "tests/lib/bits_kernel.c"

struct refcount_struct;
struct kref;

/* The classes of byte @c as kernel code sees them (bit per class). */
enum {
	BK_ALNUM = 1 << 0, BK_ALPHA = 1 << 1, BK_CNTRL = 1 << 2,
	BK_DIGIT = 1 << 3, BK_GRAPH = 1 << 4, BK_LOWER = 1 << 5,
	BK_PRINT = 1 << 6, BK_PUNCT = 1 << 7, BK_SPACE = 1 << 8,
	BK_UPPER = 1 << 9, BK_XDIGIT = 1 << 10, BK_ASCII = 1 << 11,
	BK_ODIGIT = 1 << 12,
};
unsigned int bk_ctype_classes(int c);
int bk_tolower(int c);
int bk_toupper(int c);
int bk__tolower(int c);
int bk_toascii(int c);

/* refcount_t snippets: the refcount lives in the test. */
struct refcount_struct *bk_refcount_new(int n);	/* static slot */
void bk_refcount_set(int n);
unsigned int bk_refcount_read(void);
void bk_refcount_inc(int *line);
void bk_refcount_add(int i, int *line);
bool bk_refcount_inc_not_zero(int *line);
bool bk_refcount_add_not_zero(int i, int *line);
bool bk_refcount_dec_and_test(int *line);
bool bk_refcount_sub_and_test(int i, int *line);
void bk_refcount_dec(int *line);
bool bk_refcount_dec_not_one(int *line);
bool bk_refcount_dec_if_one(void);
bool bk_refcount_dec_and_lock(bool *locked_after, int *line);
bool bk_refcount_dec_and_lock_irqsave(bool *locked_after, int *line);
bool bk_refcount_dec_and_mutex_lock(bool *locked_after, int *line);
int bk_refcount_inc_two_sites(int *line1, int *line2);
int bk_refcount_init_value(void);

/* A kref'd object: release counts calls, and whether the lock was held. */
void bk_kobj_init(void);
void bk_kobj_set(int n);
unsigned int bk_kobj_read(void);
int bk_kobj_releases(void);
bool bk_kobj_release_had_lock(void);
void bk_kref_get(int *line);
int bk_kref_put(int *line);
int bk_kref_get_unless_zero(int *line);
int bk_kref_put_lock(int *line);
int bk_kref_put_mutex(int *line);
bool bk_kobj_lock_held(void);

/* bitfield.h, as kernel code: a 32-bit register with three fields. */
unsigned int bk_field_prep(unsigned int a, unsigned int b, unsigned int c);
void bk_field_get(unsigned int reg, unsigned int *a, unsigned int *b,
		  unsigned int *c);
bool bk_field_fit_b(unsigned int v);
unsigned int bk_field_max_b(void);
unsigned long long bk_u64_encode(unsigned long long v);
unsigned int bk_le32_roundtrip(unsigned int v, unsigned int *raw);

#endif /* _TESTS_LIB_BITS_KERNEL_H */
