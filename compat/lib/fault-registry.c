// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/fault-registry.c - every fallible call kshim provides.
 *
 * The kernel injects failures per facility (fail_page_alloc, failslab,
 * fail_function's ALLOW_ERROR_INJECTION list); kshim keeps one table of
 * its fallible APIs, each a struct fault_point (lib/fault-inject.c) with
 * the errors the kernel returns there.  A new fallible API adds its point
 * here.  KSHIM_FAIL and kshim_fail_set() take a ';'-separated list of
 * rules, each naming its API with func=; the failure-path sweep
 * (compat/kshim/sweep.c) walks every call of every point.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/fail.h>

#include "kshim/internal.h"
#include "lib/fault-inject.h"

extern struct fault_point kshim_fail_page_alloc_point;
extern struct fault_point kshim_failslab_point;
extern struct fault_point kshim_fail_kmem_cache_create_point;
extern struct fault_point kshim_fail_vmalloc_point;
extern struct fault_point kshim_fail_request_irq_point;
extern struct fault_point kshim_fail_device_add_point;
extern struct fault_point kshim_fail_init_srcu_point;
extern struct fault_point kshim_fail_signal_point;

struct fault_point *const fault_points[] = {
	&kshim_fail_page_alloc_point,
	&kshim_failslab_point,
	&kshim_fail_kmem_cache_create_point,
	&kshim_fail_vmalloc_point,
	&kshim_fail_request_irq_point,
	&kshim_fail_device_add_point,
	&kshim_fail_init_srcu_point,
	&kshim_fail_signal_point,
};
#define NR_POINTS (sizeof(fault_points) / sizeof(fault_points[0]))
const unsigned int nr_fault_points = NR_POINTS;

/* Is @name one of the ' '-separated words of @list? */
static bool word_in(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *w;

	for (w = list; w && *w; w += strcspn(w, " ")) {
		w += strspn(w, " ");
		if (!strncmp(w, name, len) && (w[len] == ' ' || !w[len]))
			return true;
	}
	return false;
}

struct fault_point *fault_point_find(const char *func)
{
	unsigned int i;

	for (i = 0; i < nr_fault_points; i++)
		if (!strcmp(fault_points[i]->api, func) ||
		    word_in(fault_points[i]->aliases, func))
			return fault_points[i];
	return NULL;
}

const char *kshim_fail_api(unsigned int i, const int **errors)
{
	if (i >= nr_fault_points)
		return NULL;
	if (errors)
		*errors = fault_points[i]->errors;
	return fault_points[i]->api;
}

static void list_apis(char *buf, size_t len)
{
	size_t used = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < nr_fault_points && used < len; i++)
		used += snprintf(buf + used, len - used, "%s%s",
				 i ? ", " : "", fault_points[i]->api);
}

/*
 * One rule of a list: its func= item picks the point, the others (in
 * @rest, separated by ',') are the point's rule.  0, or -EINVAL after a
 * message.
 */
static int split_rule(const char *rule, struct fault_point **p, char *rest,
		      size_t len, const char *who)
{
	const char *item = rule, *end;
	char func[64], apis[256];
	size_t used = 0;

	*p = NULL;
	rest[0] = '\0';
	while (*item) {
		end = item + strcspn(item, ",");
		if (!strncmp(item, "func=", 5)) {
			if (*p) {
				fprintf(stderr, "kshim: %s: func given twice in '%s'\n",
					who, rule);
				return -EINVAL;
			}
			snprintf(func, sizeof(func), "%.*s",
				 (int)(end - item - 5), item + 5);
			*p = fault_point_find(func);
			if (!*p) {
				list_apis(apis, sizeof(apis));
				fprintf(stderr, "kshim: %s: func=%s is not a fallible API kshim knows (APIs: %s)\n",
					who, func, apis);
				return -EINVAL;
			}
		} else if (used + (end - item) + 2 < len) {
			used += snprintf(rest + used, len - used, "%s%.*s",
					 used ? "," : "", (int)(end - item),
					 item);
		} else {
			fprintf(stderr, "kshim: %s: rule too long: '%s'\n",
				who, rule);
			return -EINVAL;
		}
		item = *end ? end + 1 : end;
	}
	if (!*p) {
		list_apis(apis, sizeof(apis));
		fprintf(stderr, "kshim: %s: '%s' names no API: add func=<api> (APIs: %s)\n",
			who, rule, apis);
		return -EINVAL;
	}
	return 0;
}

/*
 * Split @list at ';' into at most one rule per point: @rules[i] and its
 * text @texts[i] for the points with @given[i].
 */
static int parse_list(const char *list, struct fail_rule *rules,
		      bool *given, char (*texts)[512], const char *who)
{
	char *copy = strdup(list ? list : ""), *rule, *next, rest[512];
	struct fault_point *p;
	unsigned int i;
	int err = 0;

	if (!copy)
		abort();
	memset(given, 0, nr_fault_points * sizeof(*given));
	for (rule = copy; rule && !err; rule = next) {
		next = strchr(rule, ';');
		if (next)
			*next++ = '\0';
		if (!*rule && !next)
			break;		/* "" or a trailing ';' */
		if (!*rule) {
			fprintf(stderr, "kshim: %s: empty rule in '%s'\n",
				who, list);
			err = -EINVAL;
			break;
		}
		err = split_rule(rule, &p, rest, sizeof(rest), who);
		if (err)
			break;
		for (i = 0; fault_points[i] != p; i++)
			;
		if (given[i]) {
			fprintf(stderr, "kshim: %s: two rules for func=%s\n",
				who, p->api);
			err = -EINVAL;
			break;
		}
		given[i] = true;
		/* "func=vmalloc" alone: every call fails (no limit). */
		snprintf(texts[i], sizeof(texts[i]), "%s",
			 rest[0] ? rest : "times=-1");
		err = fault_point_rule_from_spec(p, texts[i], &rules[i], who);
	}
	free(copy);
	return err;
}

/* ---- the KSHIM_FAIL setting ---- */

/* @p's setting slot in the pending configuration @c. */
static const char **slot(struct kshim_config *c, struct fault_point *p)
{
	return (const char **)((char *)c +
			       ((const char *)p->config -
				(const char *)&kshim_config));
}

int kshim_parse_fail(const char *val, struct kshim_config *c)
{
	struct fail_rule rules[NR_POINTS];
	bool given[NR_POINTS];
	char texts[NR_POINTS][512];
	unsigned int i;

	if (parse_list(val, rules, given, texts, "KSHIM_FAIL"))
		return -EINVAL;
	for (i = 0; i < nr_fault_points; i++) {
		struct fault_point *p = fault_points[i];
		const char **s = slot(c, p);

		/* The points with a setting of their own have parsed it. */
		if (p->setting && given[i] && **s) {
			fprintf(stderr, "kshim: KSHIM_FAIL: func=%s has a rule in %s already\n",
				p->api, p->setting);
			return -EINVAL;
		}
		if (p->setting && !given[i])
			continue;
		if (fault_point_parse_setting(p, given[i] ? texts[i] : "", s))
			return -EINVAL;
	}
	c->fail = val;
	return 0;
}

/* ---- the test's side ---- */

int kshim_fail_set(const char *list)
{
	struct fail_rule rules[NR_POINTS];
	bool given[NR_POINTS];
	char texts[NR_POINTS][512];
	unsigned int i;

	kshim_ensure_booted();
	if (!list || parse_list(list, rules, given, texts, "kshim_fail_set()"))
		return -EINVAL;
	for (i = 0; i < nr_fault_points; i++)
		if (given[i])
			fault_point_set_rule(fault_points[i], &rules[i]);
	return 0;
}

int kshim_fail_set_attr(const char *func, const struct kshim_fail_attr *attr)
{
	struct fault_point *p = func ? fault_point_find(func) : NULL;

	if (!p) {
		fprintf(stderr, "kshim: kshim_fail_set_attr(): func=%s is not a fallible API kshim knows\n",
			func ? func : "(null)");
		return -EINVAL;
	}
	return fault_point_set_attr(p, attr, "kshim_fail_set_attr()");
}

void kshim_fail_clear(const char *func)
{
	struct fault_point *p;
	unsigned int i;

	if (!func) {
		for (i = 0; i < nr_fault_points; i++)
			fault_point_clear(fault_points[i]);
		return;
	}
	p = fault_point_find(func);
	if (p)
		fault_point_clear(p);
	else
		fprintf(stderr, "kshim: kshim_fail_clear(): func=%s is not a fallible API kshim knows\n",
			func);
}

unsigned long kshim_fail_injected(const char *func)
{
	unsigned long n = 0;
	struct fault_point *p;
	unsigned int i;

	if (!func) {
		for (i = 0; i < nr_fault_points; i++)
			n += fault_point_injected(fault_points[i]);
		return n;
	}
	p = fault_point_find(func);
	return p ? fault_point_injected(p) : 0;
}

/* Each test starts from the settings' rules, counts at zero. */
void kshim_fail_test_begin(void)
{
	unsigned int i;

	for (i = 0; i < nr_fault_points; i++)
		fault_point_test_begin(fault_points[i]);
}
