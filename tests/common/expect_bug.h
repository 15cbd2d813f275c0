/*
 * tests/common/expect_bug.h - expect a BUG at a marked line of the test
 * file itself: LINE:name comments mark the lines, and the macros pass the
 * calling file, so the report must name it.  Also where a report was made.
 */
#ifndef _TESTS_EXPECT_BUG_H
#define _TESTS_EXPECT_BUG_H

struct kshim_report;

#define CUT_HERE "------------[ cut here ]------------\n"

/* The line of @file marked "LINE:@name " (a missing marker fails the test). */
int marker_line_in(const char *file, const char *name);
/* The report of class @cls recorded last was made at that line of @file. */
const struct kshim_report *assert_report_at_in(const char *file,
					       const char *cls,
					       const char *marker);
/* One report of class @cls whose text has "@prefix@file:<marked line>". */
void expect_report_at_in(const char *file, const char *cls,
			 const char *prefix, const char *marker);
/* A VM_BUG_ON_PAGE(cond) BUG: the dump's reason, then the BUG line. */
void expect_vm_bug_page_in(const char *file, const char *reason,
			   const char *marker);
/* A plain VM_BUG_ON(cond) BUG: no page dump. */
void expect_vm_bug_in(const char *file, const char *marker);

#define marker_line(name)	marker_line_in(__FILE__, name)
#define assert_report_at(cls, marker) \
	assert_report_at_in(__FILE__, cls, marker)
#define expect_vm_bug_page(reason, marker) \
	expect_vm_bug_page_in(__FILE__, reason, marker)
#define expect_vm_bug(marker)	expect_vm_bug_in(__FILE__, marker)

#endif /* _TESTS_EXPECT_BUG_H */
