/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kshim/capability.h - which capabilities capable() grants.
 *
 * kshim-internal API (no kernel counterpart): the test plays the user
 * that calls into the driver.  Tasks run as root, with every capability;
 * kshim_capable_set(CAP_SYS_ADMIN, false) makes capable(CAP_SYS_ADMIN)
 * false until set back or the test ends (each test starts with all
 * granted).  Returns 0, or -EINVAL for a number outside 0..CAP_LAST_CAP.
 * The setting holds for every task (kshim has one set of credentials).
 */
#ifndef _KSHIM_CAPABILITY_H
#define _KSHIM_CAPABILITY_H

#include <stdbool.h>

int kshim_capable_set(int cap, bool granted);
/* Grant every capability again. */
void kshim_capable_reset(void);

#endif /* _KSHIM_CAPABILITY_H */
