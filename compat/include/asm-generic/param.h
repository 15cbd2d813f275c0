/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/param.h - the kernel's tick rate.
 *
 * Follows include/asm-generic/param.h of 6.x, with kshim's configuration:
 * HZ is 1000 (CONFIG_HZ_1000), so a jiffy is a millisecond; USER_HZ is the
 * 100 of the system call interface.  glibc's <sys/param.h> reaches this
 * file too (through the host's <asm/param.h>); CLOCKS_PER_SEC, which
 * <time.h> defines differently, is kept to kernel code.
 */
#ifndef __ASM_GENERIC_PARAM_H
#define __ASM_GENERIC_PARAM_H

#include <uapi/asm-generic/param.h>

#undef HZ
#define HZ		1000		/* internal kernel timer frequency */
#define USER_HZ		100		/* some user interfaces are */
#ifdef __KERNEL__
#define CLOCKS_PER_SEC	(USER_HZ)	/* in "ticks" like times() */
#endif

/* What the kernel's asm-generic/param.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* __ASM_GENERIC_PARAM_H */
