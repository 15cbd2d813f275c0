/*
 * scullp_bugs_child - the scullp variant without locking
 * (drivers-under-test/scullp/scullp.c built with SCULLP_BUG_NOLOCK, the
 * module scullp_nolock) used by a writer and a reader process at once,
 * for test_scullp to run in a program of its own and check
 * ThreadSanitizer's report: the writer's store of the size and of the
 * page counters and the reader's loads are unordered (a data race between
 * scullp_write() and scullp_read(): the page contents each copies).
 * TSan sees it when the two calls overlap (kshim's own locks order them
 * otherwise): long calls, many rounds, no highmem (KSHIM_HIGHMEM=0: no
 * kmap window bookkeeping between them).  Without a sanitizer nothing is
 * seen (the test passes).  Suite "locked" runs the same with the correct
 * module (scullp): no race.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/user.h>

#define PG	4096UL
#define ROUNDS	20
#define LEN	(16 * PG)	/* long calls: they overlap */

static void read_write_at_once(const char *mod)
{
	struct kshim_proc *p[2];
	struct kshim_call *c[2];
	unsigned long buf[2];
	static char data[LEN];
	int fd[2], i, r;

	char node[64];

	snprintf(node, sizeof(node), "/dev/%s", mod);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load(mod, NULL), 0);
	for (i = 0; i < 2; i++) {
		long a;

		p[i] = kshim_proc_create(i ? "reader" : "writer");
		CU_ASSERT_PTR_NOT_NULL_FATAL(p[i]);
		fd[i] = kshim_open(p[i], node, O_RDWR);
		CU_ASSERT_FATAL(fd[i] >= 0);
		a = kshim_user_alloc(p[i], LEN);
		CU_ASSERT_FATAL(a > 0);
		buf[i] = a;
		/* Resident: no page allocation inside the rounds. */
		CU_ASSERT_EQUAL(kshim_user_write(p[i], buf[i], data, LEN), 0);
	}
	/* Something to read: the reader never blocks. */
	CU_ASSERT_EQUAL(kshim_write(p[0], fd[0], buf[0], LEN), LEN);
	for (r = 0; r < ROUNDS; r++) {
		for (i = 0; i < 2; i++)
			CU_ASSERT_EQUAL(kshim_lseek(p[i], fd[i], 0, SEEK_SET),
					0);
		c[0] = kshim_call_write(p[0], fd[0], buf[0], LEN);
		c[1] = kshim_call_read(p[1], fd[1], buf[1], LEN);
		for (i = 0; i < 2; i++) {
			CU_ASSERT_PTR_NOT_NULL_FATAL(c[i]);
			CU_ASSERT_EQUAL(kshim_call_wait(c[i]), LEN);
			kshim_call_free(c[i]);
		}
	}
	for (i = 0; i < 2; i++)
		kshim_proc_exit(p[i]);
	CU_ASSERT_EQUAL(kshim_module_unload(mod), 0);
}

static void test_unlocked_read_write(void)
{
	read_write_at_once("scullp_nolock");
}

/* The same with the correct driver: race-free. */
static void test_locked_read_write(void)
{
	read_write_at_once("scullp");
}

static CU_TestInfo race_tests[] = {
	{ "unlocked_read_write", test_unlocked_read_write },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo locked_tests[] = {
	{ "locked_read_write", test_locked_read_write },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "race", NULL, NULL, NULL, NULL, race_tests },
	{ "locked", NULL, NULL, NULL, NULL, locked_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
