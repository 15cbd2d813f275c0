// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/module/main.c - the modules linked into a test program.
 *
 * Reproduces what kernel/module/main.c does for load_module() /
 * do_init_module() / delete_module as a driver sees it: parameters are
 * parsed before init (a bad one fails the load), a non-GPL-compatible
 * license taints, init < 0 fails the load (-EEXIST becomes -EBUSY), init >
 * 0 warns "suspiciously returned" and loads anyway, rmmod needs an exit
 * function and no held references.  Parameters get their compiled-in
 * values back at every load, as a fresh insmod would see them.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/module.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <asm/bug.h>
#include <kshim/ledger.h>
#include <kshim/module.h>

#include "kshim/internal.h"
#include "kernel/module/internal.h"

struct kshim_modrec {
	char name[MODULE_NAME_LEN];
	struct module *mod;
	initcall_t init;
	const char *init_file;
	exitcall_t exit;
	const char *license;
	struct kshim_modparam *params;
	unsigned int nr_params;
	bool live;
	int refcnt;
	struct kshim_modrec *next;
};

static pthread_mutex_t module_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct kshim_modrec *modules;
static long nr_live;

static struct kshim_modrec *find_rec(const char *name)
{
	struct kshim_modrec *r;

	for (r = modules; r; r = r->next)
		if (!strcmp(r->name, name))
			return r;
	return NULL;
}

/* The record of @mod; all struct module of one name share it. */
static struct kshim_modrec *rec_of(struct module *mod)
{
	struct kshim_modrec *r;

	if (mod->kshim_rec)
		return mod->kshim_rec;
	pthread_mutex_lock(&module_mutex);
	r = find_rec(mod->name);
	if (!r) {
		r = calloc(1, sizeof(*r));
		if (!r)
			abort();
		strncpy(r->name, mod->name, MODULE_NAME_LEN - 1);
		r->mod = mod;
		r->next = modules;
		modules = r;
	}
	mod->kshim_rec = r;
	pthread_mutex_unlock(&module_mutex);
	return r;
}

void __kshim_module_set_init(struct module *mod, initcall_t fn,
			     const char *file)
{
	struct kshim_modrec *r = rec_of(mod);

	r->init = fn;
	r->init_file = file;
}

void __kshim_module_set_exit(struct module *mod, exitcall_t fn)
{
	rec_of(mod)->exit = fn;
}

void __kshim_module_set_license(struct module *mod, const char *license)
{
	rec_of(mod)->license = license;
}

void __kshim_module_add_param(struct kernel_param *kp, size_t size)
{
	struct kshim_modrec *r;
	struct kshim_modparam *np;

	if (!kp->mod)		/* built-in code: no module to load */
		return;
	r = rec_of(kp->mod);
	np = realloc(r->params, (r->nr_params + 1) * sizeof(*np));
	if (!np)
		abort();
	r->params = np;
	kshim_modparam_init(&np[r->nr_params++], kp, size);
}

static bool license_is_gpl_compatible(const char *license)
{
	static const char *const ok[] = {
		"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
		"Dual MIT/GPL", "Dual MPL/GPL",
	};
	unsigned int i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (!strcmp(license, ok[i]))
			return true;
	return false;
}

static void module_license_taint_check(const struct kshim_modrec *r)
{
	const char *license = r->license ? r->license : "unspecified";

	if (license_is_gpl_compatible(license))
		return;
	if (!test_taint(TAINT_PROPRIETARY_MODULE))
		pr_warn("%s: module license '%s' taints kernel.\n", r->name,
			license);
	add_taint(TAINT_PROPRIETARY_MODULE, LOCKDEP_NOW_UNRELIABLE);
}

static void free_params(struct kshim_modrec *r)
{
	unsigned int i;

	for (i = 0; i < r->nr_params; i++)
		kshim_modparam_free(&r->params[i]);
}

int kshim_module_load(const char *name, const char *args)
{
	struct kshim_modrec *r;
	unsigned int i;
	int ret;

	kshim_ensure_booted();
	pthread_mutex_lock(&module_mutex);
	r = find_rec(name);
	if (r && r->live) {
		pthread_mutex_unlock(&module_mutex);
		return -EEXIST;
	}
	pthread_mutex_unlock(&module_mutex);
	if (!r)
		return -ENOENT;

	for (i = 0; i < r->nr_params; i++)
		kshim_modparam_restore(&r->params[i]);
	ret = kshim_parse_module_args(r->name, args, r->params, r->nr_params);
	if (ret)
		goto free_params;
	module_license_taint_check(r);

	ret = r->init ? r->init() : 0;
	if (ret < 0) {
		/* -EEXIST means "already loaded" to insmod: not the init's. */
		if (ret == -EEXIST)
			ret = -EBUSY;
		goto free_params;
	}
	if (ret > 0) {
		kshim_report_begin(KSHIM_REPORT_MODULE, r->init_file, 0, NULL);
		pr_warn("%s: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n"
			"%s: loading module anyway...\n",
			"do_init_module", r->name, ret, "do_init_module");
		dump_stack();
		kshim_report_end();
	}
	pthread_mutex_lock(&module_mutex);
	r->live = true;
	r->refcnt = 0;
	nr_live++;
	pthread_mutex_unlock(&module_mutex);
	return 0;

free_params:
	free_params(r);
	return ret;
}

int kshim_module_unload(const char *name)
{
	struct kshim_modrec *r;

	pthread_mutex_lock(&module_mutex);
	r = find_rec(name);
	if (!r || !r->live) {
		pthread_mutex_unlock(&module_mutex);
		return -ENOENT;
	}
	if (r->init && !r->exit) {
		pthread_mutex_unlock(&module_mutex);
		return -EBUSY;
	}
	if (r->refcnt) {
		pthread_mutex_unlock(&module_mutex);
		return -EWOULDBLOCK;
	}
	r->live = false;
	nr_live--;
	pthread_mutex_unlock(&module_mutex);

	if (r->exit)
		r->exit();
	/* Its memory goes: timers it left armed are ODEBUG's "free active". */
	kshim_timers_module_unload(r->name);
	free_params(r);
	return 0;
}

bool kshim_module_loaded(const char *name)
{
	struct kshim_modrec *r;
	bool live;

	pthread_mutex_lock(&module_mutex);
	r = find_rec(name);
	live = r && r->live;
	pthread_mutex_unlock(&module_mutex);
	return live;
}

int kshim_module_param(const char *name, const char *param, char *buf,
		       size_t len)
{
	struct kshim_modrec *r;
	unsigned int i;

	pthread_mutex_lock(&module_mutex);
	r = find_rec(name);
	pthread_mutex_unlock(&module_mutex);
	if (!r)
		return -ENOENT;
	for (i = 0; i < r->nr_params; i++)
		if (!strcmp(r->params[i].kp->name, param))
			return kshim_modparam_show(&r->params[i], buf, len);
	return -ENOENT;
}

bool try_module_get(struct module *mod)
{
	struct kshim_modrec *r;
	bool ok;

	if (!mod)
		return true;
	r = rec_of(mod);
	pthread_mutex_lock(&module_mutex);
	ok = r->live;
	if (ok)
		r->refcnt++;
	pthread_mutex_unlock(&module_mutex);
	return ok;
}

void __module_get(struct module *mod)
{
	struct kshim_modrec *r;

	if (!mod)
		return;
	r = rec_of(mod);
	pthread_mutex_lock(&module_mutex);
	r->refcnt++;
	pthread_mutex_unlock(&module_mutex);
}

void module_put(struct module *mod)
{
	struct kshim_modrec *r;
	int n;

	if (!mod)
		return;
	r = rec_of(mod);
	pthread_mutex_lock(&module_mutex);
	n = --r->refcnt;
	pthread_mutex_unlock(&module_mutex);
	WARN_ON(n < 0);
}

int module_refcount(struct module *mod)
{
	struct kshim_modrec *r;
	int n;

	if (!mod)
		return 0;
	r = rec_of(mod);
	pthread_mutex_lock(&module_mutex);
	n = r->refcnt;
	pthread_mutex_unlock(&module_mutex);
	return n;
}

void kshim_print_modules(void)
{
	char line[512];
	size_t n;
	struct kshim_modrec *r;

	n = snprintf(line, sizeof(line), "Modules linked in:");
	pthread_mutex_lock(&module_mutex);
	for (r = modules; r && n < sizeof(line); r = r->next)
		if (r->live)
			n += snprintf(line + n, sizeof(line) - n, " %s",
				      r->name);
	pthread_mutex_unlock(&module_mutex);
	printk(KERN_WARNING "%s\n", line);
}

static long ledger_modules(void *arg)
{
	long n;

	pthread_mutex_lock(&module_mutex);
	n = nr_live;
	pthread_mutex_unlock(&module_mutex);
	return n;
}

static void explain_modules(void *arg)
{
	kshim_print_modules();
}

void kshim_module_init_subsys(void)
{
	static bool registered;

	if (!registered) {
		registered = true;
		kshim_ledger_add("modules loaded", ledger_modules,
				 explain_modules, NULL);
	}
}
