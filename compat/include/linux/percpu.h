/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/percpu.h - per-CPU variables (see linux/percpu-defs.h).
 *
 * Follows include/linux/percpu.h of 6.8, which drivers include for the
 * definitions of linux/percpu-defs.h and linux/smp.h.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/percpu-defs.h>
#include <linux/smp.h>

/* What the kernel's linux/percpu.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/mmdebug.h>
#include <linux/time64.h>

#endif /* _LINUX_PERCPU_H */
