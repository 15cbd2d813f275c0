/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/bug.h - BUG/WARN (from asm/bug.h) and BUILD_BUG_ON (from
 * linux/build_bug.h), as include/linux/bug.h gathers them in 6.x.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <asm/bug.h>
#include <linux/compiler.h>
#include <linux/build_bug.h>

#endif /* _LINUX_BUG_H */
