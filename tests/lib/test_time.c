/*
 * test_time - linux/time.h and linux/time64.h of 6.1 (kernel/time/time.c):
 * mktime64() against the C library's timegm() for every day of four
 * centuries plus the ISO 8601 leap second and 24:00; timespec64
 * normalisation (negative and carried nanoseconds), ns_to_timespec64() of
 * negative values down to S64_MIN, the saturating conversions and
 * additions, the validity checks (rejecting denormal and pre-1970 values)
 * and the 32-bit wrapping comparisons.  Host code keeps glibc's struct tm:
 * this file uses it next to linux/time.h.
 */
#include <time.h>

#include <kshim/test.h>
#include <linux/time.h>

static void test_mktime64_known(void)
{
	CU_ASSERT_EQUAL(mktime64(1970, 1, 1, 0, 0, 0), 0);
	CU_ASSERT_EQUAL(mktime64(1969, 12, 31, 23, 59, 59), -1);
	CU_ASSERT_EQUAL(mktime64(2000, 2, 29, 0, 0, 0), 951782400);
	CU_ASSERT_EQUAL(mktime64(2038, 1, 19, 3, 14, 8), 2147483648LL);
	/* A leap second is the next second, 24:00 the next midnight. */
	CU_ASSERT_EQUAL(mktime64(1999, 12, 31, 23, 59, 60),
			mktime64(2000, 1, 1, 0, 0, 0));
	CU_ASSERT_EQUAL(mktime64(2016, 12, 31, 24, 0, 0),
			mktime64(2017, 1, 1, 0, 0, 0));
}

/* Every day from 1800 to 2199 at 12:34:56, as glibc's timegm() says. */
static void test_mktime64_every_day(void)
{
	struct tm tm = { .tm_year = 1800 - 1900, .tm_mon = 0, .tm_mday = 1,
			 .tm_hour = 12, .tm_min = 34, .tm_sec = 56 };
	int bad = 0;
	long days;

	for (days = 0; days < 146097; days++) {
		struct tm d = tm;
		time_t want;

		d.tm_mday += days;
		want = timegm(&d);	/* normalises d too */
		if (mktime64(d.tm_year + 1900, d.tm_mon + 1, d.tm_mday,
			     12, 34, 56) != want)
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

static void test_normalize(void)
{
	struct timespec64 ts;

	set_normalized_timespec64(&ts, 1, -1);
	CU_ASSERT_EQUAL(ts.tv_sec, 0);
	CU_ASSERT_EQUAL(ts.tv_nsec, 999999999);
	set_normalized_timespec64(&ts, 0, 2500000000LL);
	CU_ASSERT_EQUAL(ts.tv_sec, 2);
	CU_ASSERT_EQUAL(ts.tv_nsec, 500000000);
	set_normalized_timespec64(&ts, 0, -3000000000LL);
	CU_ASSERT_EQUAL(ts.tv_sec, -3);
	CU_ASSERT_EQUAL(ts.tv_nsec, 0);

	ts = timespec64_add((struct timespec64){ 1, 600000000 },
			    (struct timespec64){ 2, 700000000 });
	CU_ASSERT_EQUAL(ts.tv_sec, 4);
	CU_ASSERT_EQUAL(ts.tv_nsec, 300000000);
	ts = timespec64_sub((struct timespec64){ 1, 0 },
			    (struct timespec64){ 0, 1 });
	CU_ASSERT_EQUAL(ts.tv_sec, 0);
	CU_ASSERT_EQUAL(ts.tv_nsec, 999999999);
	ts = (struct timespec64){ 1, 999999999 };
	timespec64_add_ns(&ts, 3000000001ULL);
	CU_ASSERT_EQUAL(ts.tv_sec, 5);
	CU_ASSERT_EQUAL(ts.tv_nsec, 0);
}

static void test_ns_to_timespec64(void)
{
	struct timespec64 ts;

	ts = ns_to_timespec64(0);
	CU_ASSERT_TRUE(ts.tv_sec == 0 && ts.tv_nsec == 0);
	ts = ns_to_timespec64(1500000000LL);
	CU_ASSERT_TRUE(ts.tv_sec == 1 && ts.tv_nsec == 500000000);
	/* Negative: the earlier second, and a positive tv_nsec. */
	ts = ns_to_timespec64(-1);
	CU_ASSERT_TRUE(ts.tv_sec == -1 && ts.tv_nsec == 999999999);
	ts = ns_to_timespec64(-1000000000LL);
	CU_ASSERT_TRUE(ts.tv_sec == -1 && ts.tv_nsec == 0);
	ts = ns_to_timespec64(S64_MIN);
	CU_ASSERT_EQUAL(ts.tv_sec, -9223372037LL);
	CU_ASSERT_EQUAL(ts.tv_nsec, 145224192);
	CU_ASSERT_EQUAL(timespec64_to_ns(&ts), S64_MIN);
}

static void test_saturation(void)
{
	struct timespec64 ts = { KTIME_SEC_MAX, 0 };

	CU_ASSERT_EQUAL(timespec64_to_ns(&ts), KTIME_MAX);
	ts.tv_sec = KTIME_SEC_MIN;
	CU_ASSERT_EQUAL(timespec64_to_ns(&ts), KTIME_MIN);
	ts = (struct timespec64){ 3, 5 };
	CU_ASSERT_EQUAL(timespec64_to_ns(&ts), 3000000005LL);

	ts = timespec64_add_safe((struct timespec64){ TIME64_MAX - 1, 0 },
				 (struct timespec64){ 5, 0 });
	CU_ASSERT_EQUAL(ts.tv_sec, TIME64_MAX);
	CU_ASSERT_EQUAL(ts.tv_nsec, 0);
	ts = timespec64_add_safe((struct timespec64){ 1, 999999999 },
				 (struct timespec64){ 1, 1 });
	CU_ASSERT_TRUE(ts.tv_sec == 3 && ts.tv_nsec == 0);
}

static void test_validity(void)
{
	struct timespec64 ok = { 5, 999999999 };
	struct timespec64 neg = { -1, 0 };
	struct timespec64 big_ns = { 0, NSEC_PER_SEC };
	struct timespec64 neg_ns = { 0, -1 };
	struct timespec64 huge = { KTIME_SEC_MAX, 0 };
	struct itimerspec64 its = { { 0, 0 }, { 1, 0 } };

	CU_ASSERT_TRUE(timespec64_valid(&ok));
	CU_ASSERT_TRUE(timespec64_valid_strict(&ok));
	CU_ASSERT_TRUE(timespec64_valid_settod(&ok));
	CU_ASSERT_FALSE(timespec64_valid(&neg));
	CU_ASSERT_FALSE(timespec64_valid(&big_ns));
	CU_ASSERT_FALSE(timespec64_valid(&neg_ns));
	CU_ASSERT_TRUE(timespec64_valid(&huge));
	CU_ASSERT_FALSE(timespec64_valid_strict(&huge));
	huge.tv_sec = TIME_SETTOD_SEC_MAX;
	CU_ASSERT_TRUE(timespec64_valid_strict(&huge));
	CU_ASSERT_FALSE(timespec64_valid_settod(&huge));
	CU_ASSERT_TRUE(itimerspec64_valid(&its));
	its.it_interval = neg_ns;
	CU_ASSERT_FALSE(itimerspec64_valid(&its));

	CU_ASSERT_TRUE(timespec64_equal(&ok, &(struct timespec64){ 5, 999999999 }));
	CU_ASSERT_TRUE(timespec64_compare(&neg, &ok) < 0);
	CU_ASSERT_TRUE(timespec64_compare(&ok, &neg) > 0);
	CU_ASSERT_TRUE(timespec64_compare(&(struct timespec64){ 5, 1 }, &ok) < 0);
	CU_ASSERT_EQUAL(timespec64_compare(&ok, &ok), 0);
}

static void test_time32_compare(void)
{
	CU_ASSERT_TRUE(time_after32(1, 0xffffffffU));	/* across the wrap */
	CU_ASSERT_FALSE(time_after32(0xffffffffU, 1));
	CU_ASSERT_TRUE(time_before32(0xfffffff0U, 5));
	CU_ASSERT_TRUE(time_between32(2, 0xfffffffeU, 4));
	CU_ASSERT_FALSE(time_between32(5, 0xfffffffeU, 4));
}

static CU_TestInfo tests[] = {
	{ "mktime64_known", test_mktime64_known },
	{ "mktime64_every_day", test_mktime64_every_day },
	{ "normalize", test_normalize },
	{ "ns_to_timespec64", test_ns_to_timespec64 },
	{ "saturation", test_saturation },
	{ "validity", test_validity },
	{ "time32_compare", test_time32_compare },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "time", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
