/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kconfig.h - IS_ENABLED() and the configuration, as the kernel's
 * (which kbuild force-includes, as kshim's build does kshim/kconfig.h):
 * code that includes it by name gets the same.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#include <kshim/kconfig.h>

#endif /* _LINUX_KCONFIG_H */
