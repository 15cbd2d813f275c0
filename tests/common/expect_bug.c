/*
 * tests/common/expect_bug.c - see expect_bug.h.
 */
#include <stdio.h>

#include <kshim/test.h>

#include "expect_bug.h"
#include "spawn.h"

int marker_line_in(const char *file, const char *name)
{
	char m[64];

	int line;

	snprintf(m, sizeof(m), "LINE:%s ", name);
	line = find_marker_line(src_path(file), m);
	CU_ASSERT_FATAL(line > 0);
	return line;
}

const struct kshim_report *assert_report_at_in(const char *file,
					       const char *cls,
					       const char *marker)
{
	const struct kshim_report *r = kshim_report_last(cls);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, file);
	CU_ASSERT_EQUAL(r->line, marker_line_in(file, marker));
	return r;
}

void expect_report_at_in(const char *file, const char *cls,
			 const char *prefix, const char *marker)
{
	char want[256];

	snprintf(want, sizeof(want), "%s%s:%d", prefix, file,
		 marker_line_in(file, marker));
	kshim_expect_report(cls, want, 1);
}

void expect_vm_bug_page_in(const char *file, const char *reason,
			   const char *marker)
{
	char want[512];
	int line = marker_line_in(file, marker);

	CU_ASSERT_FATAL(line > 0);
	snprintf(want, sizeof(want),
		 "page dumped because: %s\n" CUT_HERE
		 "kernel BUG at %s:%d!\n", reason, file, line);
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
}

void expect_vm_bug_in(const char *file, const char *marker)
{
	char want[256];
	int line = marker_line_in(file, marker);

	CU_ASSERT_FATAL(line > 0);
	snprintf(want, sizeof(want), CUT_HERE "kernel BUG at %s:%d!\n", file,
		 line);
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
}
