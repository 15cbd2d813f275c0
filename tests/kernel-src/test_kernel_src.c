/*
 * test_kernel_src - Linux's own lib/ self-test modules, compiled
 * unmodified from the tree given to configure --with-linux-source, loaded
 * and unloaded as insmod/rmmod would.  Such a module checks the library it
 * tests and reports in its kernel log: a test passes when init returns
 * what the module returns on success, the log has the module's success
 * line and none of its failure lines, and no report was raised beyond the
 * ones the module provokes on purpose.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/boot.h>
#include <kshim/test.h>

struct ksrc_case {
	const char *module;	/* its KBUILD_MODNAME */
	const char *deps;	/* a module it needs loaded first */
	int init_ret;		/* what init returns when every check passed */
	const char *pass;	/* how its success line starts, after "name: " */
	bool no_pr_fmt;		/* its lines have no "name: " prefix */
	bool permanent;		/* no exit function: rmmod says -EBUSY, and
				 * the module stays (the ledger says so) */
	const char *of;		/* or the "<of>%u of %u tests passed" prefix */
	const char *fail;	/* a text only its failure lines contain */
	const char *must;	/* a text its log must have (failure runs) */
	bool reads_uninit;	/* reads uninitialised memory on purpose */
	const char *report;	/* what it provokes on purpose... */
	const char *report_text;
	int reports;		/* ...and how often */
	const char *boot[4];	/* settings its checks need (kshim_boot()) */
};

static void run_case(const struct ksrc_case *c)
{
	char line[128];
	const char *log, *p;
	unsigned int passed, run;

	/* memcheck would (rightly) stop it at the first such read. */
	if (c->reads_uninit && RUNNING_ON_VALGRIND) {
		fprintf(stderr, "kshim-src: %s reads uninitialised memory on purpose: not run under valgrind\n",
			c->module);
		return;
	}

	if (c->boot[0])
		CU_ASSERT_EQUAL_FATAL(kshim_boot(c->boot[0], c->boot[1],
						 c->boot[2], c->boot[3], NULL),
				      0);
	if (c->deps)
		CU_ASSERT_EQUAL_FATAL(kshim_module_load(c->deps, NULL), 0);
	if (c->reports)
		kshim_expect_report(c->report, c->report_text, c->reports);
	if (c->permanent)
		kshim_expect_report(KSHIM_REPORT_LEDGER,
				    "modules loaded is 1 at test end", 1);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load(c->module, NULL), c->init_ret);
	log = kshim_dmesg();
	if (c->pass) {
		if (c->no_pr_fmt)
			snprintf(line, sizeof(line), "%s", c->pass);
		else
			snprintf(line, sizeof(line), "%s: %s", c->module,
				 c->pass);
		CU_ASSERT_PTR_NOT_NULL(strstr(log, line));
	}
	if (c->of) {
		p = strstr(log, c->of);
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		CU_ASSERT_EQUAL_FATAL(sscanf(p + strlen(c->of),
					     "%u of %u tests passed", &passed,
					     &run), 2);
		CU_ASSERT(run > 0);
		CU_ASSERT_EQUAL(passed, run);
	}
	if (c->fail)
		CU_ASSERT_PTR_NULL(strstr(log, c->fail));
	if (c->must)
		CU_ASSERT_PTR_NOT_NULL(strstr(log, c->must));
	if (c->init_ret == 0)
		CU_ASSERT_EQUAL(kshim_module_unload(c->module),
				c->permanent ? -EBUSY : 0);
	if (c->deps)
		CU_ASSERT_EQUAL(kshim_module_unload(c->deps), 0);
}

static const struct ksrc_case cases[] = {
	{ .module = "test_uuid", .pass = "all ", .fail = "failed " },
	{ .module = "test_hexdump", .pass = "all ", .fail = "failed " },
	{ .module = "test_bitops", .pass = "Completed bitops test",
	  .fail = "wrong for" },
	/*
	 * It returns -EINVAL when all passed, so that it never stays loaded,
	 * and frees 128 ids it never allocated on purpose: the kernel's WARN
	 * for each.
	 */
	{ .module = "test_ida", .init_ret = -EINVAL, .of = "IDA: ",
	  .report = KSHIM_REPORT_WARNING,
	  .report_text = "which is not allocated", .reports = 128 },
	{ .module = "test_static_keys", .deps = "test_static_key_base" },
	{ .module = "test_string", .pass = "String selftests succeeded",
	  .no_pr_fmt = true, .fail = "String selftest failure" },
	/*
	 * Memory must come back zeroed: init_on_alloc=1 (or init_on_free=1)
	 * with page poisoning and slab poisoning off, as the module's
	 * Kconfig help says.  kmalloc, vmalloc, kvmalloc, pages, caches with
	 * constructors and SLAB_TYPESAFE_BY_RCU, bulk allocations.
	 */
	{ .module = "test_meminit", .pass = "all ", .fail = "failures:",
	  .permanent = true, .boot = { "KSHIM_PAGE_POISON=0", "KSHIM_SLUB_DEBUG=FZU",
		    "KSHIM_INIT_ON_ALLOC=1" } },
	{ .module = "test_meminit", .pass = "all ", .fail = "failures:",
	  .permanent = true, .boot = { "KSHIM_PAGE_POISON=0", "KSHIM_SLUB_DEBUG=FZU",
		    "KSHIM_INIT_ON_FREE=1" } },
	/* ...and without either, its checks do fail (they can). */
	{ .module = "test_meminit", .init_ret = -EINVAL,
	  .must = "test_meminit: failures: ", .reads_uninit = true,
	  .boot = { "KSHIM_PAGE_POISON=0", "KSHIM_SLUB_DEBUG=FZU" } },
};

#define KSRC_TEST(i, name)						\
	static void test_##name(void) { run_case(&cases[i]); }
KSRC_TEST(0, uuid)
KSRC_TEST(1, hexdump)
KSRC_TEST(2, bitops)
KSRC_TEST(3, ida)
KSRC_TEST(4, static_keys)
KSRC_TEST(5, string)
KSRC_TEST(6, meminit_on_alloc)
KSRC_TEST(7, meminit_on_free)
KSRC_TEST(8, meminit_off)

static CU_TestInfo tests[] = {
	{ "lib/test_uuid.c", test_uuid },
	{ "lib/test_hexdump.c", test_hexdump },
	{ "lib/test_bitops.c", test_bitops },
	{ "lib/test_ida.c", test_ida },
	{ "lib/test_static_keys.c", test_static_keys },
	{ "lib/test_string.c", test_string },
	{ "lib/test_meminit.c init_on_alloc=1", test_meminit_on_alloc },
	{ "lib/test_meminit.c init_on_free=1", test_meminit_on_free },
	{ "lib/test_meminit.c without init_on_*", test_meminit_off },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kernel-src", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
