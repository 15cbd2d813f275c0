/*
 * test_init_on - init_on_alloc= and init_on_free= for pages
 * (KSHIM_INIT_ON_ALLOC, KSHIM_INIT_ON_FREE): as mm/page_alloc.c of 6.1,
 * a page is zeroed when handed out (init_on_alloc) or when freed
 * (init_on_free), and page poisoning, when on, takes precedence over both
 * with the kernel's boot message.  The slab side is tests/slab's.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <kshim/boot.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#include "common/spawn.h"
#include "mm/internal.h"	/* kshim_pfn_backdoor(): white-box checks */

static bool frame_holds(unsigned long pfn, unsigned char c)
{
	const unsigned char *mem = kshim_pfn_backdoor(pfn);
	unsigned long i;

	for (i = 0; i < PAGE_SIZE; i++)
		if (mem[i] != c)
			return false;
	return true;
}

/* Dirty a page, free it, and get the same frame back (the pcp list is LIFO). */
static struct page *dirty_and_realloc(gfp_t gfp, unsigned long *pfn,
				      bool *zero_after_free)
{
	struct page *page = alloc_page(gfp);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	*pfn = page_to_pfn(page);
	memset(kshim_pfn_backdoor(*pfn), 0x5c, PAGE_SIZE);
	__free_page(page);
	*zero_after_free = frame_holds(*pfn, 0);
	page = alloc_page(gfp);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(page_to_pfn(page), *pfn);
	return page;
}

static void test_default_off(void)
{
	struct page *page;
	unsigned long pfn;
	bool zeroed;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_PAGE_POISON=0", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_INIT_ON_ALLOC"), "0");
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_INIT_ON_FREE"), "0");
	CU_ASSERT_FALSE(want_init_on_alloc(GFP_KERNEL));
	CU_ASSERT_TRUE(want_init_on_alloc(GFP_KERNEL | __GFP_ZERO));
	CU_ASSERT_FALSE(want_init_on_free());
	page = dirty_and_realloc(GFP_KERNEL, &pfn, &zeroed);
	CU_ASSERT_FALSE(zeroed);
	CU_ASSERT_TRUE(frame_holds(pfn, 0x5c));
	__free_page(page);
}

static void test_init_on_alloc(void)
{
	struct page *page;
	unsigned long pfn;
	bool zeroed;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_PAGE_POISON=0",
					 "KSHIM_INIT_ON_ALLOC=1", NULL), 0);
	CU_ASSERT_TRUE(want_init_on_alloc(GFP_KERNEL));
	CU_ASSERT_FALSE(want_init_on_free());
	/* Lowmem and highmem alike. */
	page = dirty_and_realloc(GFP_KERNEL, &pfn, &zeroed);
	CU_ASSERT_FALSE(zeroed);
	CU_ASSERT_TRUE(frame_holds(pfn, 0));
	__free_page(page);
	page = dirty_and_realloc(GFP_HIGHUSER, &pfn, &zeroed);
	CU_ASSERT_TRUE(frame_holds(pfn, 0));
	__free_page(page);
	CU_ASSERT_FALSE(kshim_dmesg_contains("mem auto-init"));
}

static void test_init_on_free(void)
{
	struct page *page;
	unsigned long pfn;
	bool zeroed;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_PAGE_POISON=0",
					 "KSHIM_INIT_ON_FREE=1", NULL), 0);
	CU_ASSERT_FALSE(want_init_on_alloc(GFP_KERNEL));
	CU_ASSERT_TRUE(want_init_on_free());
	page = dirty_and_realloc(GFP_KERNEL, &pfn, &zeroed);
	CU_ASSERT_TRUE(zeroed);		/* zeroed by the free itself */
	__free_page(page);
	page = alloc_pages(GFP_KERNEL, 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	memset(page_address(page), 0x33, 4 * PAGE_SIZE);
	pfn = page_to_pfn(page);
	__free_pages(page, 2);
	CU_ASSERT_TRUE(frame_holds(pfn, 0) && frame_holds(pfn + 3, 0));
}

static void test_poisoning_takes_precedence(void)
{
	struct page *page;
	unsigned long pfn;
	bool zeroed;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_PAGE_POISON=1",
					 "KSHIM_INIT_ON_ALLOC=1",
					 "KSHIM_INIT_ON_FREE=1", NULL), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"mem auto-init: CONFIG_PAGE_POISONING is on, will take precedence over init_on_alloc and init_on_free\n"));
	CU_ASSERT_FALSE(want_init_on_alloc(GFP_KERNEL));
	CU_ASSERT_FALSE(want_init_on_free());
	page = dirty_and_realloc(GFP_KERNEL, &pfn, &zeroed);
	CU_ASSERT_FALSE(zeroed);	/* poisoned, not zeroed */
	__free_page(page);
}

static void boot_bad(void *arg)
{
	_exit(kshim_boot((const char *)arg, NULL) == -EINVAL ? 0 : 1);
}

static void test_bad_values(void)
{
	static const char *const bad[][2] = {
		{ "KSHIM_INIT_ON_ALLOC=2",
		  "kshim: invalid KSHIM_INIT_ON_ALLOC='2': a boolean" },
		{ "KSHIM_INIT_ON_FREE=maybe",
		  "kshim: invalid KSHIM_INIT_ON_FREE='maybe': a boolean" },
	};
	struct spawn_result c;
	unsigned int i;

	for (i = 0; i < 2; i++) {
		CU_ASSERT_EQUAL_FATAL(spawn_call(boot_bad, (void *)bad[i][0],
						 &c), 0);
		CU_ASSERT_TRUE(!c.signaled && c.status == 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(c.err, bad[i][1]));
		spawn_free(&c);
	}
}

int main(int argc, char **argv)
{
	static CU_TestInfo tests[] = {
		{ "default_off", test_default_off },
		{ "init_on_alloc", test_init_on_alloc },
		{ "init_on_free", test_init_on_free },
		{ "poisoning_takes_precedence",
		  test_poisoning_takes_precedence },
		{ "bad_values", test_bad_values },
		CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
		{ "init_on", NULL, NULL, NULL, NULL, tests },
		CU_SUITE_INFO_NULL,
	};

	return kshim_run_suites(suites, argc, argv);
}
