/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kernel.h - the kernel's grab-bag header.
 *
 * Follows include/linux/kernel.h of 6.x together with the pieces it has
 * been split into (align.h, wordpart.h; math.h (with abs()),
 * array_size.h, container_of.h and instruction_pointer.h are headers of
 * their own, included here), so that drivers that include only
 * <linux/kernel.h> find everything, as they do in the kernel.  glibc's
 * <sys/sysinfo.h> includes <linux/kernel.h> by name for struct sysinfo,
 * which the UAPI part (uapi/linux/kernel.h) provides.  glibc's
 * <sys/param.h> has its own roundup(): include it before kernel headers
 * (ours replaces it), not after.
 */
#ifndef _KSHIM_LINUX_KERNEL_H
#define _KSHIM_LINUX_KERNEL_H

#include <uapi/linux/kernel.h>

#include <linux/stdarg.h>
#include <stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/stringify.h>
#include <linux/limits.h>
#include <linux/const.h>
#include <linux/bits.h>
#include <linux/hex.h>
#include <linux/build_bug.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/might_sleep.h>
#include <linux/math.h>
#include <linux/array_size.h>
#include <linux/instruction_pointer.h>
#include <linux/container_of.h>

/* The direction of an I/O (include/linux/kernel.h of 6.1). */
#define READ			0
#define WRITE			1

/* Pre-5.5 name of sizeof_field(). */
#define FIELD_SIZEOF(t, f)	sizeof_field(t, f)

/* Alignment (a must be a power of two). */
#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, (__typeof__(x))(a) - 1)
#define ALIGN_DOWN(x, a)	ALIGN((x) - ((a) - 1), (a))
#define PTR_ALIGN(p, a)		((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define PTR_ALIGN_DOWN(p, a)						\
	((__typeof__(p))ALIGN_DOWN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)

/* Halves of a 64-bit (or narrower: the shifts stay defined) value. */
#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))
#define upper_16_bits(n)	((u16)((n) >> 16))
#define lower_16_bits(n)	((u16)((n) & 0xffff))

/* The byte @x repeated in every byte of an unsigned long. */
#define REPEAT_BYTE(x)		((~0ul / 0xff) * (x))

#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(x))

/* lib/cmdline.c */
int get_option(char **str, int *pint);
char *get_options(const char *str, int nints, int *ints);
unsigned long long memparse(const char *ptr, char **retptr);

/* What the kernel's linux/kernel.h also makes visible. */
#include <asm/barrier.h>
#include <linux/err.h>

#endif /* _KSHIM_LINUX_KERNEL_H */
