// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/panic.c - WARN, BUG, panic and taint.
 *
 * Reproduces the 6.x report text of kernel/panic.c (__warn, panic,
 * print_tainted, print_oops_end_marker) and lib/bug.c + the x86 die path
 * (kernel BUG at ...!).  Each report is also a structured event; a BUG or
 * panic then ends the running test, as the oops kills the task.
 *
 * A machine running 2.6.28 - 2.6.36 (compat/init/version.c) prints 2.6.35's
 * texts instead: warn_slowpath_common() ("WARNING: at <file>:<line>
 * <%pS>()", the message after it, "Modules linked in:", dump_stack()), the
 * x86_64 dump_stack() ("Pid: <pid>, comm: <comm> Not tainted 2.6.35-kshim
 * #1", "Call Trace:" without <TASK> markers), print_tainted() with the 11
 * flags of 2.6.35 (P..C) and die()'s "invalid opcode: 0000 [#1] SMP".
 */
#include <stdarg.h>
#include <stdio.h>

#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/version.h>
#include <asm/bug.h>

#include "kshim/internal.h"

#define CUT_HERE "------------[ cut here ]------------\n"

static unsigned long tainted_mask;

/* Letters in print_tainted() order: set, unset. */
static const char taint_chars[TAINT_FLAGS_COUNT][2] = {
	[TAINT_PROPRIETARY_MODULE]	= { 'P', 'G' },
	[TAINT_FORCED_MODULE]		= { 'F', ' ' },
	[TAINT_CPU_OUT_OF_SPEC]		= { 'S', ' ' },
	[TAINT_FORCED_RMMOD]		= { 'R', ' ' },
	[TAINT_MACHINE_CHECK]		= { 'M', ' ' },
	[TAINT_BAD_PAGE]		= { 'B', ' ' },
	[TAINT_USER]			= { 'U', ' ' },
	[TAINT_DIE]			= { 'D', ' ' },
	[TAINT_OVERRIDDEN_ACPI_TABLE]	= { 'A', ' ' },
	[TAINT_WARN]			= { 'W', ' ' },
	[TAINT_CRAP]			= { 'C', ' ' },
	[TAINT_FIRMWARE_WORKAROUND]	= { 'I', ' ' },
	[TAINT_OOT_MODULE]		= { 'O', ' ' },
	[TAINT_UNSIGNED_MODULE]		= { 'E', ' ' },
	[TAINT_SOFTLOCKUP]		= { 'L', ' ' },
	[TAINT_LIVEPATCH]		= { 'K', ' ' },
	[TAINT_AUX]			= { 'X', ' ' },
	[TAINT_RANDSTRUCT]		= { 'T', ' ' },
	[TAINT_TEST]			= { 'N', ' ' },
};

void add_taint(unsigned int flag, bool lockdep_ok)
{
	if (flag < TAINT_FLAGS_COUNT)
		__atomic_fetch_or(&tainted_mask, 1UL << flag, __ATOMIC_RELAXED);
}

int test_taint(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT &&
	       (__atomic_load_n(&tainted_mask, __ATOMIC_RELAXED) >> flag) & 1;
}

unsigned long get_taint(void)
{
	return __atomic_load_n(&tainted_mask, __ATOMIC_RELAXED);
}

/* 2.6.35's print_tainted() knows TAINT_PROPRIETARY_MODULE .. TAINT_CRAP. */
#define TAINT_FLAGS_COUNT_2_6	(TAINT_CRAP + 1)

static const char *print_tainted(char *buf, size_t len)
{
	unsigned long mask = get_taint();
	int i, count = kshim_kernel_2_6() ? TAINT_FLAGS_COUNT_2_6 :
					    TAINT_FLAGS_COUNT;
	size_t n;

	if (!mask)
		return "Not tainted";
	n = snprintf(buf, len, "Tainted: ");
	for (i = 0; i < count && n + 1 < len; i++)
		buf[n++] = taint_chars[i][(mask >> i) & 1 ? 0 : 1];
	buf[n] = '\0';
	return buf;
}

/* The release of uname -r: "6.8.0-kshim", "2.6.35-kshim". */
static void print_release(char *buf, size_t len)
{
	unsigned int v = kshim_linux_version();

	if (kshim_kernel_2_6())
		snprintf(buf, len, "%u.%u.%u-kshim", (v >> 16) & 0xff,
			 (v >> 8) & 0xff, v & 0xff);
	else
		snprintf(buf, len, "%d.%d.%d-kshim", LINUX_VERSION_MAJOR,
			 LINUX_VERSION_PATCHLEVEL, LINUX_VERSION_SUBLEVEL);
}

/* "Not tainted 6.8.0-kshim #1": print_tainted(), the release, the version. */
void kshim_taint_release(char *buf, size_t len)
{
	char taint[64], release[32];

	print_release(release, sizeof(release));
	snprintf(buf, len, "%s %s #1", print_tainted(taint, sizeof(taint)),
		 release);
}

/* lockdep's print_kernel_ident(): "6.8.0-kshim #1 Not tainted". */
void kshim_print_kernel_ident(void)
{
	char taint[64], release[32];

	print_release(release, sizeof(release));
	printk("%s #1 %s\n", release, print_tainted(taint, sizeof(taint)));
}

void kshim_print_cpu_line(void)
{
	char taint[64];

	if (kshim_kernel_2_6()) {
		char release[32];

		/* 2.6.35 arch/x86/kernel/dumpstack.c dump_stack() */
		print_release(release, sizeof(release));
		printk(KERN_WARNING "Pid: %d, comm: %.20s %s %s #1\n",
		       kshim_current_pid(), kshim_current_comm(),
		       print_tainted(taint, sizeof(taint)), release);
		return;
	}
	printk(KERN_WARNING "CPU: %d PID: %d Comm: %.20s %s %d.%d.%d-kshim #1\n",
	       kshim_current_cpu(), kshim_current_pid(), kshim_current_comm(),
	       print_tainted(taint, sizeof(taint)), LINUX_VERSION_MAJOR,
	       LINUX_VERSION_PATCHLEVEL, LINUX_VERSION_SUBLEVEL);
	printk(KERN_WARNING "Hardware name: kshim simulated machine\n");
}

void kshim_print_trace(void)
{
	printk(KERN_WARNING "Call Trace:\n");
	if (kshim_kernel_2_6()) {	/* no <TASK> markers yet */
		arch_dump_host_stack();
		return;
	}
	printk(KERN_WARNING " <TASK>\n");
	arch_dump_host_stack();
	printk(KERN_WARNING " </TASK>\n");
}

void kshim_print_end_trace(void)
{
	/* 6.x no longer numbers traces: the id is always zero. */
	printk(KERN_WARNING "---[ end trace %016llx ]---\n", 0ULL);
}

void dump_stack(void)
{
	kshim_print_cpu_line();
	kshim_print_trace();
}

static void print_where(const char *func, const char *mod, char *buf,
			size_t len)
{
	if (mod)
		snprintf(buf, len, "%s [%s]", func, mod);
	else
		snprintf(buf, len, "%s", func);
}

/*
 * 2.6.35's warn_slowpath_common(): "%pS()" of the caller (@ip, the return
 * address into it), then the message, the modules, dump_stack().
 */
static __attribute__((__format__(__printf__, 5, 0)))
void warn_2_6(const char *file, int line, const char *mod, unsigned long ip,
	      const char *fmt, va_list args)
{
	char sym[192];

	arch_sprint_symbol(sym, sizeof(sym), ip);
	printk(KERN_WARNING CUT_HERE);
	printk(KERN_WARNING "WARNING: at %s:%d %s%s%s%s()\n", file, line, sym,
	       mod ? " [" : "", mod ? mod : "", mod ? "]" : "");
	if (fmt)
		vprintk(fmt, args);
	kshim_print_modules();
	dump_stack();
}

void __kshim_warn(const char *file, int line, const char *func,
		  const char *mod, unsigned int taint, const char *fmt, ...)
{
	char where[256];

	kshim_report_begin(KSHIM_REPORT_WARNING, file, line, func);
	if (kshim_kernel_2_6()) {
		va_list args;

		va_start(args, fmt);
		warn_2_6(file, line, mod,
			 (unsigned long)__builtin_return_address(0), fmt, args);
		va_end(args);
		kshim_print_end_trace();
		add_taint(taint, LOCKDEP_STILL_OK);
		kshim_report_end();
		return;
	}
	printk(KERN_WARNING CUT_HERE);
	if (fmt) {
		va_list args;

		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	print_where(func, mod, where, sizeof(where));
	printk(KERN_WARNING "WARNING: CPU: %d PID: %d at %s:%d %s\n",
	       kshim_current_cpu(), kshim_current_pid(), file, line, where);
	kshim_print_modules();
	kshim_print_cpu_line();
	printk(KERN_WARNING "RIP: 0010:%s\n", where);
	kshim_print_trace();
	kshim_print_end_trace();
	add_taint(taint, LOCKDEP_STILL_OK);
	kshim_report_end();
}

void __kshim_bug(const char *file, int line, const char *func,
		 const char *mod)
{
	char where[256];

	kshim_report_begin(KSHIM_REPORT_BUG, file, line, func);
	printk(KERN_DEFAULT CUT_HERE);
	printk(KERN_CRIT "kernel BUG at %s:%d!\n", file, line);
	if (kshim_kernel_2_6()) {
		/* 2.6.35 x86_64 __die(), show_registers() */
		printk(KERN_EMERG "invalid opcode: 0000 [#1] SMP\n");
		kshim_print_modules();
		kshim_print_cpu_line();
		print_where(func, mod, where, sizeof(where));
		printk(KERN_WARNING "RIP: 0010:%s\n", where);
		kshim_print_trace();
		kshim_print_end_trace();
		add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
		kshim_report_end();
		kshim_task_die();
	}
	printk(KERN_WARNING "Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI\n");
	kshim_print_cpu_line();
	print_where(func, mod, where, sizeof(where));
	printk(KERN_WARNING "RIP: 0010:%s\n", where);
	kshim_print_trace();
	kshim_print_modules();
	kshim_print_end_trace();
	add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	kshim_report_end();
	kshim_task_die();
}

void panic(const char *fmt, ...)
{
	char msg[1024];
	va_list args;

	va_start(args, fmt);
	kshim_vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);

	kshim_report_begin(KSHIM_REPORT_PANIC, NULL, 0, NULL);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
	kshim_print_cpu_line();
	kshim_print_trace();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n",
	       msg);
	kshim_report_end();
	kshim_task_die();
}

/* Each test boots a fresh machine: untainted. */
void kshim_taint_reset(void)
{
	__atomic_store_n(&tainted_mask, 0, __ATOMIC_RELAXED);
}
