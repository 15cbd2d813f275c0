// SPDX-License-Identifier: GPL-2.0
/*
 * 100 trivial KUnit cases, built as kernel code, for bench_kunit: the
 * runner's own cost per case (process, checks, ledger, KTAP).
 */
#include <kunit/test.h>

#define BENCH_CASE(n)							\
	static void bench_case_##n(struct kunit *test)			\
	{								\
		KUNIT_EXPECT_EQ(test, n, n);				\
	}
#define BENCH_TEN(d)							\
	BENCH_CASE(d##0) BENCH_CASE(d##1) BENCH_CASE(d##2)		\
	BENCH_CASE(d##3) BENCH_CASE(d##4) BENCH_CASE(d##5)		\
	BENCH_CASE(d##6) BENCH_CASE(d##7) BENCH_CASE(d##8)		\
	BENCH_CASE(d##9)
BENCH_TEN(1) BENCH_TEN(2) BENCH_TEN(3) BENCH_TEN(4) BENCH_TEN(5)
BENCH_TEN(6) BENCH_TEN(7) BENCH_TEN(8) BENCH_TEN(9) BENCH_TEN(10)

#define BENCH_ENTRY(n) KUNIT_CASE(bench_case_##n),
#define BENCH_TEN_ENTRIES(d)						\
	BENCH_ENTRY(d##0) BENCH_ENTRY(d##1) BENCH_ENTRY(d##2)		\
	BENCH_ENTRY(d##3) BENCH_ENTRY(d##4) BENCH_ENTRY(d##5)		\
	BENCH_ENTRY(d##6) BENCH_ENTRY(d##7) BENCH_ENTRY(d##8)		\
	BENCH_ENTRY(d##9)

static struct kunit_case bench_cases[] = {
	BENCH_TEN_ENTRIES(1) BENCH_TEN_ENTRIES(2) BENCH_TEN_ENTRIES(3)
	BENCH_TEN_ENTRIES(4) BENCH_TEN_ENTRIES(5) BENCH_TEN_ENTRIES(6)
	BENCH_TEN_ENTRIES(7) BENCH_TEN_ENTRIES(8) BENCH_TEN_ENTRIES(9)
	BENCH_TEN_ENTRIES(10)
	{}
};

static struct kunit_suite bench_suite = {
	.name = "bench_kunit",
	.test_cases = bench_cases,
};
kunit_test_suite(bench_suite);
