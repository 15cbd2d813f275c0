/*
 * compat/kernel/module/internal.h - module parameters as the loader keeps
 * them (kernel/params.c <-> kernel/module/main.c), libkshim-private.
 */
#ifndef _KSHIM_MODULE_INTERNAL_H
#define _KSHIM_MODULE_INTERNAL_H

#include <stddef.h>
#include <linux/moduleparam.h>

struct kshim_modparam {
	struct kernel_param *kp;
	void *storage;		/* the bytes the parameter lives in */
	size_t size;		/* how many of them; 0 if unknown */
	void *initial;		/* their compiled-in value */
	unsigned int initial_num;	/* arrays: the element count */
};

void kshim_modparam_init(struct kshim_modparam *p, struct kernel_param *kp,
			 size_t size);
void kshim_modparam_restore(struct kshim_modparam *p);
void kshim_modparam_free(struct kshim_modparam *p);
int kshim_modparam_show(struct kshim_modparam *p, char *buf, size_t len);
int kshim_parse_module_args(const char *modname, const char *args,
			    struct kshim_modparam *params, unsigned int num);

#endif /* _KSHIM_MODULE_INTERNAL_H */
