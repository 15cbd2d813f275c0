/*
 * compat/kshim/expect.c - expected reports of the running test.
 *
 * A negative test announces the report its code must trigger; the report
 * is then claimed instead of failing the test, and at the end each
 * expectation must have been met exactly (or at least once).  An unmet
 * expectation's failure lists the reports of its class the test saw (where,
 * their first line, which expectation claimed them) and how many a kernel
 * rate limit kept from printing (kshim_report_suppressed(): a second "page
 * allocation failure" within 10 s is never printed, as in the kernel).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kshim/internal.h"

struct expectation {
	const char *cls;
	char *match;
	int count;
	int seen;
	const char *file;
	int line;
};

/* A report an expectation claimed, for the failure messages. */
struct claim {
	unsigned int expect;	/* index into expects[] */
	const char *cls;
	const char *file;
	int line;
	char *first;		/* its first line (after "cut here") */
};

/* Reports of a class a rate limit kept from printing, per reason. */
struct suppressed {
	const char *cls;
	const char *why;
	unsigned int count;
};

static pthread_mutex_t expect_lock = PTHREAD_MUTEX_INITIALIZER;
static struct expectation *expects;
static unsigned int nr_expects, expects_cap;
static struct claim *claims;
static unsigned int nr_claims, claims_cap;
static struct suppressed *suppressed;
static unsigned int nr_suppressed, suppressed_cap;

/* Make room for one more element of a growing array; false if no memory. */
static bool grow(void **arr, unsigned int nr, unsigned int *cap, size_t size)
{
	unsigned int ncap;
	void *n;

	if (nr < *cap)
		return true;
	ncap = *cap ? *cap * 2 : 8;
	n = realloc(*arr, ncap * size);
	if (!n)
		return false;
	*arr = n;
	*cap = ncap;
	return true;
}

/* The first line of a report's text that is not the "cut here" marker. */
static char *first_line(const char *text)
{
	const char *p = text ? text : "", *end;

	if (!strncmp(p, "------------[ cut here ]", 24) && strchr(p, '\n'))
		p = strchr(p, '\n') + 1;
	end = strchr(p, '\n');
	return strndup(p, end ? (size_t)(end - p) : strlen(p));
}

void kshim_report_suppressed(const char *cls, const char *why)
{
	unsigned int i;

	pthread_mutex_lock(&expect_lock);
	for (i = 0; i < nr_suppressed; i++)
		if (!strcmp(suppressed[i].cls, cls) &&
		    !strcmp(suppressed[i].why, why))
			break;
	if (i == nr_suppressed &&
	    grow((void **)&suppressed, nr_suppressed, &suppressed_cap,
		 sizeof(*suppressed)))
		suppressed[nr_suppressed++] =
			(struct suppressed){ cls, why, 0 };
	if (i < nr_suppressed)
		suppressed[i].count++;
	pthread_mutex_unlock(&expect_lock);
}

void __kshim_expect_report(const char *cls, const char *match, int count,
			   const char *file, int line)
{
	struct expectation *e;

	if (!cls || (count < 1 && count != KSHIM_ANY_COUNT)) {
		kshim_test_fail(file, line,
				"kshim_expect_report(%s, %s, %d): needs a class and a count >= 1 or KSHIM_ANY_COUNT",
				cls ? cls : "NULL", match ? match : "NULL",
				count);
		return;
	}
	pthread_mutex_lock(&expect_lock);
	if (nr_expects == expects_cap) {
		unsigned int ncap = expects_cap ? expects_cap * 2 : 8;
		struct expectation *ne = realloc(expects, ncap * sizeof(*ne));

		if (!ne) {
			pthread_mutex_unlock(&expect_lock);
			kshim_test_fail(file, line, "out of memory");
			return;
		}
		expects = ne;
		expects_cap = ncap;
	}
	e = &expects[nr_expects++];
	e->cls = cls;
	e->match = match ? strdup(match) : NULL;
	e->count = count;
	e->seen = 0;
	e->file = file;
	e->line = line;
	pthread_mutex_unlock(&expect_lock);
}

static bool matches(const struct expectation *e, const struct kshim_report *r)
{
	return !strcmp(e->cls, r->cls) &&
	       (!e->match || strstr(r->text, e->match));
}

static bool has_room(const struct expectation *e)
{
	return e->count == KSHIM_ANY_COUNT || e->seen < e->count;
}

bool kshim_expect_claim(const struct kshim_report *r)
{
	struct expectation *first = NULL;
	unsigned int i;

	pthread_mutex_lock(&expect_lock);
	for (i = 0; i < nr_expects; i++) {
		if (!matches(&expects[i], r))
			continue;
		if (!first)
			first = &expects[i];
		if (has_room(&expects[i])) {
			first = &expects[i];
			break;
		}
	}
	if (first) {
		first->seen++;
		if (grow((void **)&claims, nr_claims, &claims_cap,
			 sizeof(*claims)))
			claims[nr_claims++] = (struct claim){
				(unsigned int)(first - expects), first->cls,
				r->file, r->line, first_line(r->text)
			};
	}
	pthread_mutex_unlock(&expect_lock);
	return first;
}

static __attribute__((__format__(__printf__, 3, 4)))
void append(char *buf, size_t len, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, len - n, fmt, ap);
	va_end(ap);
}

/*
 * What the test saw of @e's class: the claimed reports (where, first line,
 * whose expectation) and the ones a rate limit suppressed.
 */
static void explain(const struct expectation *e, char *buf, size_t len)
{
	unsigned int i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < nr_claims; i++) {
		const struct claim *c = &claims[i];
		const struct expectation *by = &expects[c->expect];

		if (strcmp(c->cls, e->cls))
			continue;
		append(buf, len, "%s %s:%d \"%s\" (claimed by %s",
		       n++ ? ";" : "; seen:", c->file ? c->file : "?",
		       c->line, c->first ? c->first : "",
		       by == e ? "this expectation" : "the expectation at ");
		if (by != e)
			append(buf, len, "%s:%d", by->file, by->line);
		append(buf, len, ")");
	}
	for (i = 0; i < nr_suppressed; i++)
		if (!strcmp(suppressed[i].cls, e->cls))
			append(buf, len,
			       "; %u more %s report(s) not printed: rate-limited as in the kernel (%s; README \"Rate-limited reports\")",
			       suppressed[i].count, e->cls, suppressed[i].why);
}

void kshim_expect_check(void)
{
	unsigned int i;

	pthread_mutex_lock(&expect_lock);
	for (i = 0; i < nr_expects; i++) {
		const struct expectation *e = &expects[i];
		bool ok = e->count == KSHIM_ANY_COUNT ? e->seen > 0 :
						       e->seen == e->count;
		char why[2048];

		if (ok)
			continue;
		explain(e, why, sizeof(why));
		if (e->count == KSHIM_ANY_COUNT)
			kshim_test_fail(e->file, e->line,
					"expected a %s report%s%s%s, got none%s",
					e->cls, e->match ? " containing \"" : "",
					e->match ? e->match : "",
					e->match ? "\"" : "", why);
		else
			kshim_test_fail(e->file, e->line,
					"expected %d %s report(s)%s%s%s, got %d%s",
					e->count, e->cls,
					e->match ? " containing \"" : "",
					e->match ? e->match : "",
					e->match ? "\"" : "", e->seen, why);
	}
	pthread_mutex_unlock(&expect_lock);
}

void kshim_expect_reset(void)
{
	unsigned int i;

	pthread_mutex_lock(&expect_lock);
	for (i = 0; i < nr_expects; i++)
		free(expects[i].match);
	nr_expects = 0;
	for (i = 0; i < nr_claims; i++)
		free(claims[i].first);
	nr_claims = 0;
	nr_suppressed = 0;
	pthread_mutex_unlock(&expect_lock);
}
