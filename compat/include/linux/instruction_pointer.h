/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/instruction_pointer.h - the caller's and the current instruction
 * address (include/linux/instruction_pointer.h of 6.x).
 */
#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#define _THIS_IP_							\
	({ __label__ __here; __here: (unsigned long)&&__here; })

/* What the kernel's linux/instruction_pointer.h also makes visible. */
#include <linux/stringify.h>
#include <linux/types.h>

#endif /* _LINUX_INSTRUCTION_POINTER_H */
