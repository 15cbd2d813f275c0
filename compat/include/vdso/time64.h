/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vdso/time64.h - the time unit ratios (include/vdso/time64.h of 6.x).
 */
#ifndef __VDSO_TIME64_H
#define __VDSO_TIME64_H

#define MSEC_PER_SEC	1000L
#define USEC_PER_MSEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define PSEC_PER_SEC	1000000000000LL
#define FSEC_PER_SEC	1000000000000000LL

/* What the kernel's vdso/time64.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* __VDSO_TIME64_H */
