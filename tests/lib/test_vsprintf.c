/*
 * test_vsprintf - the kernel's vsnprintf as kernel code gets it
 * (compat/lib/vsprintf.c through linux/sprintf.h), against the outputs
 * Documentation/core-api/printk-formats.rst and lib/vsprintf.c of 6.1
 * give: integers where the kernel differs from glibc ("%#x" of 0 is
 * "0x0", "%.0d" of 0 is "0", '0' with a precision still pads), "(null)"
 * and "(efault)", the %p family (hashed %p, %px, %pK, %pS/%ps/%pB, %pV,
 * %ph, %pb, %pM, %pI4/%pI6, %pU, %pa, %pe, %pGp/%pGg), the WARNs for %n,
 * a width out of range and an extension kshim does not model; and printk:
 * pr_fmt, levels (also given as a "%s" argument), pr_cont, the *_once
 * forms, printk_ratelimited, dump_stack() and dump_page()'s 6.x text.
 * The formats are literals in kernel code (printk_kernel.c), so the
 * kernel's -Wformat checks them too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "printk_kernel.h"

static void run_cases(const struct pk_case *c)
{
	for (; c->name; c++) {
		char buf[256];
		int n = c->fn(buf, sizeof(buf));

		if (strcmp(buf, c->want) || n != (int)strlen(c->want))
			CU_FAIL_FATAL(c->name);
		/* the same, cut short: C99's return, a NUL at the end */
		if (n > 3) {
			char small[4];

			CU_ASSERT_EQUAL(c->fn(small, sizeof(small)), n);
			CU_ASSERT_EQUAL(strncmp(small, c->want, 3), 0);
			CU_ASSERT_EQUAL(small[3], '\0');
		}
		/* a NULL buffer of size 0 counts */
		CU_ASSERT_EQUAL(c->fn(NULL, 0), n);
	}
}

static void test_integers(void)
{
	run_cases(pk_int_cases);
}

static void test_strings(void)
{
	run_cases(pk_str_cases);
}

static void test_pointer_extensions(void)
{
	run_cases(pk_ptr_cases);
}

/* %p: 16 hex digits, the upper 8 zero, the same for the same pointer. */
static void test_p_hashed(void)
{
	int x = 0, y = 0;
	char a[32], b[32], want[32];
	unsigned long h;

	CU_ASSERT_EQUAL(pk_ptr(a, sizeof(a), &x), 16);
	CU_ASSERT_EQUAL(strncmp(a, "00000000", 8), 0);
	CU_ASSERT_EQUAL(strspn(a, "0123456789abcdef"), 16);
	pk_ptr(b, sizeof(b), &x);
	CU_ASSERT_STRING_EQUAL(a, b);
	pk_ptr(b, sizeof(b), &y);
	CU_ASSERT_STRING_NOT_EQUAL(a, b);
	/* not the address itself */
	snprintf(want, sizeof(want), "%016lx", (unsigned long)&x);
	CU_ASSERT_STRING_NOT_EQUAL(a, want);
	/* ptr_to_hashval() is that value */
	CU_ASSERT_EQUAL(ptr_to_hashval(&x, &h), 0);
	CU_ASSERT_EQUAL(h >> 32, 0);
	snprintf(want, sizeof(want), "%016lx", h);
	CU_ASSERT_STRING_EQUAL(a, want);
	/* host code's scnprintf() is the kernel's too */
	scnprintf(b, sizeof(b), "%p", &x);
	CU_ASSERT_STRING_EQUAL(a, b);
	/* %pe of a pointer that is no error is a %p */
	pk_pe(b, sizeof(b), &x);
	CU_ASSERT_STRING_EQUAL(a, b);
}

/* %pK: kptr_restrict 0 hashes, 1 prints the address, 2 zeros. */
static void test_pK(void)
{
	int x = 0;
	char a[32], b[32], want[32];

	pk_ptr(a, sizeof(a), &x);
	pk_ptr_k(b, sizeof(b), &x);
	CU_ASSERT_STRING_EQUAL(a, b);
	pk_set_kptr_restrict(1);
	pk_ptr_k(b, sizeof(b), &x);
	snprintf(want, sizeof(want), "%016lx", (unsigned long)&x);
	CU_ASSERT_STRING_EQUAL(b, want);
	pk_set_kptr_restrict(2);
	pk_ptr_k(b, sizeof(b), &x);
	CU_ASSERT_STRING_EQUAL(b, "0000000000000000");
	pk_set_kptr_restrict(0);
}

/* %pS name+0xoff/0xsize, %ps name, %pB the call before a return address. */
static void test_symbols(void)
{
	char buf[128];
	char *target = (char *)pk_target;
	unsigned long size;
	char *end;

	pk_sym(buf, sizeof(buf), "S", target);
	CU_ASSERT_EQUAL_FATAL(strncmp(buf, "pk_target+0x0/0x", 16), 0);
	size = strtoul(buf + 16, &end, 16);
	CU_ASSERT(size > 0 && *end == '\0');
	pk_sym(buf, sizeof(buf), "S", target + 2);
	CU_ASSERT_EQUAL(strncmp(buf, "pk_target+0x2/0x", 16), 0);
	pk_sym(buf, sizeof(buf), "SR", target + 2);
	CU_ASSERT_EQUAL(strncmp(buf, "pk_target+0x2/0x", 16), 0);
	pk_sym(buf, sizeof(buf), "s", target + 2);
	CU_ASSERT_STRING_EQUAL(buf, "pk_target");
	/* %pB of the address after pk_target's end: still pk_target */
	pk_sym(buf, sizeof(buf), "B", target + size);
	snprintf(buf + 64, 64, "pk_target+%#lx/%#lx", size, size);
	CU_ASSERT_STRING_EQUAL(buf, buf + 64);
	/* no symbol: the address */
	pk_sym(buf, sizeof(buf), "S", (void *)0x10);
	CU_ASSERT_STRING_EQUAL(buf, "0x10");
	pk_sym(buf, sizeof(buf), "s", (void *)0x10);
	CU_ASSERT_STRING_EQUAL(buf, "0x10");
}

static void test_pV(void)
{
	char buf[64];

	CU_ASSERT_EQUAL(pk_pv(buf, sizeof(buf), "%d-%s-%ph", 7, "x", "A"),
			8);
	CU_ASSERT_STRING_EQUAL(buf, "<7-x-41>");
	CU_ASSERT_EQUAL(pk_pv(buf, 5, "%s", "abcdef"), 8);
	CU_ASSERT_STRING_EQUAL(buf, "<abc");
}

/* %pGp of a page's flags: names in mmflags.h order, node and zone. */
static void test_pGp(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long plain = (1UL << PG_locked) | (1UL << PG_dirty) |
			      (1UL << 40);
	char buf[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageDirty(page);
	SetPageReferenced(page);
	pk_pgp(buf, sizeof(buf), &page->flags);
	/* 6.8 bits: referenced 2, dirty 4 */
	CU_ASSERT_STRING_EQUAL(buf, "0x14(referenced|dirty|node=0|zone=1)");
	ClearPageDirty(page);
	ClearPageReferenced(page);
	pk_pgp(buf, sizeof(buf), &page->flags);
	CU_ASSERT_STRING_EQUAL(buf, "0x0(node=0|zone=1)");
	__free_page(page);
	/* not a struct page's: the names, the unnamed bits in hex */
	pk_pgp(buf, sizeof(buf), &plain);
	CU_ASSERT_STRING_EQUAL(buf,
			       "0x10000000011(locked|dirty|0x10000000000)");
}

static void test_pGg(void)
{
	char buf[256], want[256];

	pk_pgg(buf, sizeof(buf), GFP_KERNEL);
	snprintf(want, sizeof(want), "gfp:%#x(GFP_KERNEL)", GFP_KERNEL);
	CU_ASSERT_STRING_EQUAL(buf, want);
	pk_pgg(buf, sizeof(buf), GFP_ATOMIC | __GFP_ZERO | __GFP_NOWARN);
	snprintf(want, sizeof(want), "gfp:%#x(GFP_ATOMIC|__GFP_ZERO|__GFP_NOWARN)",
		 GFP_ATOMIC | __GFP_ZERO | __GFP_NOWARN);
	CU_ASSERT_STRING_EQUAL(buf, want);
	/* 0: "0x0" and no names, as the kernel prints it */
	pk_pgg(buf, sizeof(buf), 0);
	CU_ASSERT_STRING_EQUAL(buf, "gfp:0x0()");
}

/* %n: the kernel's WARN_ONCE, and the output stops there. */
static void test_percent_n_refused(void)
{
	char buf[32];

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "Please remove unsupported %n in format string", 1);
	CU_ASSERT_EQUAL(pk_percent_n(buf, sizeof(buf)), 1);
	CU_ASSERT_STRING_EQUAL(buf, "a");
	/* once per boot */
	CU_ASSERT_EQUAL(pk_percent_n(buf, sizeof(buf)), 1);
}

static void test_width_too_large(void)
{
	char buf[8];

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "field width 16777216 too large", 1);
	CU_ASSERT_EQUAL(pk_huge_width(buf, sizeof(buf)), (1 << 23) - 1);
	CU_ASSERT_STRING_EQUAL(buf, "       ");
}

/* An extension kshim does not model is loud, once, and marked. */
static void test_unsupported_extension(void)
{
	char buf[32];

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "kshim: printk format %pC is not supported", 1);
	pk_unsupported(buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "(%pC?)|(%pC?)");
}

static void test_sprintf_sscanf(void)
{
	char buf[64], word[16];
	unsigned int x;
	int a;

	CU_ASSERT_EQUAL(pk_sprintf_len(buf), 22);
	CU_ASSERT_STRING_EQUAL(buf, "abc-7-0000000000000000");
	CU_ASSERT_EQUAL(pk_scanf("-12 word 0x1f", &a, word, &x), 3);
	CU_ASSERT_EQUAL(a, -12);
	CU_ASSERT_STRING_EQUAL(word, "word");
	CU_ASSERT_EQUAL(x, 0x1f);
	CU_ASSERT_EQUAL(pk_scanf("nope", &a, word, &x), 0);
}

static void test_scnprintf(void)
{
	char buf[8];

	CU_ASSERT_EQUAL(scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
	CU_ASSERT_STRING_EQUAL(buf, "0123456");
	CU_ASSERT_EQUAL(scnprintf(buf, 0, "abc"), 0);
	CU_ASSERT_EQUAL(scnprintf(buf, 1, "abc"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "");
}

/* ---- printk ---- */

static void test_printk_pr_fmt_cont(void)
{
	int x = 0;
	char want[128], hash[32];

	pk_ptr(hash, sizeof(hash), &x);
	pk_printk_plain(&x);
	snprintf(want, sizeof(want), "plain %s end\n", hash);
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	CU_ASSERT_TRUE(kshim_dmesg_contains("printk_kernel: with pr_fmt 1\n"
			"no pr_fmt on a continuation done\n"));
}

static void test_printk_levels(void)
{
	pk_pr_levels();
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(),
			       "printk_kernel: emerg\nprintk_kernel: alert\n"
			       "printk_kernel: crit\nprintk_kernel: err\n"
			       "printk_kernel: warn\nprintk_kernel: notice\n"
			       "printk_kernel: info\nprintk_kernel: debug\n"
			       "printk_kernel: devel\n");
	pk_no_printk();
	CU_ASSERT_FALSE(kshim_dmesg_contains("never"));
}

/* The level travels in the formatted text: never printed itself. */
static void test_level_in_argument(void)
{
	pk_level_as_arg();
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(), "level from an argument\n");
}

static unsigned int count_lines(const char *needle)
{
	const char *p = kshim_dmesg();
	unsigned int n = 0;

	while ((p = strstr(p, needle))) {
		n++;
		p++;
	}
	return n;
}

static void test_once(void)
{
	pk_pr_once(3);
	CU_ASSERT_EQUAL(count_lines("printk_kernel: once "), 1);
	CU_ASSERT_TRUE(kshim_dmesg_contains("printk_kernel: once 0\n"));
	CU_ASSERT_EQUAL(count_lines("warn once"), 1);
	CU_ASSERT_EQUAL(count_lines("printk_once 0\n"), 1);
	CU_ASSERT_EQUAL(count_lines("debug once 0\n"), 1);
	pk_pr_once(2);
	CU_ASSERT_EQUAL(count_lines("printk_kernel: once "), 1);
}

/* 10 per 5 s per call site; printk_ratelimit() one budget for all. */
static void test_ratelimited(void)
{
	pk_printk_ratelimited(15);
	CU_ASSERT_EQUAL(count_lines("printk_kernel: limited "), 10);
	CU_ASSERT_TRUE(kshim_dmesg_contains("limited 9\n"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("limited 10\n"));
	CU_ASSERT_EQUAL(pk_printk_ratelimit(12), 10);
	CU_ASSERT_EQUAL(pk_printk_ratelimit(1), 0);
}

static void test_dump_stack(void)
{
	char want[64];

	pk_dump_stack();
	snprintf(want, sizeof(want), "CPU: 0 PID: %d Comm: ", getpid());
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	CU_ASSERT_TRUE(kshim_dmesg_contains("\nCall Trace:\n <TASK>\n"));
	CU_ASSERT_TRUE(kshim_dmesg_contains(" pk_dump_stack+0x"));
	CU_ASSERT_TRUE(kshim_dmesg_contains(" </TASK>\n"));
}

/* dump_page(): 6.x's first line with hashed %p and %#lx, %pGp flags. */
static void test_dump_page_text(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	char want[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	dump_page(page, "because");
	scnprintf(want, sizeof(want),
		  "page:%p refcount:1 mapcount:0 mapping:0000000000000000 index:0x0 pfn:%#lx\n"
		  "flags: 0x0(node=0|zone=%d)\n",
		  page, page_to_pfn(page), page_zonenum(page));
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	scnprintf(want, sizeof(want), "raw: %016lx %016lx %016lx %016lx\n",
		  ((unsigned long *)page)[0], ((unsigned long *)page)[1],
		  ((unsigned long *)page)[2], ((unsigned long *)page)[3]);
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	CU_ASSERT_TRUE(kshim_dmesg_contains("page dumped because: because\n"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("(nil)"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("0x7f"));
	__free_page(page);
}

static CU_TestInfo format_tests[] = {
	{ "integers", test_integers },
	{ "strings", test_strings },
	{ "pointer_extensions", test_pointer_extensions },
	{ "p_hashed", test_p_hashed },
	{ "pK", test_pK },
	{ "symbols", test_symbols },
	{ "pV", test_pV },
	{ "pGp", test_pGp },
	{ "pGg", test_pGg },
	{ "percent_n_refused", test_percent_n_refused },
	{ "width_too_large", test_width_too_large },
	{ "unsupported_extension", test_unsupported_extension },
	{ "sprintf_sscanf", test_sprintf_sscanf },
	{ "scnprintf", test_scnprintf },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo printk_tests[] = {
	{ "pr_fmt_cont", test_printk_pr_fmt_cont },
	{ "levels", test_printk_levels },
	{ "level_in_argument", test_level_in_argument },
	{ "once", test_once },
	{ "ratelimited", test_ratelimited },
	{ "dump_stack", test_dump_stack },
	{ "dump_page_text", test_dump_page_text },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "vsprintf", NULL, NULL, NULL, NULL, format_tests },
	{ "printk", NULL, NULL, NULL, NULL, printk_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
