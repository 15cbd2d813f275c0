/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/signal.h - x86's signals as the kernel sees them: the numbers
 * (uapi/asm/signal.h) and _NSIG (arch/x86/include/asm/signal.h of 6.x).
 */
#ifndef _ASM_X86_SIGNAL_H
#define _ASM_X86_SIGNAL_H

#include <uapi/asm/signal.h>

/* Kernel code only: glibc's _NSIG counts signal 0 (65). */
#ifdef __KERNEL__
#define _NSIG		64
#define _NSIG_BPW	64
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)
#endif

/* What the kernel's asm/signal.h also makes visible. */
#include <asm/barrier.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <linux/time.h>
#include <linux/time64.h>

#endif /* _ASM_X86_SIGNAL_H */
