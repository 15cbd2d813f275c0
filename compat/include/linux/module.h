/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/module.h - module_init/module_exit, modinfo, THIS_MODULE and the
 * module refcount, as include/linux/module.h has them in 6.x.
 *
 * Each driver linked into a test program is a module named KBUILD_MODNAME
 * (the build defines it per driver, as kbuild does).  module_init() and
 * friends register the module with kshim before main(); the harness then
 * loads it (runs its init, which may fail with an errno) and unloads it.
 * With __KBUILD_MODNAME defined (kbuild's kmod_<name>), all files of a
 * module share one THIS_MODULE; without it each file has its own struct
 * module of the same name.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <stdbool.h>
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/moduleparam.h>
#include <linux/export.h>

struct kshim_modrec;

struct module {
	const char *name;
	struct kshim_modrec *kshim_rec;	/* kshim's bookkeeping */
};

#define MODULE_NAME_LEN 56

#define __KSHIM_UNIQUE(prefix) __KSHIM_PASTE(prefix, __COUNTER__)

/* The struct module THIS_MODULE (linux/export.h) points to. */
#if defined(KBUILD_MODNAME) && defined(__KBUILD_MODNAME)
struct module __attribute__((__weak__))
__KSHIM_PASTE(__KBUILD_MODNAME, __this_module) = { .name = KBUILD_MODNAME };
#elif defined(KBUILD_MODNAME)
static struct module __kshim_this_module __maybe_unused = {
	.name = KBUILD_MODNAME,
};
#endif

/* Registration entry points (compat/kernel/module.c). */
void __kshim_module_set_init(struct module *mod, initcall_t fn,
			     const char *file);
void __kshim_module_set_exit(struct module *mod, exitcall_t fn);
void __kshim_module_set_license(struct module *mod, const char *license);

/*
 * module_init(fn)/module_exit(fn): the kernel makes them the module's
 * init_module/cleanup_module; here a constructor records them.  A file
 * without KBUILD_MODNAME cannot declare a module: THIS_MODULE is NULL and
 * the registration fails to compile.
 */
#define module_init(initfn)						\
	static inline initcall_t __maybe_unused __inittest(void)	\
	{ return initfn; }						\
	static void __attribute__((__constructor__))			\
	__kshim_module_init_reg(void)					\
	{ __kshim_module_set_init(THIS_MODULE, initfn, __FILE__); }	\
	_Static_assert(sizeof(KBUILD_MODNAME) > 1,			\
		       "module_init() needs KBUILD_MODNAME");

#define module_exit(exitfn)						\
	static inline exitcall_t __maybe_unused __exittest(void)	\
	{ return exitfn; }						\
	static void __attribute__((__constructor__))			\
	__kshim_module_exit_reg(void)					\
	{ __kshim_module_set_exit(THIS_MODULE, exitfn); }		\
	_Static_assert(sizeof(KBUILD_MODNAME) > 1,			\
		       "module_exit() needs KBUILD_MODNAME");

/* Modinfo: type-checked strings; the license is kept (it may taint). */
#define MODULE_INFO(tag, info)						\
	static const char __KSHIM_UNIQUE(__kshim_modinfo_)[]		\
		__maybe_unused = __stringify(tag) "=" info

#define MODULE_LICENSE(_license)					\
	static void __attribute__((__constructor__))			\
	__KSHIM_UNIQUE(__kshim_module_license_reg_)(void)		\
	{ __kshim_module_set_license(THIS_MODULE, _license); }		\
	MODULE_INFO(license, _license)

#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	MODULE_INFO(description, _desc)
#define MODULE_VERSION(_version)	MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep)	MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_firmware)	MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(_ns)		MODULE_INFO(import_ns, __stringify(_ns))
#define MODULE_DEVICE_TABLE(type, name)					\
	extern typeof(name) __kshim_mod_##type##__##name##_device_table	\
		__maybe_unused

static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

/* Module refcount: a held reference makes rmmod fail with -EBUSY. */
bool try_module_get(struct module *mod);
void __module_get(struct module *mod);
void module_put(struct module *mod);
int module_refcount(struct module *mod);

/* What the kernel's linux/module.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/idr.h>
#include <linux/kobject.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched/mm.h>
#include <linux/srcu.h>
#include <linux/stat.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_MODULE_H */
