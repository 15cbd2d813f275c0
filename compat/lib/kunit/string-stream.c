// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kunit/string-stream.c - a growing string, formatted with the
 * kernel's vsnprintf (%pV, %px, %pS...), in host memory.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/kunit/string-stream.h"

/* The kernel's vsnprintf (compat/lib/vsprintf.c), not glibc's. */
int kshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

struct string_stream *alloc_string_stream(struct kunit *test, gfp_t gfp)
{
	struct string_stream *stream = calloc(1, sizeof(*stream));

	if (!stream)
		return NULL;
	stream->test = test;
	stream->gfp = gfp;
	return stream;
}

int string_stream_vadd(struct string_stream *stream, const char *fmt,
		       va_list args)
{
	va_list copy;
	size_t need;
	int len;

	va_copy(copy, args);
	len = kshim_vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		return len;
	need = stream->length + len + 1;
	if (need > stream->size) {
		size_t size = stream->size ? stream->size : 256;
		char *buf;

		while (size < need)
			size *= 2;
		buf = realloc(stream->buf, size);
		if (!buf)
			return -1;
		stream->buf = buf;
		stream->size = size;
	}
	kshim_vsnprintf(stream->buf + stream->length, len + 1, fmt, args);
	stream->length += len;
	return 0;
}

int string_stream_add(struct string_stream *stream, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = string_stream_vadd(stream, fmt, args);
	va_end(args);
	return ret;
}

bool string_stream_is_empty(struct string_stream *stream)
{
	return !stream->length;
}

const char *string_stream_get_string(struct string_stream *stream)
{
	return stream->buf ? stream->buf : "";
}

void string_stream_destroy(struct string_stream *stream)
{
	if (!stream)
		return;
	free(stream->buf);
	free(stream);
}
