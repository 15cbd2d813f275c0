/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit/test.h - KUnit as include/kunit/test.h of 6.1 defines it for test
 * code, with the later additions where the profile's version has them
 * (KUNIT_EXPECT_MEMEQ 6.2, kunit_add_action() 6.5 in kunit/resource.h,
 * KUNIT_ARRAY_PARAM_DESC 6.6, kunit_kstrdup() 6.7).
 *
 * kshim runs the suites itself (compat/lib/kunit/executor.c): every case is
 * a kshim test, in its own process from the clean machine, judged by
 * KUnit's verdict and by kshim's report checks and ledger.  A failed
 * expectation is logged in KUnit's text and fails the case; a failed
 * assertion or kunit_skip() also ends it, as KUnit's kthread does.
 * kunit_test_suites() registers the suites when the program starts (the
 * kernel collects them from a section at boot or module load).
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <kunit/assert.h>
#include <kunit/try-catch.h>

#include <linux/array_size.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kconfig.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/version.h>

#include <asm/rwonce.h>

struct kunit;

/* Size of the log kept for a test (debugfs in the kernel). */
#define KUNIT_LOG_SIZE	512

/* Maximum size of a parameter's description. */
#define KUNIT_PARAM_DESC_SIZE 128

/* Maximum size of a status comment (the reason for a skip). */
#define KUNIT_STATUS_COMMENT_SIZE 256

/* KTAP indentation of a case's lines and of a parameter's. */
#define KUNIT_SUBTEST_INDENT		"    "
#define KUNIT_SUBSUBTEST_INDENT		"        "

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

/* One test case: a function and its name, parameters optional. */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);

	/* private: internal use only. */
	enum kunit_status status;
	char *log;
};

static inline char *kunit_status_to_ok_not_ok(enum kunit_status status)
{
	switch (status) {
	case KUNIT_SKIPPED:
	case KUNIT_SUCCESS:
		return (char *)"ok";
	case KUNIT_FAILURE:
		return (char *)"not ok";
	}
	return (char *)"invalid";
}

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

#define KUNIT_CASE_PARAM(test_name, gen_params)				\
		{ .run_case = test_name, .name = #test_name,		\
		  .generate_params = gen_params }

/* A suite: cases sharing init/exit, and suite_init/suite_exit once. */
struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;

	/* private: internal use only */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	struct dentry *debugfs;
	char *log;
	int suite_init_err;
};

/* The state of one running case (one parameter of it). */
struct kunit {
	void *priv;

	/* private: internal use only. */
	const char *name;
	char *log;
	struct kunit_try_catch try_catch;
	const void *param_value;
	int param_index;
	spinlock_t lock;		/* guards status and resources */
	enum kunit_status status;
	struct list_head resources;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
};

static inline void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

bool kunit_enabled(void);
void kunit_init_test(struct kunit *test, const char *name, char *log);
size_t kunit_suite_num_test_cases(struct kunit_suite *suite);
unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case);
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite);

/*
 * kshim: the suites of one kunit_test_suites() line, registered by a
 * constructor with the kernel version the file was built for (the report
 * texts follow it) and its module.
 */
struct kshim_kunit_suites {
	struct kunit_suite *const *suites;
	int num;
	unsigned int version;
	const char *module;
	struct kshim_kunit_suites *next;
};

void __kshim_kunit_register(struct kshim_kunit_suites *set);

#ifdef KBUILD_MODNAME
#define __KSHIM_KUNIT_MODNAME KBUILD_MODNAME
#else
#define __KSHIM_KUNIT_MODNAME NULL
#endif

#define __kunit_test_suites(unique_array, ...)				\
	static struct kunit_suite *unique_array[] = { __VA_ARGS__ };	\
	static struct kshim_kunit_suites __PASTE(unique_array, _set) = {	\
		.suites = unique_array,					\
		.num = ARRAY_SIZE(unique_array),			\
		.version = LINUX_VERSION_CODE,				\
		.module = __KSHIM_KUNIT_MODNAME,			\
	};								\
	static void __attribute__((__constructor__, __used__))		\
	__PASTE(unique_array, _reg)(void)				\
	{								\
		__kshim_kunit_register(&__PASTE(unique_array, _set));	\
	}

#define kunit_test_suites(__suites...)					\
	__kunit_test_suites(__UNIQUE_ID(array), ##__suites)

#define kunit_test_suite(suite)	kunit_test_suites(&suite)

/* Suites that use __init code or data: the same for kshim. */
#define kunit_test_init_section_suites(__suites...)			\
	__kunit_test_suites(__UNIQUE_ID(array_probe), ##__suites)

#define kunit_test_init_section_suite(suite)				\
	kunit_test_init_section_suites(&suite)

#define kunit_suite_for_each_test_case(suite, test_case)		\
	for (test_case = suite->test_cases; test_case->run_case; test_case++)

/* Test-managed memory: freed when the case ends, however it ends. */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size,
			  gfp_t gfp);

static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

void kunit_kfree(struct kunit *test, const void *ptr);

static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size,
				  gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
void kunit_kfree_const(struct kunit *test, const void *x);

static inline char *kunit_kstrdup(struct kunit *test, const char *str,
				  gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!str)
		return NULL;
	len = strlen(str) + 1;
	buf = kunit_kmalloc(test, len, gfp);
	if (buf)
		memcpy(buf, str, len);
	return buf;
}

const char *kunit_kstrdup_const(struct kunit *test, const char *str,
				gfp_t gfp);
#endif

void kunit_cleanup(struct kunit *test);

void __printf(2, 3) kunit_log_append(char *log, const char *fmt, ...);

#define kunit_mark_skipped(test_or_suite, fmt, ...)			\
	do {								\
		WRITE_ONCE((test_or_suite)->status, KUNIT_SKIPPED);	\
		scnprintf((test_or_suite)->status_comment,		\
			  KUNIT_STATUS_COMMENT_SIZE,			\
			  fmt, ##__VA_ARGS__);				\
	} while (0)

#define kunit_skip(test_or_suite, fmt, ...)				\
	do {								\
		kunit_mark_skipped((test_or_suite), fmt, ##__VA_ARGS__);\
		kunit_try_catch_throw(&((test_or_suite)->try_catch));	\
	} while (0)

/*
 * A line of the test's log: printk()ed, kept in its log, and part of the
 * KTAP output (KSHIM_OUTPUT=ktap).
 */
#define kunit_log(lvl, test_or_suite, fmt, ...)				\
	do {								\
		printk(lvl fmt, ##__VA_ARGS__);				\
		kunit_log_append((test_or_suite)->log, fmt "\n",	\
				 ##__VA_ARGS__);			\
	} while (0)

#define kunit_printk(lvl, test, fmt, ...)				\
	kunit_log(lvl, test, KUNIT_SUBTEST_INDENT "# %s: " fmt,		\
		  (test)->name, ##__VA_ARGS__)

#define kunit_info(test, fmt, ...) \
	kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)

#define kunit_warn(test, fmt, ...) \
	kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)

#define kunit_err(test, fmt, ...) \
	kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/* A check that cannot fail, for clarity. */
#define KUNIT_SUCCEED(test) do {} while (0)

/*
 * Log a failed check in KUnit's text and fail the case; an assertion also
 * ends it.  @fmt (may be NULL) is the _MSG variants' extra message.
 */
void kunit_do_failed_assertion(struct kunit *test,
			       const struct kunit_loc *loc,
			       enum kunit_assert_type type,
			       const struct kunit_assert *assert,
			       assert_format_t assert_format,
			       const char *fmt, ...);

#define _KUNIT_FAILED(test, assert_type, assert_class, assert_format,	\
		      INITIALIZER, fmt, ...)				\
	do {								\
		static const struct kunit_loc __loc = KUNIT_CURRENT_LOC;\
		const struct assert_class __assertion = INITIALIZER;	\
		kunit_do_failed_assertion(test, &__loc, assert_type,	\
					  &__assertion.assert,		\
					  assert_format, fmt,		\
					  ##__VA_ARGS__);		\
	} while (0)

#define KUNIT_FAIL_ASSERTION(test, assert_type, fmt, ...)		\
	_KUNIT_FAILED(test, assert_type, kunit_fail_assert,		\
		      kunit_fail_assert_format, {}, fmt, ##__VA_ARGS__)

#define KUNIT_FAIL(test, fmt, ...)					\
	KUNIT_FAIL_ASSERTION(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)

#define KUNIT_UNARY_ASSERTION(test, assert_type, condition,		\
			      expected_true, fmt, ...)			\
	do {								\
		if (likely(!!(condition) == !!expected_true))		\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_unary_assert,	\
			      kunit_unary_assert_format,		\
			      KUNIT_INIT_UNARY_ASSERT_STRUCT(#condition, \
							     expected_true), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_TRUE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, true, fmt,	\
			      ##__VA_ARGS__)

#define KUNIT_FALSE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, false, fmt,	\
			      ##__VA_ARGS__)

/* Both operands evaluated once, compared with @op, texts kept. */
#define KUNIT_BASE_BINARY_ASSERTION(test, assert_class, format_func,	\
				    assert_type, left, op, right,	\
				    fmt, ...)				\
	do {								\
		const typeof(left) __left = (left);			\
		const typeof(right) __right = (right);			\
		static const struct kunit_binary_assert_text __text = {	\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
		if (likely(__left op __right))				\
			break;						\
		_KUNIT_FAILED(test, assert_type, assert_class,		\
			      format_func,				\
			      KUNIT_INIT_BINARY_ASSERT_STRUCT(&__text,	\
							      __left,	\
							      __right), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_BINARY_INT_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	KUNIT_BASE_BINARY_ASSERTION(test, kunit_binary_assert,		\
				    kunit_binary_assert_format,		\
				    assert_type, left, op, right,	\
				    fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_PTR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	KUNIT_BASE_BINARY_ASSERTION(test, kunit_binary_ptr_assert,	\
				    kunit_binary_ptr_assert_format,	\
				    assert_type, left, op, right,	\
				    fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_STR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	do {								\
		const char *__left = (left);				\
		const char *__right = (right);				\
		static const struct kunit_binary_assert_text __text = {	\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
		if (likely(strcmp(__left, __right) op 0))		\
			break;						\
		_KUNIT_FAILED(test, assert_type,			\
			      kunit_binary_str_assert,			\
			      kunit_binary_str_assert_format,		\
			      KUNIT_INIT_BINARY_ASSERT_STRUCT(&__text,	\
							      __left,	\
							      __right), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define KUNIT_MEM_ASSERTION(test, assert_type, left, op, right, size_,	\
			    fmt, ...)					\
	do {								\
		const void *__left = (left);				\
		const void *__right = (right);				\
		const size_t __size = (size_);				\
		static const struct kunit_binary_assert_text __text = {	\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
		if (likely(__left && __right))				\
			if (likely(memcmp(__left, __right, __size) op 0)) \
				break;					\
		_KUNIT_FAILED(test, assert_type, kunit_mem_assert,	\
			      kunit_mem_assert_format,			\
			      KUNIT_INIT_MEM_ASSERT_STRUCT(&__text,	\
							   __left,	\
							   __right,	\
							   __size),	\
			      fmt, ##__VA_ARGS__);			\
	} while (0)
#endif

#define KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, assert_type, ptr,	\
						fmt, ...)		\
	do {								\
		const typeof(ptr) __ptr = (ptr);			\
		if (!IS_ERR_OR_NULL(__ptr))				\
			break;						\
		_KUNIT_FAILED(test, assert_type,			\
			      kunit_ptr_not_err_assert,			\
			      kunit_ptr_not_err_assert_format,		\
			      KUNIT_INIT_PTR_NOT_ERR_STRUCT(#ptr, __ptr), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/*
 * The checks: KUNIT_EXPECT_* log and fail, KUNIT_ASSERT_* also end the
 * case.  Each has a _MSG form taking a printf-style message.
 */
#define __KUNIT_UNARY(kind, test, cond, truth, fmt, ...)		\
	KUNIT_UNARY_ASSERTION(test, kind, cond, truth, fmt, ##__VA_ARGS__)
#define __KUNIT_INT(kind, test, l, op, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, kind, l, op, r, fmt, ##__VA_ARGS__)
#define __KUNIT_PTR(kind, test, l, op, r, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, kind, l, op, r, fmt, ##__VA_ARGS__)
#define __KUNIT_STR(kind, test, l, op, r, fmt, ...)			\
	KUNIT_BINARY_STR_ASSERTION(test, kind, l, op, r, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_TRUE(test, condition)				\
	KUNIT_EXPECT_TRUE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_TRUE_MSG(test, condition, fmt, ...)		\
	__KUNIT_UNARY(KUNIT_EXPECTATION, test, condition, true, fmt,	\
		      ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE(test, condition)				\
	KUNIT_EXPECT_FALSE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_FALSE_MSG(test, condition, fmt, ...)		\
	__KUNIT_UNARY(KUNIT_EXPECTATION, test, condition, false, fmt,	\
		      ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(test, left, right)				\
	KUNIT_EXPECT_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_EXPECTATION, test, left, ==, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_NE(test, left, right)				\
	KUNIT_EXPECT_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_EXPECTATION, test, left, !=, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_LT(test, left, right)				\
	KUNIT_EXPECT_LT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_EXPECTATION, test, left, <, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_LE(test, left, right)				\
	KUNIT_EXPECT_LE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_EXPECTATION, test, left, <=, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_GT(test, left, right)				\
	KUNIT_EXPECT_GT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_EXPECTATION, test, left, >, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_GE(test, left, right)				\
	KUNIT_EXPECT_GE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_EXPECTATION, test, left, >=, right, fmt,	\
		    ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(test, left, right)				\
	KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(KUNIT_EXPECTATION, test, left, ==, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE(test, left, right)				\
	KUNIT_EXPECT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(KUNIT_EXPECTATION, test, left, !=, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL(test, ptr)					\
	KUNIT_EXPECT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(KUNIT_EXPECTATION, test, ptr, ==, NULL, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(KUNIT_EXPECTATION, test, ptr, !=, NULL, fmt,	\
		    ##__VA_ARGS__)

#define KUNIT_EXPECT_STREQ(test, left, right)				\
	KUNIT_EXPECT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STREQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(KUNIT_EXPECTATION, test, left, ==, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ(test, left, right)				\
	KUNIT_EXPECT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(KUNIT_EXPECTATION, test, left, !=, right, fmt,	\
		    ##__VA_ARGS__)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define KUNIT_EXPECT_MEMEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION, left, ==, right,	\
			    size, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMNEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION, left, !=, right,	\
			    size, fmt, ##__VA_ARGS__)
#endif

#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_EXPECTATION, \
						ptr, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_FAILURE(test, fmt, ...)				\
	KUNIT_FAIL_ASSERTION(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_TRUE(test, condition)				\
	KUNIT_ASSERT_TRUE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_TRUE_MSG(test, condition, fmt, ...)		\
	__KUNIT_UNARY(KUNIT_ASSERTION, test, condition, true, fmt,	\
		      ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE(test, condition)				\
	KUNIT_ASSERT_FALSE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_FALSE_MSG(test, condition, fmt, ...)		\
	__KUNIT_UNARY(KUNIT_ASSERTION, test, condition, false, fmt,	\
		      ##__VA_ARGS__)

#define KUNIT_ASSERT_EQ(test, left, right)				\
	KUNIT_ASSERT_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_ASSERTION, test, left, ==, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_NE(test, left, right)				\
	KUNIT_ASSERT_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_ASSERTION, test, left, !=, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_LT(test, left, right)				\
	KUNIT_ASSERT_LT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_ASSERTION, test, left, <, right, fmt,		\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_LE(test, left, right)				\
	KUNIT_ASSERT_LE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_ASSERTION, test, left, <=, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_GT(test, left, right)				\
	KUNIT_ASSERT_GT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_ASSERTION, test, left, >, right, fmt,		\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_GE(test, left, right)				\
	KUNIT_ASSERT_GE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(KUNIT_ASSERTION, test, left, >=, right, fmt,	\
		    ##__VA_ARGS__)

#define KUNIT_ASSERT_PTR_EQ(test, left, right)				\
	KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(KUNIT_ASSERTION, test, left, ==, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE(test, left, right)				\
	KUNIT_ASSERT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(KUNIT_ASSERTION, test, left, !=, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL(test, ptr)					\
	KUNIT_ASSERT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(KUNIT_ASSERTION, test, ptr, ==, NULL, fmt,		\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(KUNIT_ASSERTION, test, ptr, !=, NULL, fmt,		\
		    ##__VA_ARGS__)

#define KUNIT_ASSERT_STREQ(test, left, right)				\
	KUNIT_ASSERT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STREQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(KUNIT_ASSERTION, test, left, ==, right, fmt,	\
		    ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ(test, left, right)				\
	KUNIT_ASSERT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(KUNIT_ASSERTION, test, left, !=, right, fmt,	\
		    ##__VA_ARGS__)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define KUNIT_ASSERT_MEMEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION, left, ==, right,	\
			    size, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMNEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION, left, !=, right,	\
			    size, fmt, ##__VA_ARGS__)
#endif

#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_ASSERTION,	\
						ptr, fmt, ##__VA_ARGS__)

/*
 * A parameter generator walking @array; @get_desc (or NULL) names each
 * parameter (else KUnit says "param-<index>").
 */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		typeof((array)[0]) *__next = prev ?			\
			((typeof(__next))prev) + 1 : (array);		\
		if (__next - (array) < ARRAY_SIZE((array))) {		\
			void (*__get_desc)(typeof(__next), char *) =	\
				get_desc;				\
			if (__get_desc)					\
				__get_desc(__next, desc);		\
			return __next;					\
		}							\
		return NULL;						\
	}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
/* The same, the description taken from the element's member @desc_member. */
#define KUNIT_ARRAY_PARAM_DESC(name, array, desc_member)		\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		typeof((array)[0]) *__next = prev ?			\
			((typeof(__next))prev) + 1 : (array);		\
		if (__next - (array) < ARRAY_SIZE((array))) {		\
			strscpy(desc, __next->desc_member,		\
				KUNIT_PARAM_DESC_SIZE);			\
			return __next;					\
		}							\
		return NULL;						\
	}
#endif

#include <kunit/resource.h>

#endif /* _KUNIT_TEST_H */
