/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/thread_info.h - current_thread_info().
 *
 * Follows include/linux/thread_info.h of 6.x with
 * CONFIG_THREAD_INFO_IN_TASK: the thread_info is the first member of the
 * task_struct, so current_thread_info() is current itself.
 */
#ifndef _LINUX_THREAD_INFO_H
#define _LINUX_THREAD_INFO_H

#include <asm/current.h>
#include <asm/thread_info.h>

#define current_thread_info() ((struct thread_info *)current)

/* What the kernel's linux/thread_info.h also makes visible. */
#include <asm-generic/ioctl.h>
#include <asm/barrier.h>
#include <asm/pgtable_types.h>
#include <linux/time64.h>
#include <vdso/time64.h>

#endif /* _LINUX_THREAD_INFO_H */
