// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/printk/printk.c - printk and the kernel log.
 *
 * Reproduces kernel/printk/printk.c as a driver sees it: a message carries
 * a KERN_<LEVEL> prefix (default MESSAGE_LOGLEVEL_DEFAULT), KERN_CONT
 * continues the current line (the prefixes are read from the text the
 * kernel's vsnprintf made, so a level passed as a "%s" argument counts,
 * and the first level given wins), every line lands in the log buffer (kshim's
 * dmesg, reset for each test) and lines below the console log level
 * (KSHIM_LOGLEVEL) are echoed on stderr.  Lines printed while a report is
 * open also become that report's text.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/printk.h>

#include "kshim/internal.h"

#define LOG_BUF_MAX	(8u << 20)	/* a runaway test stops logging here */
#define LINE_MAX_LEN	1024		/* longer lines are cut, as the kernel */

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char *log_buf;
static size_t log_len, log_cap;
static bool log_truncated;

/* The line this thread is building, until its newline arrives. */
static __thread char cont_buf[LINE_MAX_LEN];
static __thread size_t cont_len;
static __thread int cont_level;

static void log_append(const char *s, size_t len)
{
	size_t need = log_len + len + 1;

	if (need > LOG_BUF_MAX) {
		log_truncated = true;
		return;
	}
	if (need > log_cap) {
		size_t cap = log_cap ? log_cap : 4096;
		char *nb;

		while (cap < need)
			cap *= 2;
		nb = realloc(log_buf, cap);
		if (!nb) {
			log_truncated = true;
			return;
		}
		log_buf = nb;
		log_cap = cap;
	}
	memcpy(log_buf + log_len, s, len);
	log_len += len;
	log_buf[log_len] = '\0';
}

/* One complete line (without its newline) goes to log, report, console. */
static void emit_line(int level, const char *s, size_t len)
{
	char line[LINE_MAX_LEN + 1];

	memcpy(line, s, len);
	line[len] = '\n';
	kshim_report_capture(line, len + 1);

	pthread_mutex_lock(&log_lock);
	log_append(line, len + 1);
	if (level < kshim_config.console_loglevel) {
		fwrite(line, 1, len + 1, stderr);
		fflush(stderr);
	}
	pthread_mutex_unlock(&log_lock);
}

static void flush_cont(void)
{
	if (cont_len) {
		emit_line(cont_level, cont_buf, cont_len);
		cont_len = 0;
	}
}

/* Append text to this thread's line, emitting each completed line. */
static void add_text(int level, const char *s, size_t len)
{
	while (len) {
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) : len;
		size_t room = sizeof(cont_buf) - cont_len;

		cont_level = level;
		memcpy(cont_buf + cont_len, s, n < room ? n : room);
		cont_len += n < room ? n : room;
		if (!nl)
			return;
		/* Every newline ends a line, an empty one too ("\n"). */
		emit_line(cont_level, cont_buf, cont_len);
		cont_len = 0;
		s = nl + 1;
		len -= n + 1;
	}
}

int vprintk(const char *fmt, va_list args)
{
	char text[LINE_MAX_LEN * 4];
	const char *p = text;
	int level = LOGLEVEL_DEFAULT;
	bool cont = false;
	int n;

	kshim_ensure_booted();
	/* The kernel's vsnprintf; the prefixes are read from its output. */
	n = kshim_vsnprintf(text, sizeof(text), fmt, args);
	if ((size_t)n >= sizeof(text))
		n = sizeof(text) - 1;

	/* printk_parse_prefix(): the first level given wins */
	while (printk_get_level(p)) {
		if (p[1] == 'c')
			cont = true;
		else if (level == LOGLEVEL_DEFAULT)
			level = p[1] - '0';
		p += 2;
		n -= 2;
	}
	if (level == LOGLEVEL_DEFAULT)
		level = MESSAGE_LOGLEVEL_DEFAULT;

	if (!cont)
		flush_cont();
	else if (cont_len)
		level = cont_level;
	add_text(level, p, n);
	return n;
}

int _printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}

/* kshim has no console locks to avoid: an ordinary printk. */
int _printk_deferred(const char *fmt, ...) __attribute__((alias("_printk")));

const char *kshim_dmesg(void)
{
	const char *s;

	flush_cont();
	pthread_mutex_lock(&log_lock);
	s = log_buf ? log_buf : "";
	pthread_mutex_unlock(&log_lock);
	return s;
}

bool kshim_dmesg_contains(const char *needle)
{
	bool found;

	flush_cont();
	pthread_mutex_lock(&log_lock);
	found = log_buf && strstr(log_buf, needle);
	pthread_mutex_unlock(&log_lock);
	return found;
}

void kshim_dmesg_clear(void)
{
	pthread_mutex_lock(&log_lock);
	log_len = 0;
	if (log_buf)
		log_buf[0] = '\0';
	log_truncated = false;
	pthread_mutex_unlock(&log_lock);
}

void kshim_dmesg_reset(void)
{
	cont_len = 0;
	kshim_dmesg_clear();
}
