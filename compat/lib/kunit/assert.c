// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kunit/assert.c - the text of a failed KUnit check, as
 * lib/kunit/assert.c prints it: "EXPECTATION FAILED at file:line", then
 * "Expected <left> <op> <right>, but" and each operand's value unless its
 * text already is that value (a literal), then the _MSG message.  Integer
 * values gain their hex form in later kernels (from 6.8 here: kshim
 * follows the version the test file was built for).
 */
#include <stdio.h>
#include <string.h>

#include <kunit/assert.h>
#include <kunit/test.h>
#include <linux/err.h>

#include "lib/kunit/kunit.h"
#include "lib/kunit/string-stream.h"

void kunit_assert_prologue(const struct kunit_loc *loc,
			   enum kunit_assert_type type,
			   struct string_stream *stream)
{
	string_stream_add(stream, "%s FAILED at %s:%d\n",
			  type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
			  loc->file, loc->line);
}

/* The _MSG variants' message, on its own line. */
static void add_message(const struct va_format *message,
			struct string_stream *stream)
{
	if (message->fmt)
		string_stream_add(stream, "\n%pV", message);
}

void kunit_fail_assert_format(const struct kunit_assert *assert,
			      const struct va_format *message,
			      struct string_stream *stream)
{
	string_stream_add(stream, "%pV", message);
}

void kunit_unary_assert_format(const struct kunit_assert *assert,
			       const struct va_format *message,
			       struct string_stream *stream)
{
	const struct kunit_unary_assert *a =
		container_of(assert, struct kunit_unary_assert, assert);

	string_stream_add(stream,
			  KUNIT_SUBTEST_INDENT "Expected %s to be %s, but is %s\n",
			  a->condition, a->expected_true ? "true" : "false",
			  a->expected_true ? "false" : "true");
	add_message(message, stream);
}

void kunit_ptr_not_err_assert_format(const struct kunit_assert *assert,
				     const struct va_format *message,
				     struct string_stream *stream)
{
	const struct kunit_ptr_not_err_assert *a =
		container_of(assert, struct kunit_ptr_not_err_assert, assert);

	if (!a->value)
		string_stream_add(stream,
				  KUNIT_SUBTEST_INDENT "Expected %s is not null, but is\n",
				  a->text);
	else if (IS_ERR(a->value))
		string_stream_add(stream,
				  KUNIT_SUBTEST_INDENT "Expected %s is not error, but is: %ld\n",
				  a->text, PTR_ERR(a->value));
	add_message(message, stream);
}

static void add_expected(const struct kunit_binary_assert_text *text,
			 struct string_stream *stream)
{
	string_stream_add(stream,
			  KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n",
			  text->left_text, text->operation, text->right_text);
}

/* Is @text the decimal literal of @value ("5" for 5)? */
static bool is_literal(const char *text, long long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", value);
	return !strcmp(buf, text);
}

static void add_int(struct string_stream *stream, const char *text,
		    long long value, const char *end)
{
	if (is_literal(text, value))
		return;
	if (kshim_kunit_version() >= KERNEL_VERSION(6, 8, 0))
		string_stream_add(stream,
				  KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)%s",
				  text, value, value, end);
	else
		string_stream_add(stream,
				  KUNIT_SUBSUBTEST_INDENT "%s == %lld%s",
				  text, value, end);
}

void kunit_binary_assert_format(const struct kunit_assert *assert,
				const struct va_format *message,
				struct string_stream *stream)
{
	const struct kunit_binary_assert *a =
		container_of(assert, struct kunit_binary_assert, assert);

	add_expected(a->text, stream);
	add_int(stream, a->text->left_text, a->left_value, "\n");
	add_int(stream, a->text->right_text, a->right_value, "");
	add_message(message, stream);
}

void kunit_binary_ptr_assert_format(const struct kunit_assert *assert,
				    const struct va_format *message,
				    struct string_stream *stream)
{
	const struct kunit_binary_ptr_assert *a =
		container_of(assert, struct kunit_binary_ptr_assert, assert);

	add_expected(a->text, stream);
	string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %px\n",
			  a->text->left_text, a->left_value);
	string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %px",
			  a->text->right_text, a->right_value);
	add_message(message, stream);
}

/* Is @text the quoted literal of @value ("\"abc\"" for abc)? */
static bool is_str_literal(const char *text, const char *value)
{
	size_t len = strlen(text);

	if (len < 2 || text[0] != '"' || text[len - 1] != '"')
		return false;
	return !strncmp(text + 1, value, len - 2);
}

static void add_str(struct string_stream *stream, const char *text,
		    const char *value, const char *end)
{
	if (!is_str_literal(text, value))
		string_stream_add(stream,
				  KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"%s",
				  text, value, end);
}

void kunit_binary_str_assert_format(const struct kunit_assert *assert,
				    const struct va_format *message,
				    struct string_stream *stream)
{
	const struct kunit_binary_str_assert *a =
		container_of(assert, struct kunit_binary_str_assert, assert);

	add_expected(a->text, stream);
	add_str(stream, a->text->left_text, a->left_value, "\n");
	add_str(stream, a->text->right_text, a->right_value, "");
	add_message(message, stream);
}

/* 16 bytes a line; a byte that differs from @other's is shown in <>. */
static void add_hexdump(struct string_stream *stream, const u8 *buf,
			const u8 *other, size_t size)
{
	size_t i;

	string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT);
	for (i = 0; i < size; i++) {
		if (i && !(i % 16))
			string_stream_add(stream, "\n" KUNIT_SUBSUBTEST_INDENT);
		string_stream_add(stream, buf[i] != other[i] ? "<%02x>" :
				  " %02x ", buf[i]);
	}
}

void kunit_mem_assert_format(const struct kunit_assert *assert,
			     const struct va_format *message,
			     struct string_stream *stream)
{
	const struct kunit_mem_assert *a =
		container_of(assert, struct kunit_mem_assert, assert);

	add_expected(a->text, stream);
	if (!a->left_value) {
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s is not null\n",
				  a->text->left_text);
	} else if (!a->right_value) {
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s is not null\n",
				  a->text->right_text);
	} else {
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s ==\n",
				  a->text->left_text);
		add_hexdump(stream, a->left_value, a->right_value, a->size);
		string_stream_add(stream, "\n");
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s ==\n",
				  a->text->right_text);
		add_hexdump(stream, a->right_value, a->left_value, a->size);
	}
	add_message(message, stream);
}
