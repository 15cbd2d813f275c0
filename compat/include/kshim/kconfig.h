/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kshim/kconfig.h - the forced-include configuration header for code built
 * as kernel code (drivers-under-test/ and out-of-tree drivers).
 *
 * Follows include/linux/kconfig.h + include/generated/autoconf.h: every
 * kernel translation unit sees the configuration before its first line.
 * kshim's simulated machine is a debug kernel: DEBUG_VM, DEBUG_HIGHMEM,
 * DEBUG_ATOMIC_SLEEP and friends are always on.
 */
#ifndef _KSHIM_KCONFIG_H
#define _KSHIM_KCONFIG_H

#define CONFIG_SMP 1
#define CONFIG_64BIT 1
#define CONFIG_X86_64 1
#define CONFIG_MMU 1
#define CONFIG_BUG 1
#define CONFIG_PRINTK 1
#define CONFIG_HIGHMEM 1
#define CONFIG_DEBUG_VM 1
#define CONFIG_DEBUG_HIGHMEM 1
#define CONFIG_DEBUG_ATOMIC_SLEEP 1
#define CONFIG_DEBUG_PREEMPT 1
#define CONFIG_DEBUG_SPINLOCK 1
#define CONFIG_DEBUG_OBJECTS 1
#define CONFIG_DEBUG_OBJECTS_FREE 1
#define CONFIG_DEBUG_OBJECTS_TIMERS 1
#define CONFIG_PREEMPT_COUNT 1
#define CONFIG_TREE_RCU 1
#define CONFIG_PREEMPT_RCU 1
#define CONFIG_PROVE_RCU 1
#define CONFIG_PROVE_RCU_LIST 1
#define CONFIG_MODULES 1
#define CONFIG_MODULE_UNLOAD 1
#define CONFIG_KUNIT 1
/* Issue 14: the user-facing half (fs/seq_file.c, fs/proc, fs/debugfs). */
#define CONFIG_PROC_FS 1
#define CONFIG_DEBUG_FS 1
#define CONFIG_DEBUG_RWSEMS 1

/*
 * The --enable-asan build is kshim's KASAN build: AddressSanitizer checks
 * kernel code's accesses to slab objects, redzones and freed memory
 * (linux/kasan.h).  Kernel code that leaves out what KASAN would report
 * (lib/slub_kunit.c's #ifndef CONFIG_KASAN cases) does so there.
 */
#if defined(__SANITIZE_ADDRESS__)
#define CONFIG_KASAN 1
#define CONFIG_KASAN_GENERIC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CONFIG_KASAN 1
#define CONFIG_KASAN_GENERIC 1
#endif
#endif

/*
 * IS_ENABLED(CONFIG_FOO) is 1 when CONFIG_FOO (or CONFIG_FOO_MODULE) is
 * defined to 1 above, 0 otherwise: the "1" pastes into a placeholder that
 * expands to an extra leading argument, shifting 1 into the picked slot.
 */
#define __kshim_cfg_probe_1 ~, 1
#define __kshim_cfg_pick(a, b, ...) b
#define __kshim_cfg_pick_(args) __kshim_cfg_pick args
#define __kshim_cfg_test(x) __kshim_cfg_pick_((x, 0, ~))
#define __kshim_cfg_is(val) __kshim_cfg_test(__kshim_cfg_probe_##val)
#define __kshim_cfg_defined(opt) __kshim_cfg_is(opt)
#define IS_BUILTIN(option) __kshim_cfg_defined(option)
#define IS_MODULE(option) __kshim_cfg_defined(option##_MODULE)
#define IS_ENABLED(option) (IS_BUILTIN(option) || IS_MODULE(option))
#define IS_REACHABLE(option) IS_ENABLED(option)

/* x86 is little endian (include/linux/kconfig.h). */
#ifndef __LITTLE_ENDIAN
#define __LITTLE_ENDIAN 1234
#endif

/* kbuild also forces -include linux/compiler_types.h: __user, __iomem... */
#include <linux/compiler_types.h>

#endif /* _KSHIM_KCONFIG_H */
