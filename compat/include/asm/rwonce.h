/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/rwonce.h - READ_ONCE()/WRITE_ONCE(), as asm-generic/rwonce.h provides
 * them on x86.  kshim defines them in linux/compiler.h (which the kernel's
 * includes this header from), with the data-race annotations of its
 * sanitizer builds.
 */
#ifndef _ASM_RWONCE_H
#define _ASM_RWONCE_H

#include <linux/compiler.h>

#endif /* _ASM_RWONCE_H */
