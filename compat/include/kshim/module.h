/*
 * kshim/module.h - loading and unloading the drivers linked into a test.
 *
 * A driver's module_init()/module_exit() register it under KBUILD_MODNAME;
 * kshim_module_load() is insmod (parameters as on the insmod command line)
 * and kshim_module_unload() is rmmod.  Module parameters are reset to their
 * compiled-in values at each load, as a fresh insmod would see them.
 */
#ifndef _KSHIM_MODULE_H
#define _KSHIM_MODULE_H

#include <stdbool.h>
#include <stddef.h>

/* 0, the init function's negative errno (-EEXIST from init becomes
 * -EBUSY), -ENOENT (no such module), -EEXIST (already loaded), or a
 * parameter's error (-EINVAL, -ENOSPC) after the kernel's message. */
int kshim_module_load(const char *name, const char *args);
/* 0, -ENOENT (not loaded), -EBUSY (no exit function) or -EWOULDBLOCK
 * (a try_module_get() reference is still held). */
int kshim_module_unload(const char *name);
bool kshim_module_loaded(const char *name);
/* Read a parameter as sysfs shows it; returns its length or -ENOENT. */
int kshim_module_param(const char *name, const char *param, char *buf,
		       size_t len);

#endif /* _KSHIM_MODULE_H */
