/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/lib/kunit/string-stream.h - the text a failed check is formatted
 * into (lib/kunit/string-stream.h of 6.1: string_stream_add() appends a
 * formatted piece, string_stream_get_string() the whole).  Host memory:
 * reporting a failure never allocates from the simulated machine.
 */
#ifndef _KSHIM_KUNIT_STRING_STREAM_H
#define _KSHIM_KUNIT_STRING_STREAM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <linux/compiler.h>
#include <linux/gfp_types.h>

struct kunit;

struct string_stream {
	struct kunit *test;
	gfp_t gfp;
	char *buf;
	size_t length;
	size_t size;
};

struct string_stream *alloc_string_stream(struct kunit *test, gfp_t gfp);
__printf(2, 3) int string_stream_add(struct string_stream *stream,
				     const char *fmt, ...);
__printf(2, 0) int string_stream_vadd(struct string_stream *stream,
				      const char *fmt, va_list args);
bool string_stream_is_empty(struct string_stream *stream);
const char *string_stream_get_string(struct string_stream *stream);
void string_stream_destroy(struct string_stream *stream);

#endif /* _KSHIM_KUNIT_STRING_STREAM_H */
