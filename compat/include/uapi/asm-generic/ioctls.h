/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm-generic/ioctls.h - the generic file ioctls (FIO*) and the
 * terminal ioctls a character driver may see.
 *
 * Follows include/uapi/asm-generic/ioctls.h of 6.1 (x86 uses it) for a
 * subset: FIONREAD/TIOCINQ, FIONBIO, FIONCLEX, FIOCLEX, FIOASYNC,
 * FIOQSIZE and the basic TCGETS/TCSETS/TIOCGWINSZ/TIOCSWINSZ numbers.
 * Host code reaches the system's copy of this header through the C
 * library's <sys/ioctl.h> (same values, same guard).
 */
#ifndef __ASM_GENERIC_IOCTLS_H
#define __ASM_GENERIC_IOCTLS_H

#include <linux/ioctl.h>

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define TIOCINQ		FIONREAD
#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452
#define FIOQSIZE	0x5460

#endif /* __ASM_GENERIC_IOCTLS_H */
