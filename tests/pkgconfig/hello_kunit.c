// SPDX-License-Identifier: GPL-2.0
/*
 * hello_kunit - a KUnit suite for the out-of-tree hello driver, built and
 * run against an installed kshim with nothing but pkg-config and no main()
 * of its own (see .ci/run and the README's "KUnit suites").
 */
#include <kunit/test.h>

int hello_greet(void);

static void hello_test_greets(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, hello_greet(), 0);
}

static void hello_test_twice(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, hello_greet(), 0);
	KUNIT_EXPECT_EQ(test, hello_greet(), 0);
}

static struct kunit_case hello_test_cases[] = {
	KUNIT_CASE(hello_test_greets),
	KUNIT_CASE(hello_test_twice),
	{}
};

static struct kunit_suite hello_test_suite = {
	.name = "hello",
	.test_cases = hello_test_cases,
};
kunit_test_suite(hello_test_suite);

MODULE_LICENSE("GPL");
