// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kshim/junit.c - JUnit XML on stdout (KSHIM_OUTPUT=junit), the
 * report format CI systems read: a <testsuite> per suite, a <testcase>
 * per test with its <failure>s (file:line and text), <skipped> with the
 * reason, and the test's own KTAP lines (a KUnit case's log) as
 * <system-out>.  Written once the run is over; everything else the
 * program prints goes to stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/TestRun.h>

#include "kshim/internal.h"
#include "kshim/run.h"

static char *xml;
static size_t xml_len, xml_size;
static size_t suite_at;			/* where the open suite's text starts */
static unsigned int counts[4], all[4];	/* pass fail skip total */

static void put(const char *s, size_t len)
{
	if (xml_len + len + 1 > xml_size) {
		size_t size = xml_size ? xml_size : 4096;
		char *more;

		while (size < xml_len + len + 1)
			size *= 2;
		more = realloc(xml, size);
		if (!more)
			return;
		xml = more;
		xml_size = size;
	}
	memcpy(xml + xml_len, s, len);
	xml_len += len;
	xml[xml_len] = '\0';
}

static void puts_raw(const char *s)
{
	put(s, strlen(s));
}

/* @s escaped for an attribute or element text. */
static void puts_esc(const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': puts_raw("&lt;"); break;
		case '>': puts_raw("&gt;"); break;
		case '&': puts_raw("&amp;"); break;
		case '"': puts_raw("&quot;"); break;
		case '\n': case '\t': put(s, 1); break;
		default:
			if ((unsigned char)*s >= 0x20)
				put(s, 1);
		}
	}
}

static void open_testcase(const CU_pSuite s, const CU_pTest t)
{
	puts_raw("    <testcase classname=\"");
	puts_esc(s->pName);
	puts_raw("\" name=\"");
	puts_esc(t->pName);
	puts_raw("\">\n");
}

static void junit_suite_start(const CU_pSuite s)
{
	memset(counts, 0, sizeof(counts));
	suite_at = xml_len;
}

static void junit_complete(const CU_pTest t, const CU_pSuite s,
			   const CU_pFailureRecord first)
{
	struct kshim_run_test *w = kshim_run_find(t);
	CU_pFailureRecord f;
	char line[32];
	int status;

	if (!t->fActive)
		return;
	status = kshim_run_status(w, first);
	counts[status]++;
	counts[3]++;
	open_testcase(s, t);
	for (f = first; f && f->pTest == t; f = f->pNext) {
		const char *text = f->strCondition ? f->strCondition : "";
		const char *eol = strchr(text, '\n');

		snprintf(line, sizeof(line), ":%u: ", f->uiLineNumber);
		puts_raw("      <failure message=\"");
		puts_esc(f->strFileName ? f->strFileName : "");
		puts_raw(line);
		if (eol) {
			char *first_line = strndup(text, eol - text);

			if (first_line)
				puts_esc(first_line);
			free(first_line);
		} else {
			puts_esc(text);
		}
		puts_raw("\">");
		puts_esc(text);
		puts_raw("</failure>\n");
	}
	if (status == KSHIM_SKIP) {
		puts_raw("      <skipped message=\"");
		puts_esc(w->skip);
		puts_raw("\"/>\n");
	}
	if (w->log) {
		puts_raw("      <system-out>");
		puts_esc(w->log);
		puts_raw("</system-out>\n");
	}
	puts_raw("    </testcase>\n");
}

static void junit_suite_complete(const CU_pSuite s, const CU_pFailureRecord f)
{
	char head[1024];
	char *body;
	size_t len;
	int i;

	if (!s->fActive)
		return;
	/* The suite's element goes before its cases, counts known now. */
	len = xml_len - suite_at;
	body = malloc(len + 1);
	if (!body)
		return;
	memcpy(body, xml + suite_at, len);
	body[len] = '\0';
	xml_len = suite_at;
	snprintf(head, sizeof(head),
		 "  <testsuite tests=\"%u\" failures=\"%u\" skipped=\"%u\" name=\"",
		 counts[3], counts[1], counts[2]);
	puts_raw(head);
	puts_esc(s->pName);
	puts_raw("\">\n");
	put(body, len);
	free(body);
	puts_raw("  </testsuite>\n");
	for (i = 0; i < 4; i++)
		all[i] += counts[i];
}

static void junit_suite_init_failed(const CU_pSuite s)
{
	CU_pTest t;

	for (t = s->pTest; t; t = t->pNext) {
		if (!t->fActive)
			continue;
		counts[1]++;
		counts[3]++;
		open_testcase(s, t);
		puts_raw("      <failure message=\"suite initialization failed\"/>\n    </testcase>\n");
	}
}

void kshim_run_junit(void)
{
	CU_set_suite_start_handler(junit_suite_start);
	CU_set_test_complete_handler(junit_complete);
	CU_set_suite_complete_handler(junit_suite_complete);
	CU_set_suite_init_failure_handler(junit_suite_init_failed);
	CU_run_all_tests();
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	       "<testsuites tests=\"%u\" failures=\"%u\" skipped=\"%u\">\n%s</testsuites>\n",
	       all[3], all[1], all[2], xml ? xml : "");
	fflush(stdout);
	free(xml);
	xml = NULL;
	xml_len = xml_size = 0;
}
