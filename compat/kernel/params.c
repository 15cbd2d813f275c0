// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/params.c - module parameter types and argument parsing.
 *
 * Reproduces kernel/params.c of 6.x: the standard types parse with
 * kstrto*(..., 0, ...) and show as sysfs shows them; bool takes no value
 * to mean Y; charp copies its string (freed at unload); arrays split on
 * commas.  parse_args() splits "a=1 b="x y" c" like the kernel's
 * next_arg() and reports errors with the kernel's messages.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp_types.h>
#include <linux/kstrtox.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

#include "kshim/internal.h"
#include "kernel/module/internal.h"
#include "lib/fault-inject.h"

#define PARAM_SHOW_SIZE 4096	/* sysfs hands ->get() a PAGE_SIZE buffer */

#define STANDARD_PARAM(name, type, format, strtofn)			\
int param_set_##name(const char *val, const struct kernel_param *kp)	\
{									\
	return strtofn(val, 0, (type *)kp->arg);			\
}									\
int param_get_##name(char *buffer, const struct kernel_param *kp)	\
{									\
	return snprintf(buffer, PARAM_SHOW_SIZE, format "\n",		\
			*((type *)kp->arg));				\
}									\
const struct kernel_param_ops param_ops_##name = {			\
	.set = param_set_##name,					\
	.get = param_get_##name,					\
}

STANDARD_PARAM(byte, unsigned char, "%hhu", kstrtou8);
STANDARD_PARAM(short, short, "%hi", kstrtos16);
STANDARD_PARAM(ushort, unsigned short, "%hu", kstrtou16);
STANDARD_PARAM(int, int, "%i", kstrtoint);
STANDARD_PARAM(uint, unsigned int, "%u", kstrtouint);
STANDARD_PARAM(long, long, "%li", kstrtol);
STANDARD_PARAM(ulong, unsigned long, "%lu", kstrtoul);
STANDARD_PARAM(ullong, unsigned long long, "%llu", kstrtoull);
STANDARD_PARAM(hexint, unsigned int, "%#08x", kstrtouint);

/* charp values kshim allocated (the others point at compiled-in data). */
static pthread_mutex_t charp_lock = PTHREAD_MUTEX_INITIALIZER;
static char **charp_owned;
static unsigned int nr_charp_owned;

static void maybe_free_parameter(char *p)
{
	unsigned int i;

	pthread_mutex_lock(&charp_lock);
	for (i = 0; i < nr_charp_owned; i++)
		if (charp_owned[i] == p) {
			charp_owned[i] = charp_owned[--nr_charp_owned];
			free(p);
			break;
		}
	pthread_mutex_unlock(&charp_lock);
}

static char *alloc_parameter(const char *val)
{
	char **no, *p = strdup(val);

	if (!p)
		return NULL;
	pthread_mutex_lock(&charp_lock);
	no = realloc(charp_owned, (nr_charp_owned + 1) * sizeof(*no));
	if (no) {
		charp_owned = no;
		charp_owned[nr_charp_owned++] = p;
	}
	pthread_mutex_unlock(&charp_lock);
	if (!no) {
		free(p);
		return NULL;
	}
	return p;
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	char *p;

	if (strlen(val) > 1024) {
		pr_err("%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}
	/* kmalloc_parameter(): a slab allocation fault injection can fail */
	p = kshim_failslab_kmalloc(strlen(val) + 1, GFP_KERNEL, NULL) ? NULL :
		alloc_parameter(val);
	if (!p)
		return -ENOMEM;
	maybe_free_parameter(*(char **)kp->arg);
	*(char **)kp->arg = p;
	return 0;
}

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	const char *s = *((char **)kp->arg);

	return snprintf(buffer, PARAM_SHOW_SIZE, "%s\n", s ? s : "(null)");
}

void param_free_charp(void *arg)
{
	maybe_free_parameter(*((char **)arg));
}

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	/* No equals means "set"... */
	if (!val)
		val = "1";
	return kstrtobool(val, kp->arg);
}

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return snprintf(buffer, PARAM_SHOW_SIZE, "%c\n",
			*(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int ret;

	if (!val)
		val = "1";
	ret = kstrtobool(val, &v);
	if (!ret)
		*(bool *)kp->arg = !v;
	return ret;
}

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return snprintf(buffer, PARAM_SHOW_SIZE, "%c\n",
			(*(bool *)kp->arg) ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {
	.set = param_set_invbool,
	.get = param_get_invbool,
};

int param_set_string(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (strlen(val) + 1 > kps->maxlen) {
		pr_err("%s: string doesn't fit in %u chars.\n", kp->name,
		       kps->maxlen - 1);
		return -ENOSPC;
	}
	strcpy(kps->string, val);
	return 0;
}

int param_get_string(char *buffer, const struct kernel_param *kp)
{
	return snprintf(buffer, PARAM_SHOW_SIZE, "%s\n", kp->str->string);
}

const struct kernel_param_ops param_ops_string = {
	.set = param_set_string,
	.get = param_get_string,
};

/* Arrays: each comma-separated value goes through the element's ops. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = { .name = kp->name, .mod = kp->mod };
	char *copy, *s, *tok;
	unsigned int n = 0;
	int ret = 0;

	if (!val) {
		pr_err("%s: expects arguments\n", kp->name);
		return -EINVAL;
	}
	copy = strdup(val);
	if (!copy)
		return -ENOMEM;
	for (s = copy; ret == 0; n++) {
		tok = strsep(&s, ",");
		if (!tok)
			break;
		if (n == arr->max) {
			pr_err("%s: can only take %i arguments\n", kp->name,
			       arr->max);
			ret = -EINVAL;
			break;
		}
		elem.arg = (char *)arr->elem + arr->elemsize * n;
		ret = arr->ops->set(tok, &elem);
		if (!s) {
			n++;
			break;
		}
	}
	free(copy);
	if (!ret && arr->num)
		*arr->num = n;
	return ret;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = { .name = kp->name, .mod = kp->mod };
	unsigned int i, num = arr->num ? *arr->num : arr->max;
	char tmp[PARAM_SHOW_SIZE];
	int off = 0, n;

	buffer[0] = '\0';
	for (i = 0; i < num && off < PARAM_SHOW_SIZE - 1; i++) {
		elem.arg = (char *)arr->elem + arr->elemsize * i;
		n = arr->ops->get(tmp, &elem);
		if (n > 0 && tmp[n - 1] == '\n')
			tmp[--n] = '\0';
		off += snprintf(buffer + off, PARAM_SHOW_SIZE - off, "%s%s",
				i ? "," : "", tmp);
	}
	off += snprintf(buffer + off, PARAM_SHOW_SIZE - off, "\n");
	return off < PARAM_SHOW_SIZE ? off : PARAM_SHOW_SIZE - 1;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;
	unsigned int i;

	if (!arr->ops->free)
		return;
	for (i = 0; i < (arr->num ? *arr->num : arr->max); i++)
		arr->ops->free((char *)arr->elem + arr->elemsize * i);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};

/* ---- the loader's view (kernel/module/internal.h) ---- */

void kshim_modparam_init(struct kshim_modparam *p, struct kernel_param *kp,
			 size_t size)
{
	p->kp = kp;
	p->size = size;
	p->initial = NULL;
	p->initial_num = 0;
	if (kp->ops == &param_ops_string)
		p->storage = kp->str->string;
	else if (kp->ops == &param_array_ops)
		p->storage = kp->arr->elem;
	else
		p->storage = kp->arg;
	if (size) {
		p->initial = malloc(size);
		if (p->initial)
			memcpy(p->initial, p->storage, size);
	}
	if (kp->ops == &param_array_ops && kp->arr->num)
		p->initial_num = *kp->arr->num;
}

void kshim_modparam_restore(struct kshim_modparam *p)
{
	if (p->initial)
		memcpy(p->storage, p->initial, p->size);
	if (p->kp->ops == &param_array_ops && p->kp->arr->num)
		*p->kp->arr->num = p->initial_num;
}

void kshim_modparam_free(struct kshim_modparam *p)
{
	if (p->kp->ops->free)
		p->kp->ops->free(p->kp->arg);
}

int kshim_modparam_show(struct kshim_modparam *p, char *buf, size_t len)
{
	char tmp[PARAM_SHOW_SIZE];
	int n;

	if (!p->kp->ops->get)
		return -EPERM;
	n = p->kp->ops->get(tmp, p->kp);
	if (n < 0)
		return n;
	snprintf(buf, len, "%s", tmp);
	return n;
}

/*
 * Split off the next "param[=val]": spaces separate, double quotes group
 * (and are dropped), as the kernel's next_arg().  Returns the rest.
 */
static char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false;
	char *next;
	size_t i, equals = 0;

	if (*args == '"') {
		args++;
		in_quote = true;
	}
	for (i = 0; args[i]; i++) {
		if (args[i] == ' ' && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;
		/* Don't include quotes in value. */
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (in_quote && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';
	if (args[i]) {
		args[i] = '\0';
		next = args + i + 1;
	} else {
		next = args + i;
	}
	while (*next == ' ')
		next++;
	return next;
}

static bool param_eq(const char *a, const char *b)
{
	/* '-' and '_' are the same in parameter names */
	for (; *a && *b; a++, b++)
		if (*a != *b && !((*a == '-' || *a == '_') &&
				  (*b == '-' || *b == '_')))
			return false;
	return *a == *b;
}

int kshim_parse_module_args(const char *modname, const char *args,
			    struct kshim_modparam *params, unsigned int num)
{
	char *copy, *rest, *param, *val;
	int err = 0;

	if (!args)
		return 0;
	copy = strdup(args);
	if (!copy)
		return -ENOMEM;
	rest = copy;
	while (*rest == ' ')
		rest++;
	while (*rest) {
		const struct kernel_param *kp = NULL;
		unsigned int i;
		int ret;

		rest = next_arg(rest, &param, &val);
		for (i = 0; i < num; i++)
			if (param_eq(params[i].kp->name, param))
				kp = params[i].kp;
		if (!kp) {
			pr_warn("%s: unknown parameter '%s' ignored\n",
				modname, param);
			continue;
		}
		if (!val && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			ret = -EINVAL;
		else
			ret = kp->ops->set(val, kp);
		if (ret == -ENOSPC)
			pr_err("%s: `%s' too large for parameter `%s'\n",
			       modname, val ? val : "", param);
		else if (ret)
			pr_err("%s: `%s' invalid for parameter `%s'\n",
			       modname, val ? val : "", param);
		/* As the kernel: keep parsing, fail with the last error. */
		if (ret)
			err = ret;
	}
	free(copy);
	return err;
}
