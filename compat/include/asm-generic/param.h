/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/param.h - the kernel's tick rate.
 *
 * Follows include/asm-generic/param.h of 6.x: HZ is CONFIG_HZ, which
 * follows the profile's distribution kernel (Ubuntu's: 1000 for 6.8, 250
 * for 2.6.35's 10.10) unless a program is built with -DKSHIM_HZ=100, 250,
 * 300 or 1000 (the kernel's choices); kshim/test.h gives the test
 * program's HZ to the machine, whose jiffies then count at that rate.
 * USER_HZ is the 100 of the system call interface.  glibc's
 * <sys/param.h> reaches this file too (through the host's <asm/param.h>);
 * CLOCKS_PER_SEC, which <time.h> defines differently, is kept to kernel
 * code.
 */
#ifndef __ASM_GENERIC_PARAM_H
#define __ASM_GENERIC_PARAM_H

#include <uapi/asm-generic/param.h>

#ifdef KSHIM_HZ
#if KSHIM_HZ != 100 && KSHIM_HZ != 250 && KSHIM_HZ != 300 && KSHIM_HZ != 1000
#error "KSHIM_HZ must be 100, 250, 300 or 1000 (the kernel's CONFIG_HZ choices)"
#endif
#define CONFIG_HZ	KSHIM_HZ
#elif defined(KSHIM_LINUX_VERSION_CODE) && KSHIM_LINUX_VERSION_CODE < 0x030000
#define CONFIG_HZ	250
#else
#define CONFIG_HZ	1000
#endif

#undef HZ
#define HZ		CONFIG_HZ	/* internal kernel timer frequency */
#define USER_HZ		100		/* some user interfaces are */
#ifdef __KERNEL__
#define CLOCKS_PER_SEC	(USER_HZ)	/* in "ticks" like times() */
#endif

/* What the kernel's asm-generic/param.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* __ASM_GENERIC_PARAM_H */
