// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kunit/test.c - a running KUnit case's state, as
 * lib/kunit/test.c keeps it: failed checks logged in KUnit's text (and
 * handed to kshim as the case's failures, at the check's file:line),
 * test-managed memory, the log, cleanup when the case ends.
 */
#include <stdlib.h>
#include <string.h>

#include <kunit/resource.h>
#include <kunit/test-bug.h>
#include <kunit/test.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "arch/vmap.h"
#include "kshim/internal.h"
#include "lib/kunit/kunit.h"
#include "lib/kunit/string-stream.h"

static unsigned int kunit_version = LINUX_VERSION_CODE;
unsigned long kshim_kunit_failures;

unsigned int kshim_kunit_version(void)
{
	return kunit_version;
}

void kshim_kunit_set_version(unsigned int version)
{
	kunit_version = version;
}

bool kshim_kunit_wants_ktap(void)
{
	return !strcmp(kshim_config.output, "ktap") ||
	       !strcmp(kshim_config.output, "junit");
}

bool kunit_enabled(void)
{
	return true;
}

/* @fmt formatted with the kernel's vsnprintf, in host memory (free()). */
static __printf(1, 0) char *format(const char *fmt, va_list args)
{
	struct string_stream *stream = alloc_string_stream(NULL, GFP_KERNEL);
	char *text = NULL;

	if (stream && !string_stream_vadd(stream, fmt, args))
		text = strdup(string_stream_get_string(stream));
	string_stream_destroy(stream);
	return text;
}

void kunit_log_append(char *log, const char *fmt, ...)
{
	va_list args;
	size_t len;
	char *line;

	va_start(args, fmt);
	line = format(fmt, args);
	va_end(args);
	if (!line)
		return;
	if (log) {
		len = strlen(log);
		if (len < KUNIT_LOG_SIZE - 1)
			strncat(log, line, KUNIT_LOG_SIZE - 1 - len);
	}
	if (kshim_kunit_wants_ktap()) {
		len = strlen(line);
		while (len && line[len - 1] == '\n')
			line[--len] = '\0';
		kshim_test_note("ktap", line);
	}
	free(line);
}

void kunit_init_test(struct kunit *test, const char *name, char *log)
{
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
	test->name = name;
	test->log = log;
	if (test->log)
		test->log[0] = '\0';
	test->status = KUNIT_SUCCESS;
	test->status_comment[0] = '\0';
}

void kunit_do_failed_assertion(struct kunit *test, const struct kunit_loc *loc,
			       enum kunit_assert_type type,
			       const struct kunit_assert *assert,
			       assert_format_t assert_format,
			       const char *fmt, ...)
{
	struct string_stream *stream;
	struct va_format message;
	va_list args;

	kunit_set_failure(test);
	stream = alloc_string_stream(test, GFP_KERNEL);
	if (stream) {
		const char *text;

		va_start(args, fmt);
		message.fmt = fmt;
		message.va = &args;
		kunit_assert_prologue(loc, type, stream);
		assert_format(assert, &message, stream);
		va_end(args);
		text = string_stream_get_string(stream);
		kunit_err(test, "%s", text);
		kshim_kunit_failures++;
		kshim_test_fail_logged(loc->file, loc->line, text);
		string_stream_destroy(stream);
	} else {
		kshim_test_fail(loc->file, loc->line,
				"KUnit check failed (no memory to format it)");
	}
	if (type == KUNIT_ASSERTION)
		kunit_try_catch_throw(&test->try_catch);
}

void __kunit_fail_current_test(const char *file, int line, const char *fmt,
			       ...)
{
	struct kunit *test = current->kunit_test;
	va_list args;
	char *buf;

	if (!test)
		return;
	kunit_set_failure(test);
	va_start(args, fmt);
	buf = format(fmt, args);
	va_end(args);
	if (!buf)
		return;
	kunit_err(test, "%s:%d: %s", file, line, buf);
	kshim_kunit_failures++;
	kshim_test_fail_logged(file, line, buf);
	free(buf);
}

struct kunit *kunit_get_current_test(void)
{
	return current->kunit_test;
}

size_t kunit_suite_num_test_cases(struct kunit_suite *suite)
{
	struct kunit_case *test_case;
	size_t n = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		n++;
	return n;
}

unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case)
{
	struct kunit_case *tc;
	unsigned int i = 1;

	kunit_suite_for_each_test_case(suite, tc) {
		if (tc == test_case)
			return i;
		i++;
	}
	return 0;
}

enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite)
{
	const struct kunit_case *test_case;
	enum kunit_status status = KUNIT_SKIPPED;

	if (suite->suite_init_err)
		return KUNIT_FAILURE;
	kunit_suite_for_each_test_case(suite, test_case) {
		if (test_case->status == KUNIT_FAILURE)
			return KUNIT_FAILURE;
		if (test_case->status == KUNIT_SUCCESS)
			status = KUNIT_SUCCESS;
	}
	return status;
}

/* ---- test-managed memory ---- */

struct kmalloc_params {
	size_t n;
	size_t size;
	gfp_t gfp;
};

static int kunit_kmalloc_init(struct kunit_resource *res, void *context)
{
	struct kmalloc_params *p = context;

	res->data = kmalloc_array(p->n, p->size, p->gfp);
	return res->data ? 0 : -ENOMEM;
}

static void kunit_kmalloc_free(struct kunit_resource *res)
{
	kfree(res->data);
}

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size,
			  gfp_t gfp)
{
	struct kmalloc_params p = { .n = n, .size = size, .gfp = gfp };

	return kunit_alloc_resource(test, kunit_kmalloc_init,
				    kunit_kmalloc_free, gfp, &p);
}

static bool kunit_kfree_match(struct kunit *test, struct kunit_resource *res,
			      void *match_data)
{
	return res->free == kunit_kmalloc_free && res->data == match_data;
}

void kunit_kfree(struct kunit *test, const void *ptr)
{
	if (!ptr)
		return;
	if (kunit_destroy_resource(test, kunit_kfree_match, (void *)ptr))
		KUNIT_FAIL(test, "kunit_kfree: %px already freed or not allocated by kunit",
			   ptr);
}

void kunit_kfree_const(struct kunit *test, const void *x)
{
	if (!arch_is_rodata(x))
		kunit_kfree(test, x);
}

const char *kunit_kstrdup_const(struct kunit *test, const char *str,
				gfp_t gfp)
{
	if (arch_is_rodata(str))
		return str;
	return kunit_kstrdup(test, str, gfp);
}

/* Release every resource, newest first; the case is over. */
void kunit_cleanup(struct kunit *test)
{
	struct kunit_resource *res;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&test->lock, flags);
		if (list_empty(&test->resources)) {
			spin_unlock_irqrestore(&test->lock, flags);
			break;
		}
		res = list_last_entry(&test->resources, struct kunit_resource,
				      node);
		spin_unlock_irqrestore(&test->lock, flags);
		kunit_remove_resource(test, res);
	}
	current->kunit_test = NULL;
}
