/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/signal_types.h - what linux/sched.h takes from the signal headers
 * (include/linux/signal_types.h of 6.x): here the signal numbers only.
 */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/list.h>
#include <uapi/linux/signal.h>

/* What the kernel's linux/signal_types.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/time.h>
#include <linux/time64.h>

#endif /* _LINUX_SIGNAL_TYPES_H */
