/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/lib/kunit/kunit.h - what kshim's KUnit files share.
 */
#ifndef _KSHIM_LIB_KUNIT_H
#define _KSHIM_LIB_KUNIT_H

/*
 * The kernel version the running suite's file was built for
 * (LINUX_VERSION_CODE there): the texts KUnit prints follow it.
 */
unsigned int kshim_kunit_version(void);
void kshim_kunit_set_version(unsigned int version);

/* Failed checks so far (a case fails through kshim once per check). */
extern unsigned long kshim_kunit_failures;

/* Does the harness want the cases' KTAP lines (ktap and junit output)? */
bool kshim_kunit_wants_ktap(void);

#endif /* _KSHIM_LIB_KUNIT_H */
