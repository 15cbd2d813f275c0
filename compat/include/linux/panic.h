/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/panic.h - panic() and taint flags.
 *
 * Follows include/linux/panic.h of 6.x.  panic() prints the kernel's
 * "Kernel panic - not syncing:" line and ends the running test, as BUG()
 * does; the taint letters appear in every report's CPU line.
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <stdbool.h>
#include <linux/compiler.h>

__printf(1, 2) __cold __noreturn void panic(const char *fmt, ...);

#define TAINT_PROPRIETARY_MODULE	0
#define TAINT_FORCED_MODULE		1
#define TAINT_CPU_OUT_OF_SPEC		2
#define TAINT_FORCED_RMMOD		3
#define TAINT_MACHINE_CHECK		4
#define TAINT_BAD_PAGE			5
#define TAINT_USER			6
#define TAINT_DIE			7
#define TAINT_OVERRIDDEN_ACPI_TABLE	8
#define TAINT_WARN			9
#define TAINT_CRAP			10
#define TAINT_FIRMWARE_WORKAROUND	11
#define TAINT_OOT_MODULE		12
#define TAINT_UNSIGNED_MODULE		13
#define TAINT_SOFTLOCKUP		14
#define TAINT_LIVEPATCH			15
#define TAINT_AUX			16
#define TAINT_RANDSTRUCT		17
#define TAINT_TEST			18
#define TAINT_FLAGS_COUNT		19

#define LOCKDEP_STILL_OK	true
#define LOCKDEP_NOW_UNRELIABLE	false

void add_taint(unsigned int flag, bool lockdep_ok);
int test_taint(unsigned int flag);
unsigned long get_taint(void);

/* What the kernel's linux/panic.h also makes visible. */
#include <linux/types.h>

#endif /* _LINUX_PANIC_H */
