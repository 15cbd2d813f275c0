/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vdso/jiffies.h - the length of a tick.
 *
 * Follows include/vdso/jiffies.h of 6.1 (TICK_NSEC, from HZ).
 */
#ifndef __VDSO_JIFFIES_H
#define __VDSO_JIFFIES_H

#include <linux/param.h>		/* HZ */
#include <vdso/time64.h>		/* NSEC_PER_SEC */

#define TICK_NSEC ((NSEC_PER_SEC + HZ / 2) / HZ)

#endif /* __VDSO_JIFFIES_H */
