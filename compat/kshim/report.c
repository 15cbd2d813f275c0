/*
 * compat/kshim/report.c - report capture and the per-test report list.
 *
 * The kernel-side code brackets a splat with kshim_report_begin/end; the
 * lines printk emits in between become the event's text.  Each event is
 * offered to the test's expectations; unclaimed ones fail the test when it
 * ends, at the file:line that triggered them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kshim/internal.h"

struct capture {
	int depth;
	char *buf;
	size_t len, cap;
	struct kshim_report r;
};

struct recorded {
	struct kshim_report r;
	bool claimed;
};

static __thread struct capture cap;

static pthread_mutex_t reports_lock = PTHREAD_MUTEX_INITIALIZER;
static struct recorded *reports;
static unsigned int nr_reports, reports_cap;
static unsigned int outside_tests;

void kshim_report_begin(const char *cls, const char *file, int line,
			const char *func)
{
	if (cap.depth++)
		return;
	cap.r.cls = cls;
	cap.r.file = file;
	cap.r.line = line;
	cap.r.func = func;
	cap.len = 0;
}

void kshim_report_set_site(const char *file, int line, const char *func)
{
	if (!cap.depth)
		return;
	cap.r.file = file;
	cap.r.line = line;
	cap.r.func = func;
}

void kshim_report_thread_exit(void)
{
	if (cap.depth)
		return;
	free(cap.buf);
	cap.buf = NULL;
	cap.len = cap.cap = 0;
}

const char *kshim_report_text(void)
{
	return cap.depth && cap.len ? cap.buf : "";
}

void kshim_report_capture(const char *line, size_t len)
{
	if (!cap.depth)
		return;
	if (cap.len + len + 1 > cap.cap) {
		size_t ncap = cap.cap ? cap.cap * 2 : 4096;
		char *nb;

		while (ncap < cap.len + len + 1)
			ncap *= 2;
		nb = realloc(cap.buf, ncap);
		if (!nb)
			return;
		cap.buf = nb;
		cap.cap = ncap;
	}
	memcpy(cap.buf + cap.len, line, len);
	cap.len += len;
	cap.buf[cap.len] = '\0';
}

static void record(const struct kshim_report *r)
{
	struct recorded *rec;

	pthread_mutex_lock(&reports_lock);
	if (nr_reports == reports_cap) {
		unsigned int ncap = reports_cap ? reports_cap * 2 : 16;
		struct recorded *nr = realloc(reports, ncap * sizeof(*nr));

		if (!nr) {
			pthread_mutex_unlock(&reports_lock);
			free((char *)r->text);
			return;
		}
		reports = nr;
		reports_cap = ncap;
	}
	rec = &reports[nr_reports++];
	rec->r = *r;
	rec->claimed = false;
	if (kshim_in_test()) {
		rec->claimed = kshim_sweep_claim(r) ||
			       kshim_expect_claim(r);
	} else if (kshim_harness_running()) {
		/* Suite setup or main() while tests run: nobody expects it. */
		outside_tests++;
		fprintf(stderr, "kshim: %s report outside any test (at %s:%d)\n",
			r->cls, r->file ? r->file : "?", r->line);
	}
	pthread_mutex_unlock(&reports_lock);
}

void kshim_report_end(void)
{
	struct kshim_report r;

	if (!cap.depth || --cap.depth)
		return;
	r = cap.r;
	r.text = strdup(cap.len ? cap.buf : "");
	if (r.text)
		record(&r);
}

void kshim_report_end_all(void)
{
	if (cap.depth) {
		cap.depth = 1;
		kshim_report_end();
	}
}

unsigned int kshim_reports_outside_tests(void)
{
	return __atomic_load_n(&outside_tests, __ATOMIC_RELAXED);
}

void kshim_reports_reset(void)
{
	unsigned int i;

	pthread_mutex_lock(&reports_lock);
	for (i = 0; i < nr_reports; i++)
		free((char *)reports[i].r.text);
	nr_reports = 0;
	pthread_mutex_unlock(&reports_lock);
}

/*
 * The line a failure message quotes: the first one after "cut here" and
 * the rules SLUB draws ("=====..." above "BUG kmalloc-64 ...").
 */
static void headline(const char *text, char *buf, size_t len)
{
	const char *s = text, *nl;

	while (!strncmp(s, "------------[ cut here ]", 24) ||
	       !strncmp(s, "=====", 5) || !strncmp(s, "-----", 5)) {
		nl = strchr(s, '\n');
		if (!nl)
			break;
		s = nl + 1;
	}
	nl = strchr(s, '\n');
	snprintf(buf, len, "%.*s", nl ? (int)(nl - s) : (int)strlen(s), s);
}

void kshim_reports_check_unexpected(void)
{
	unsigned int i;

	pthread_mutex_lock(&reports_lock);
	for (i = 0; i < nr_reports; i++) {
		const struct kshim_report *r = &reports[i].r;
		char head[512];

		if (reports[i].claimed)
			continue;
		headline(r->text, head, sizeof(head));
		kshim_test_fail(r->file, r->line, "unexpected %s report: %s",
				r->cls, head);
	}
	pthread_mutex_unlock(&reports_lock);
}

unsigned int kshim_report_count(const char *cls)
{
	unsigned int i, n = 0;

	pthread_mutex_lock(&reports_lock);
	for (i = 0; i < nr_reports; i++)
		if (!cls || !strcmp(cls, reports[i].r.cls))
			n++;
	pthread_mutex_unlock(&reports_lock);
	return n;
}

const struct kshim_report *kshim_report_get(unsigned int idx)
{
	const struct kshim_report *r = NULL;

	pthread_mutex_lock(&reports_lock);
	if (idx < nr_reports)
		r = &reports[idx].r;
	pthread_mutex_unlock(&reports_lock);
	return r;
}

const struct kshim_report *kshim_report_last(const char *cls)
{
	const struct kshim_report *r = NULL;
	unsigned int i;

	pthread_mutex_lock(&reports_lock);
	for (i = nr_reports; i-- > 0;)
		if (!cls || !strcmp(cls, reports[i].r.cls)) {
			r = &reports[i].r;
			break;
		}
	pthread_mutex_unlock(&reports_lock);
	return r;
}
