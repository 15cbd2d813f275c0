/*
 * tests/highmem/highmem_test.h - what the highmem tests share: pages of
 * each kind and the expected texts of kmap reports.
 */
#ifndef _TESTS_HIGHMEM_TEST_H
#define _TESTS_HIGHMEM_TEST_H

#include <stdio.h>

#include <kshim/boot.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#include "common/expect_bug.h"

static inline struct page *high_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FATAL(PageHighMem(page));
	return page;
}

static inline struct page *low_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FATAL(!PageHighMem(page));
	return page;
}

/* Reboot with KSHIM_KMAP_FORCE_MAP=1; a lowmem page of that machine. */
static inline struct page *forced_low_page(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_KMAP_FORCE_MAP=1", NULL), 0);
	return low_page();
}

/* A WARN_ON_ONCE() at the line of @file marked @marker. */
static inline void expect_warning_at(const char *file, const char *marker)
{
	char want[256];
	int line = marker_line_in(file, marker);

	CU_ASSERT_FATAL(line > 0);
	snprintf(want, sizeof(want), " at %s:%d ", file, line);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
}

/* The might_sleep() report at the marked line. */
static inline void expect_might_sleep_at(const char *file, const char *marker)
{
	char want[256];
	int line = marker_line_in(file, marker);

	CU_ASSERT_FATAL(line > 0);
	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s:%d\n",
		 file, line);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
}

#endif /* _TESTS_HIGHMEM_TEST_H */
