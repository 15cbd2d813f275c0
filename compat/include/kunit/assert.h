/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit/assert.h - what a failed KUnit expectation or assertion carries,
 * as include/kunit/assert.h of 6.1 declares it (kunit_mem_assert from
 * 6.2): a location, one structure per kind of check with the operands'
 * texts and values, and the function that formats it.  The formatters
 * (compat/lib/kunit/assert.c) print the kernel's text.
 */
#ifndef _KUNIT_ASSERT_H
#define _KUNIT_ASSERT_H

#include <linux/err.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <linux/version.h>

struct kunit;
struct string_stream;

enum kunit_assert_type {
	KUNIT_ASSERTION,
	KUNIT_EXPECTATION,
};

struct kunit_loc {
	int line;
	const char *file;
};

#define KUNIT_CURRENT_LOC { .file = __FILE__, .line = __LINE__ }

/* The common part of every check (empty since 5.17). */
struct kunit_assert {};

typedef void (*assert_format_t)(const struct kunit_assert *assert,
				const struct va_format *message,
				struct string_stream *stream);

/* "EXPECTATION FAILED at file:line" / "ASSERTION FAILED at ..." */
void kunit_assert_prologue(const struct kunit_loc *loc,
			   enum kunit_assert_type type,
			   struct string_stream *stream);

/* KUNIT_FAIL(): the message alone. */
struct kunit_fail_assert {
	struct kunit_assert assert;
};

void kunit_fail_assert_format(const struct kunit_assert *assert,
			      const struct va_format *message,
			      struct string_stream *stream);

/* KUNIT_EXPECT_TRUE/FALSE */
struct kunit_unary_assert {
	struct kunit_assert assert;
	const char *condition;
	bool expected_true;
};

void kunit_unary_assert_format(const struct kunit_assert *assert,
			       const struct va_format *message,
			       struct string_stream *stream);

#define KUNIT_INIT_UNARY_ASSERT_STRUCT(cond, expect_true) {		\
	.condition = cond,						\
	.expected_true = expect_true					\
}

/* KUNIT_EXPECT_NOT_ERR_OR_NULL */
struct kunit_ptr_not_err_assert {
	struct kunit_assert assert;
	const char *text;
	const void *value;
};

void kunit_ptr_not_err_assert_format(const struct kunit_assert *assert,
				     const struct va_format *message,
				     struct string_stream *stream);

#define KUNIT_INIT_PTR_NOT_ERR_STRUCT(txt, val) {			\
	.text = txt,							\
	.value = val							\
}

/* The source text of a binary comparison: "left op right". */
struct kunit_binary_assert_text {
	const char *operation;
	const char *left_text;
	const char *right_text;
};

/* Integer comparisons (EQ, NE, LT, LE, GT, GE), values as long long. */
struct kunit_binary_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	long long left_value;
	long long right_value;
};

void kunit_binary_assert_format(const struct kunit_assert *assert,
				const struct va_format *message,
				struct string_stream *stream);

#define KUNIT_INIT_BINARY_ASSERT_STRUCT(text_, left_val, right_val) {	\
	.text = text_,							\
	.left_value = left_val,						\
	.right_value = right_val					\
}

/* PTR_EQ, PTR_NE, NULL, NOT_NULL */
struct kunit_binary_ptr_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const void *left_value;
	const void *right_value;
};

void kunit_binary_ptr_assert_format(const struct kunit_assert *assert,
				    const struct va_format *message,
				    struct string_stream *stream);

/* STREQ, STRNEQ */
struct kunit_binary_str_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const char *left_value;
	const char *right_value;
};

void kunit_binary_str_assert_format(const struct kunit_assert *assert,
				    const struct va_format *message,
				    struct string_stream *stream);

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
/* MEMEQ, MEMNEQ (6.2): both buffers dumped, differing bytes in <>. */
struct kunit_mem_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const void *left_value;
	const void *right_value;
	const size_t size;
};

void kunit_mem_assert_format(const struct kunit_assert *assert,
			     const struct va_format *message,
			     struct string_stream *stream);

#define KUNIT_INIT_MEM_ASSERT_STRUCT(text_, left_val, right_val, size_) { \
	.text = text_,							\
	.left_value = left_val,						\
	.right_value = right_val,					\
	.size = size_							\
}
#endif

#endif /* _KUNIT_ASSERT_H */
