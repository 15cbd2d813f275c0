/*
 * tests/highmem26/typed_test.h - what the typed kmap_atomic tests share
 * (built as 2.6.35 and 2.6.36 drivers).
 */
#ifndef _TESTS_HIGHMEM26_TYPED_TEST_H
#define _TESTS_HIGHMEM26_TYPED_TEST_H

#include <stdio.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/version.h>

#include "highmem/highmem_test.h"	/* high_page(), low_page() */

#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 37) || \
	LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 35)
#error "built for the 2.6.35 and 2.6.36 profiles only"
#endif

/* debug_kmap_atomic()'s WARN_ON lines: 2.6.36 has one more line above. */
#define HM_LINE(l)	((l) + (LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 36)))

#define CUT "------------[ cut here ]------------\n"

/* @count debug_kmap_atomic() warnings at mm/highmem.c:@line. */
static inline void expect_kmap_warn(int line, int count)
{
	char want[128];

	snprintf(want, sizeof(want),
		 CUT "WARNING: at mm/highmem.c:%d debug_kmap_atomic+0x", line);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, count);
}

/* The BUG_ON() at arch/x86/mm/highmem_32.c:@line. */
static inline void expect_highmem_32_bug(int line)
{
	char want[128];

	snprintf(want, sizeof(want),
		 CUT "kernel BUG at arch/x86/mm/highmem_32.c:%d!\n", line);
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
}

#endif /* _TESTS_HIGHMEM26_TYPED_TEST_H */
