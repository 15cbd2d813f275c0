/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/moduleparam.h - module parameters.
 *
 * Follows include/linux/moduleparam.h and kernel/params.c of 6.x: a
 * parameter is a struct kernel_param with set/get ops; module_param()
 * type-checks the variable against the named type; values come from the
 * insmod-style argument string given to kshim_module_load() and are parsed
 * exactly as the kernel parses them (same accepted syntax, same errors).
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stringify.h>

struct module;
struct kernel_param;

struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

#define KERNEL_PARAM_OPS_FL_NOARG	(1 << 0)

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* kshim: record a parameter; @size > 0 lets a reload restore the value. */
void __kshim_module_add_param(struct kernel_param *kp, size_t size);

#define MODULE_PARAM_PREFIX ""

#define __KSHIM_PARAM_PASTE_(a, b) a##b
#define __KSHIM_PARAM_PASTE(a, b) __KSHIM_PARAM_PASTE_(a, b)

#define __module_param_call(_prefix, _name, _ops, _arg, _perm, _level,	\
			    _flags, _size)				\
	static struct kernel_param __kshim_param_##_name = {		\
		.name = _prefix #_name, .mod = THIS_MODULE,		\
		.ops = _ops, .perm = (_perm), .level = (_level),	\
		.flags = (_flags), { .arg = (void *)(_arg) } };		\
	static void __attribute__((__constructor__))			\
	__kshim_param_reg_##_name(void)					\
	{ __kshim_module_add_param(&__kshim_param_##_name, (_size)); }

#define module_param_cb(name, ops, arg, perm)				\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0, 0)
#define module_param_cb_unsafe(name, ops, arg, perm)			\
	module_param_cb(name, ops, arg, perm)

/* Compile-time check that @p points to @type. */
#define __param_check(name, p, type)					\
	static inline type __always_unused *__check_##name(void)	\
	{ return (p); }

/*
 * @type is only pasted or stringified, never passed on: with <stdbool.h>
 * "bool" is a macro, and a nested macro would see "_Bool".
 */
#define module_param_named(name, value, type, perm)			\
	param_check_##type(name, &(value));				\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_##type,\
			    &value, perm, -1, 0, sizeof(value));	\
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm)					\
	param_check_##type(name, &(name));				\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_##type,\
			    &name, perm, -1, 0, sizeof(name));		\
	__MODULE_PARM_TYPE(name, #type)
#define module_param_unsafe module_param

#define module_param_string(name, string, len, perm)			\
	static const struct kparam_string __param_string_##name		\
		= { len, string };					\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_ops_string,				\
			    &__param_string_##name, perm, -1, 0, len);	\
	__MODULE_PARM_TYPE(name, "string")

/*
 * The ## and # on @type happen in the outer macros, so that a @type that is
 * itself a macro (bool, with <stdbool.h>) is never expanded before pasting.
 */
#define __module_param_array(name, array, pops, tname, nump, perm)	\
	static const struct kparam_array __param_arr_##name		\
	= { .max = sizeof(array) / sizeof((array)[0]), .num = nump,	\
	    .ops = pops, .elemsize = sizeof((array)[0]), .elem = array };\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_array_ops,				\
			    &__param_arr_##name,			\
			    perm, -1, 0, sizeof(array));		\
	__MODULE_PARM_TYPE(name, "array of " tname)

#define module_param_array_named(name, array, type, nump, perm)	\
	param_check_##type(name, &(array)[0]);				\
	__module_param_array(name, array, &param_ops_##type, #type,	\
			     nump, perm)

#define module_param_array(name, type, nump, perm)			\
	param_check_##type(name, &(name)[0]);				\
	__module_param_array(name, name, &param_ops_##type, #type,	\
			     nump, perm)

#define __MODULE_PARM_TYPE(name, _type)					\
	static const char __kshim_parmtype_##name[] __maybe_unused =	\
		"parmtype=" #name ":" _type
#define MODULE_PARM_DESC(_parm, desc)					\
	static const char __kshim_parmdesc_##_parm[] __maybe_unused =	\
		"parm=" #_parm ":" desc

#define __KSHIM_DECLARE_PARAM_TYPE(type, ctype)				\
	extern const struct kernel_param_ops param_ops_##type;		\
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)

__KSHIM_DECLARE_PARAM_TYPE(byte, unsigned char);
__KSHIM_DECLARE_PARAM_TYPE(short, short);
__KSHIM_DECLARE_PARAM_TYPE(ushort, unsigned short);
__KSHIM_DECLARE_PARAM_TYPE(int, int);
__KSHIM_DECLARE_PARAM_TYPE(uint, unsigned int);
__KSHIM_DECLARE_PARAM_TYPE(long, long);
__KSHIM_DECLARE_PARAM_TYPE(ulong, unsigned long);
__KSHIM_DECLARE_PARAM_TYPE(ullong, unsigned long long);
__KSHIM_DECLARE_PARAM_TYPE(hexint, unsigned int);
__KSHIM_DECLARE_PARAM_TYPE(charp, char *);
__KSHIM_DECLARE_PARAM_TYPE(bool, bool);
__KSHIM_DECLARE_PARAM_TYPE(invbool, bool);
__KSHIM_DECLARE_PARAM_TYPE(string, char);
void param_free_charp(void *arg);
extern const struct kernel_param_ops param_array_ops;

#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	__param_check(name, p, unsigned int)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)

/* What the kernel's linux/moduleparam.h also makes visible. */
#include <asm/barrier.h>
#include <linux/err.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>

#endif /* _LINUX_MODULEPARAM_H */
