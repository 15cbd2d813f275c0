// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/dumpstack.c - the host backtrace in a report's Call Trace.
 *
 * Plays the part of arch/x86/kernel/dumpstack.c: one " symbol+0xoff" line
 * per frame of the host stack, from glibc's unwinder (programs link with
 * -rdynamic so that symbols resolve).  KSHIM_BACKTRACE=0 leaves it out.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_EXECINFO_H
#include <execinfo.h>
#endif

#include <linux/printk.h>

#include "kshim/internal.h"

#define MAX_FRAMES 48

/* "path(sym+0x1c) [0x55d...]" -> "sym+0x1c"; "path(+0x1c) [...]" -> path */
static void print_frame(const char *s)
{
	const char *open = strchr(s, '(');
	const char *close = open ? strchr(open, ')') : NULL;

	if (open && close && open[1] != '+' && close > open + 1)
		printk(KERN_WARNING " %.*s\n", (int)(close - open - 1),
		       open + 1);
	else
		printk(KERN_WARNING " ? %s\n", s);
}

/* kshim's own frames on top of the stack are not the driver's story. */
static bool is_kshim_frame(const char *s)
{
	static const char *const own[] = {
		"(kshim_", "(__kshim_", "(arch_", "(dump_stack+", "(panic+",
	};
	unsigned int i;

	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (strstr(s, own[i]))
			return true;
	return false;
}

void arch_dump_host_stack(void)
{
#ifdef HAVE_EXECINFO_H
	void *frames[MAX_FRAMES];
	bool top = true;
	char **syms;
	int n, i;

	if (!kshim_config.backtrace)
		return;
	n = backtrace(frames, MAX_FRAMES);
	syms = backtrace_symbols(frames, n);
	if (!syms)
		return;
	for (i = 0; i < n; i++) {
		/* Stop at the harness: the test's frames are what matter. */
		if (strstr(syms[i], "(kshim_test_body+") ||
		    strstr(syms[i], "__libc_start"))
			break;
		if (top && is_kshim_frame(syms[i]))
			continue;
		top = false;
		print_frame(syms[i]);
	}
	free(syms);
#endif
}
