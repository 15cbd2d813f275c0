/*
 * test_module - the module loader (kernel/module/main.c, kernel/params.c)
 * as a driver test uses it: init/exit, errors, taint, refcount, the
 * ledger of loaded modules, and every parameter type.
 */
#include <errno.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/module.h>
#include <linux/panic.h>

#include "kernel/mods/mods.h"

extern struct module kmod_good__this_module;

static void test_load_unload(void)
{
	CU_ASSERT_FALSE(kshim_module_loaded("good"));
	CU_ASSERT_EQUAL(kshim_module_load("good", NULL), 0);
	CU_ASSERT_EQUAL(good_calls.init, 1);
	CU_ASSERT_TRUE(kshim_module_loaded("good"));
	CU_ASSERT_EQUAL(kshim_module_load("good", NULL), -EEXIST);
	CU_ASSERT_EQUAL(good_calls.init, 1);
	CU_ASSERT_EQUAL(kshim_module_unload("good"), 0);
	CU_ASSERT_EQUAL(good_calls.exit, 1);
	CU_ASSERT_FALSE(kshim_module_loaded("good"));
	CU_ASSERT_EQUAL(kshim_module_unload("good"), -ENOENT);
	CU_ASSERT_FALSE(test_taint(TAINT_PROPRIETARY_MODULE));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_unknown_module(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("nosuchmodule", NULL), -ENOENT);
	CU_ASSERT_EQUAL(kshim_module_unload("nosuchmodule"), -ENOENT);
}

static void test_failing_init(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("failing", NULL), -ENODEV);
	CU_ASSERT_EQUAL(failing_calls.init, 1);
	CU_ASSERT_FALSE(kshim_module_loaded("failing"));
	CU_ASSERT_EQUAL(kshim_module_unload("failing"), -ENOENT);
	CU_ASSERT_EQUAL(failing_calls.exit, 0);
	/* No MODULE_LICENSE: the loader says so and taints (P). */
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"failing: module license 'unspecified' taints kernel.\n"));
	CU_ASSERT_TRUE(test_taint(TAINT_PROPRIETARY_MODULE));
}

static void test_init_eexist_becomes_ebusy(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("eexist", NULL), -EBUSY);
	CU_ASSERT_FALSE(kshim_module_loaded("eexist"));
}

static void test_positive_init_warns_and_loads(void)
{
	kshim_expect_report(KSHIM_REPORT_MODULE,
			    "do_init_module: 'positive'->init suspiciously returned 1, it should follow 0/-E convention\n"
			    "do_init_module: loading module anyway...\n", 1);
	CU_ASSERT_EQUAL(kshim_module_load("positive", NULL), 0);
	CU_ASSERT_TRUE(kshim_module_loaded("positive"));
	CU_ASSERT_EQUAL(kshim_module_unload("positive"), 0);
}

static void test_positive_init_unexpected_fails(void)
{
	/* Without the expectation, the same load is a failing report:
	 * checked by looking at the report the harness would reject. */
	kshim_expect_report(KSHIM_REPORT_MODULE, NULL, 1);
	kshim_module_load("positive", NULL);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_MODULE), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(NULL)->file,
				      "tests/kernel/mods/mod_lifecycle.c"));
	kshim_module_unload("positive");
}

static void test_no_exit_cannot_unload(void)
{
	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "modules loaded is 1 at test end, was 0", 1);
	CU_ASSERT_EQUAL(kshim_module_load("noexit", NULL), 0);
	CU_ASSERT_EQUAL(kshim_module_unload("noexit"), -EBUSY);
	CU_ASSERT_TRUE(kshim_module_loaded("noexit"));
}

static void test_leftover_module_names_it(void)
{
	kshim_expect_report(KSHIM_REPORT_LEDGER, "Modules linked in: good\n",
			    1);
	CU_ASSERT_EQUAL(kshim_module_load("good", NULL), 0);
}

static void test_proprietary_license_taints(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("proprietary", NULL), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"proprietary: module license 'Proprietary' taints kernel.\n"));
	CU_ASSERT_TRUE(test_taint(TAINT_PROPRIETARY_MODULE));
	CU_ASSERT_EQUAL(kshim_module_unload("proprietary"), 0);
}

static void test_refcount_blocks_unload(void)
{
	struct module *mod = &kmod_good__this_module;

	CU_ASSERT_STRING_EQUAL(module_name(mod), "good");
	CU_ASSERT_FALSE(try_module_get(mod));	/* not loaded */
	CU_ASSERT_EQUAL(kshim_module_load("good", NULL), 0);
	CU_ASSERT_TRUE(try_module_get(mod));
	CU_ASSERT_EQUAL(module_refcount(mod), 1);
	CU_ASSERT_EQUAL(kshim_module_unload("good"), -EWOULDBLOCK);
	module_put(mod);
	CU_ASSERT_EQUAL(module_refcount(mod), 0);
	CU_ASSERT_EQUAL(kshim_module_unload("good"), 0);
	CU_ASSERT_TRUE(try_module_get(NULL));	/* built-in code */
}

static void test_params_defaults(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("params", NULL), 0);
	CU_ASSERT_EQUAL(params_seen.p_int, -5);
	CU_ASSERT_EQUAL(params_seen.p_uint, 7);
	CU_ASSERT_EQUAL(params_seen.p_hex, 0x10);
	CU_ASSERT_STRING_EQUAL(params_seen.p_charp, "default");
	CU_ASSERT_STRING_EQUAL(params_seen.p_string, "abc");
	CU_ASSERT_EQUAL(params_seen.p_array_n, 2);
	CU_ASSERT_EQUAL(params_seen.p_named, 3);
	CU_ASSERT_FALSE(params_seen.p_bool);
	kshim_module_unload("params");
}

static void test_params_every_type(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("params",
		"p_int=-42 p_uint=0x20 p_long=-9000000000 p_ulong=18000000000 "
		"p_short=-7 p_ushort=65535 p_byte=255 p_ullong=18446744073709551615 "
		"p_hex=0xff p_bool p_invbool=y p_charp=\"hello world\" "
		"p_string=xyz p_array=5,6,7 p-named=9"), 0);
	CU_ASSERT_EQUAL(params_seen.p_int, -42);
	CU_ASSERT_EQUAL(params_seen.p_uint, 32);
	CU_ASSERT_EQUAL(params_seen.p_long, -9000000000L);
	CU_ASSERT_EQUAL(params_seen.p_ulong, 18000000000UL);
	CU_ASSERT_EQUAL(params_seen.p_short, -7);
	CU_ASSERT_EQUAL(params_seen.p_ushort, 65535);
	CU_ASSERT_EQUAL(params_seen.p_byte, 255);
	CU_ASSERT_EQUAL(params_seen.p_ullong, 18446744073709551615ULL);
	CU_ASSERT_EQUAL(params_seen.p_hex, 0xff);
	CU_ASSERT_TRUE(params_seen.p_bool);
	CU_ASSERT_FALSE(params_seen.p_invbool);
	CU_ASSERT_STRING_EQUAL(params_seen.p_charp, "hello world");
	CU_ASSERT_STRING_EQUAL(params_seen.p_string, "xyz");
	CU_ASSERT_EQUAL(params_seen.p_array_n, 3);
	CU_ASSERT_EQUAL(params_seen.p_array[2], 7);
	CU_ASSERT_EQUAL(params_seen.p_named, 9);
	kshim_module_unload("params");
}

static void test_params_reset_on_reload(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("params",
				"p_int=1 p_charp=x p_array=9"), 0);
	kshim_module_unload("params");
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("params", NULL), 0);
	CU_ASSERT_EQUAL(params_seen.p_int, -5);
	CU_ASSERT_STRING_EQUAL(params_seen.p_charp, "default");
	CU_ASSERT_EQUAL(params_seen.p_array_n, 2);
	CU_ASSERT_EQUAL(params_seen.p_array[0], 1);
	kshim_module_unload("params");
}

static void test_params_show(void)
{
	char buf[64];

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("params",
				"p_bool=1 p_array=3,4 p_barray=y,n,1"), 0);
	CU_ASSERT_EQUAL(params_seen.p_barray_n, 3);
	CU_ASSERT_TRUE(params_seen.p_barray[0] && !params_seen.p_barray[1] &&
		       params_seen.p_barray[2]);
	CU_ASSERT_EQUAL(kshim_module_param("params", "p_bool", buf,
					   sizeof(buf)), 2);
	CU_ASSERT_STRING_EQUAL(buf, "Y\n");
	kshim_module_param("params", "p_hex", buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "0x000010\n");
	kshim_module_param("params", "p_int", buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "-5\n");
	kshim_module_param("params", "p_array", buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "3,4\n");
	kshim_module_param("params", "p_barray", buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Y,N,Y\n");
	kshim_module_param("params", "p_invbool", buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Y\n");
	CU_ASSERT_EQUAL(kshim_module_param("params", "nope", buf,
					   sizeof(buf)), -ENOENT);
	kshim_module_unload("params");
}

static void test_params_errors(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("params", "p_int=abc"), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"params: `abc' invalid for parameter `p_int'\n"));
	CU_ASSERT_FALSE(kshim_module_loaded("params"));

	CU_ASSERT_EQUAL(kshim_module_load("params", "p_byte=256"), -ERANGE);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"params: `256' invalid for parameter `p_byte'\n"));

	CU_ASSERT_EQUAL(kshim_module_load("params", "p_string=toolongvalue"),
			-ENOSPC);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"p_string: string doesn't fit in 7 chars.\n"));
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"params: `toolongvalue' too large for parameter `p_string'\n"));

	CU_ASSERT_EQUAL(kshim_module_load("params", "p_array=1,2,3,4,5"),
			-EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"p_array: can only take 4 arguments\n"));

	CU_ASSERT_EQUAL(kshim_module_load("params", "p_int"), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"params: `' invalid for parameter `p_int'\n"));

	CU_ASSERT_EQUAL(params_seen.p_int, 0);	/* init never ran */
}

static void test_params_unknown_ignored(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("params", "nope=1 p_int=2"), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"params: unknown parameter 'nope' ignored\n"));
	CU_ASSERT_EQUAL(params_seen.p_int, 2);
	kshim_module_unload("params");
}

static CU_TestInfo tests[] = {
	{ "load_unload", test_load_unload },
	{ "unknown_module", test_unknown_module },
	{ "failing_init", test_failing_init },
	{ "init_eexist_becomes_ebusy", test_init_eexist_becomes_ebusy },
	{ "positive_init_warns_and_loads", test_positive_init_warns_and_loads },
	{ "positive_init_report_names_module_file",
	  test_positive_init_unexpected_fails },
	{ "no_exit_cannot_unload", test_no_exit_cannot_unload },
	{ "leftover_module_names_it", test_leftover_module_names_it },
	{ "proprietary_license_taints", test_proprietary_license_taints },
	{ "refcount_blocks_unload", test_refcount_blocks_unload },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo param_tests[] = {
	{ "defaults", test_params_defaults },
	{ "every_type", test_params_every_type },
	{ "reset_on_reload", test_params_reset_on_reload },
	{ "show", test_params_show },
	{ "errors", test_params_errors },
	{ "unknown_ignored", test_params_unknown_ignored },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "module", NULL, NULL, NULL, NULL, tests },
	{ "moduleparam", NULL, NULL, NULL, NULL, param_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
