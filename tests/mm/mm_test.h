/*
 * tests/mm/mm_test.h - what the mm tests share.
 */
#ifndef _TESTS_MM_TEST_H
#define _TESTS_MM_TEST_H

#include <stdio.h>

#include <kshim/test.h>

/* Boot a machine of this layout, whatever the environment says. */
static inline void boot(const char *ram, const char *highmem,
			const char *nodes)
{
	char r[64], h[64], n[64];

	snprintf(r, sizeof(r), "KSHIM_RAM=%s", ram);
	snprintf(h, sizeof(h), "KSHIM_HIGHMEM=%s", highmem);
	snprintf(n, sizeof(n), "KSHIM_NODES=%s", nodes);
	CU_ASSERT_EQUAL_FATAL(kshim_boot(r, h, n, NULL), 0);
}

#endif /* _TESTS_MM_TEST_H */
