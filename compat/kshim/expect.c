/*
 * compat/kshim/expect.c - expected reports of the running test.
 *
 * A negative test announces the report its code must trigger; the report
 * is then claimed instead of failing the test, and at the end each
 * expectation must have been met exactly (or at least once).
 */
#include <pthread.h>
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

static pthread_mutex_t expect_lock = PTHREAD_MUTEX_INITIALIZER;
static struct expectation *expects;
static unsigned int nr_expects, expects_cap;

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
	if (first)
		first->seen++;
	pthread_mutex_unlock(&expect_lock);
	return first;
}

void kshim_expect_check(void)
{
	unsigned int i;

	pthread_mutex_lock(&expect_lock);
	for (i = 0; i < nr_expects; i++) {
		const struct expectation *e = &expects[i];
		bool ok = e->count == KSHIM_ANY_COUNT ? e->seen > 0 :
						       e->seen == e->count;

		if (ok)
			continue;
		if (e->count == KSHIM_ANY_COUNT)
			kshim_test_fail(e->file, e->line,
					"expected a %s report%s%s%s, got none",
					e->cls, e->match ? " containing \"" : "",
					e->match ? e->match : "",
					e->match ? "\"" : "");
		else
			kshim_test_fail(e->file, e->line,
					"expected %d %s report(s)%s%s%s, got %d",
					e->count, e->cls,
					e->match ? " containing \"" : "",
					e->match ? e->match : "",
					e->match ? "\"" : "", e->seen);
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
	pthread_mutex_unlock(&expect_lock);
}
