/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/init.h - section markers for init and exit code and data.
 *
 * Follows include/linux/init.h (6.x, plus the 2.6-era __devinit family,
 * which later kernels removed).  The kernel puts such code in sections it
 * frees after boot or drops from built-in drivers; a test program keeps
 * everything, so the markers only say "cold" (functions) or nothing
 * (data).  module_init()/module_exit() live in linux/module.h.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

/* What module_init()/module_exit() take. */
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define __init		__cold notrace
#define __exit		__cold notrace
#define __initdata
#define __exitdata
#define __initconst
#define __exit_call
#define __meminit
#define __meminitdata
#define __meminitconst
#define __init_or_module
#define __initdata_or_module
#define __ref
#define __refdata
#define __refconst

/* 2.6-era device hotplug markers (removed in 3.8). */
#define __devinit
#define __devinitdata
#define __devinitconst
#define __devexit
#define __devexitdata
#define __devexitconst
#define __devexit_p(x)	(x)
#define __exit_p(x)	(x)

#endif /* _LINUX_INIT_H */
