// SPDX-License-Identifier: GPL-2.0
/*
 * compat/init/main.c - booting the simulated machine.
 *
 * Plays start_kernel(): the configuration comes from KSHIM_* environment
 * variables (the machine's command line), then each subsystem initialises
 * in order.  Boot happens before main() so that a plain program linked
 * with libkshim needs no kshim call; a bad or unknown KSHIM_* variable
 * stops the program there with a message naming it.  kshim_boot() reboots
 * with explicit settings and reports a bad one instead of exiting.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kshim/boot.h>

#include "kshim/internal.h"
#include "mm/internal.h"
#include "kernel/cpu.h"
#include "kernel/rcu/rcu.h"
#include "kernel/sched/sched.h"

extern char **environ;

struct kshim_config kshim_config = {
	/* What printk needs if it runs before boot (from a constructor). */
	.console_loglevel = 7,
	.backtrace = true,
	.fork = true,
	.timeout = 120,
	.output = "basic",
	.spin_lockup_ms = 2000,
};

int kshim_booted;

int kshim_parse_bool(const char *val, bool *res)
{
	static const char *const yes[] = { "1", "y", "yes", "on", "true" };
	static const char *const no[] = { "0", "n", "no", "off", "false" };
	unsigned int i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (!strcasecmp(val, yes[i])) {
			*res = true;
			return 0;
		}
		if (!strcasecmp(val, no[i])) {
			*res = false;
			return 0;
		}
	}
	return -EINVAL;
}

int kshim_parse_uint(const char *val, unsigned int max, unsigned int *res)
{
	unsigned long v;
	char *end;

	if (!*val || *val == '-' || *val == '+')
		return -EINVAL;
	errno = 0;
	v = strtoul(val, &end, 10);
	if (errno || *end || v > max)
		return -EINVAL;
	*res = v;
	return 0;
}

/* ---- the settings of the foundation ---- */

static int parse_loglevel(const char *val, struct kshim_config *c)
{
	unsigned int v;

	if (kshim_parse_uint(val, 8, &v))
		return -EINVAL;
	c->console_loglevel = v;
	return 0;
}

static int parse_backtrace(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->backtrace);
}

static int parse_fork(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->fork);
}

static int parse_timeout(const char *val, struct kshim_config *c)
{
	return kshim_parse_uint(val, 86400, &c->timeout);
}

static int parse_output(const char *val, struct kshim_config *c)
{
	static const char *const modes[] = {
		"basic", "tap", "ktap", "junit", "xml"
	};
	unsigned int i;

	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(val, modes[i])) {
			c->output = modes[i];
			return 0;
		}
	return -EINVAL;
}

static int parse_xml_root(const char *val, struct kshim_config *c)
{
	if (!*val)
		return -EINVAL;
	c->xml_root = val;
	return 0;
}

static const char *show_loglevel(const struct kshim_config *c, char *buf,
				 size_t len)
{
	snprintf(buf, len, "%d", c->console_loglevel);
	return buf;
}

static const char *show_backtrace(const struct kshim_config *c, char *buf,
				  size_t len)
{
	return c->backtrace ? "1" : "0";
}

static const char *show_fork(const struct kshim_config *c, char *buf,
			     size_t len)
{
	return c->fork ? "1" : "0";
}

static const char *show_timeout(const struct kshim_config *c, char *buf,
				size_t len)
{
	snprintf(buf, len, "%u", c->timeout);
	return buf;
}

static const char *show_output(const struct kshim_config *c, char *buf,
			       size_t len)
{
	return c->output;
}

static const char *show_xml_root(const struct kshim_config *c, char *buf,
				 size_t len)
{
	return c->xml_root;
}

static const char *show_ram(const struct kshim_config *c, char *buf,
			    size_t len)
{
	return kshim_show_size(c->ram, buf, len);
}

static const char *show_highmem(const struct kshim_config *c, char *buf,
				size_t len)
{
	return kshim_show_size(c->highmem, buf, len);
}

static const char *show_cpus(const struct kshim_config *c, char *buf,
			     size_t len)
{
	snprintf(buf, len, "%u", c->cpus);
	return buf;
}

static const char *show_nodes(const struct kshim_config *c, char *buf,
			      size_t len)
{
	snprintf(buf, len, "%u", c->nodes);
	return buf;
}

static const char *show_debug_pagealloc(const struct kshim_config *c,
					char *buf, size_t len)
{
	return c->debug_pagealloc ? "1" : "0";
}

static int parse_debug_pagealloc(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->debug_pagealloc);
}

static const char *show_page_poison(const struct kshim_config *c, char *buf,
				    size_t len)
{
	return c->page_poison ? "1" : "0";
}

static int parse_page_poison(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->page_poison);
}

static const char *show_fail_page_alloc(const struct kshim_config *c,
					char *buf, size_t len)
{
	return c->fail_page_alloc ? c->fail_page_alloc : "";
}

static int parse_init_on_alloc(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->init_on_alloc);
}

static const char *show_init_on_alloc(const struct kshim_config *c,
				      char *buf, size_t len)
{
	return c->init_on_alloc ? "1" : "0";
}

static int parse_init_on_free(const char *val, struct kshim_config *c)
{
	return kshim_parse_bool(val, &c->init_on_free);
}

static const char *show_init_on_free(const struct kshim_config *c,
				     char *buf, size_t len)
{
	return c->init_on_free ? "1" : "0";
}

static const char *show_failslab(const struct kshim_config *c, char *buf,
				 size_t len)
{
	return c->failslab ? c->failslab : "";
}

static const char *show_fail(const struct kshim_config *c, char *buf,
			     size_t len)
{
	return c->fail ? c->fail : "";
}

static int parse_spin_lockup(const char *val, struct kshim_config *c)
{
	if (kshim_parse_uint(val, 3600000, &c->spin_lockup_ms) ||
	    !c->spin_lockup_ms)
		return -EINVAL;
	return 0;
}

static const char *show_spin_lockup(const struct kshim_config *c, char *buf,
				    size_t len)
{
	snprintf(buf, len, "%u", c->spin_lockup_ms);
	return buf;
}

static const struct kshim_setting settings[] = {
	{ "KSHIM_LOGLEVEL", "7",
	  "a console log level from 0 to 8 (messages below it reach stderr)",
	  parse_loglevel, show_loglevel },
	{ "KSHIM_BACKTRACE", "1",
	  "a boolean (1/0, yes/no, on/off): host backtraces in reports",
	  parse_backtrace, show_backtrace },
	{ "KSHIM_FORK", "1",
	  "a boolean (1/0, yes/no, on/off): run each test in its own process",
	  parse_fork, show_fork },
	{ "KSHIM_TEST_TIMEOUT", "120",
	  "seconds from 0 (none) to 86400 before a test is killed",
	  parse_timeout, show_timeout },
	{ "KSHIM_OUTPUT", "basic",
	  "one of basic, tap, ktap, junit, xml", parse_output, show_output },
	{ "KSHIM_RAM", "256M",
	  "a size such as 256M or 4G: a multiple of 4M from 32M to 1T",
	  kshim_parse_ram, show_ram },
	{ "KSHIM_HIGHMEM", "64M",
	  "a size such as 64M (0 for none): a multiple of 4M below KSHIM_RAM",
	  kshim_parse_highmem, show_highmem },
	{ "KSHIM_NODES", "1",
	  "a number of NUMA nodes from 1 to 8", kshim_parse_nodes,
	  show_nodes },
	{ "KSHIM_CPUS", "4",
	  "a number of simulated CPUs from 1 to 64 (CPU 0 is the test's thread)",
	  kshim_parse_cpus, show_cpus },
	{ "KSHIM_DEBUG_PAGEALLOC", "0",
	  "a boolean: unmap freed lowmem pages so any access faults",
	  parse_debug_pagealloc, show_debug_pagealloc },
	{ "KSHIM_PAGE_POISON", "1",
	  "a boolean: fill freed pages with 0xaa and check the pattern when they are allocated again (page_poison=on)",
	  parse_page_poison, show_page_poison },
	{ "KSHIM_FAIL_PAGE_ALLOC", "",
	  "a fault-injection spec (see README): e.g. nth=3, after=10, site=drv.c:42, probability=0.1,seed=7",
	  kshim_parse_fail_page_alloc, show_fail_page_alloc },
	{ "KSHIM_FAILSLAB", "",
	  "a fault-injection spec for slab allocations (see README): e.g. nth=3, site=drv.c:42, space=4096 (bytes)",
	  kshim_parse_failslab, show_failslab },
	/* After the two above: a func= of theirs must not have their rule. */
	{ "KSHIM_FAIL", "",
	  "fault-injection rules separated by ';', each naming its API: e.g. func=request_irq,errno=-EBUSY;func=kmalloc,nth=2 (see README)",
	  kshim_parse_fail, show_fail },
	{ "KSHIM_SLUB_DEBUG", "FZPU",
	  "slub_debug= letters for every cache: F (consistency checks), Z (red zones), P (poisoning), U (alloc/free tracking), T (trace), A (failslab), O, or - for none; optionally ,cache-name[,name...] and further blocks after ;",
	  kshim_parse_slub_debug, kshim_show_slub_debug },
	{ "KSHIM_INIT_ON_ALLOC", "0",
	  "a boolean: zero pages and slab objects when allocated (init_on_alloc=1; KSHIM_PAGE_POISON=1 takes precedence)",
	  parse_init_on_alloc, show_init_on_alloc },
	{ "KSHIM_INIT_ON_FREE", "0",
	  "a boolean: zero pages and slab objects when freed (init_on_free=1; KSHIM_PAGE_POISON=1 takes precedence)",
	  parse_init_on_free, show_init_on_free },
	{ "KSHIM_SPINLOCK_LOCKUP", "2000",
	  "milliseconds from 1 to 3600000 a spinlock may spin before kshim reports a lockup",
	  parse_spin_lockup, show_spin_lockup },
	{ "KSHIM_LAST_PKMAP", "1024",
	  "a power of two from 1 to 65536: the kmap() (pkmap) windows",
	  kshim_parse_last_pkmap, kshim_show_last_pkmap },
	{ "KSHIM_KMAP_FORCE_MAP", "0",
	  "a boolean: map lowmem pages through kmap_local/kmap_atomic windows too",
	  kshim_parse_kmap_force_map, kshim_show_kmap_force_map },
	{ "KSHIM_RANDOM_SEED", "0",
	  "a number from 0 to 2^64-1 (decimal, 0x hex or 0 octal): where every test's get_random_*() sequence starts",
	  kshim_parse_random_seed, kshim_show_random_seed },
	{ "KSHIM_XML_ROOT", NULL,
	  "a non-empty file name prefix for CUnit's XML results",
	  parse_xml_root, show_xml_root },
	{ "KSHIM_CLOCK", "virtual",
	  "virtual (time moves when the test advances it or a task sleeps) or real (host monotonic time)",
	  kshim_parse_clock, kshim_show_clock },
	{ "KSHIM_DEBUG_OBJECTS", "1",
	  "a boolean (1/0, yes/no, on/off): the debugobjects (ODEBUG) checks of timers, work items and the memory that holds them",
	  kshim_parse_debug_objects, kshim_show_debug_objects },
};

#define NR_SETTINGS (sizeof(settings) / sizeof(settings[0]))

static const struct kshim_setting *find_setting(const char *name, size_t len)
{
	unsigned int i;

	for (i = 0; i < NR_SETTINGS; i++)
		if (strlen(settings[i].name) == len &&
		    !strncmp(settings[i].name, name, len))
			return &settings[i];
	return NULL;
}

static void list_settings(void)
{
	unsigned int i;

	fprintf(stderr, "kshim: known settings:");
	for (i = 0; i < NR_SETTINGS; i++)
		fprintf(stderr, " %s", settings[i].name);
	fprintf(stderr, "\n");
}

void kshim_setting_error(const struct kshim_setting *s, const char *val,
			 const char *why)
{
	fprintf(stderr, "kshim: invalid %s='%s': %s\n", s->name, val,
		why ? why : s->help);
}

/* The value @name gets: an override "NAME=value", else the environment. */
static const char *lookup(const char *name, const char *const *ovr,
			  unsigned int n)
{
	size_t len = strlen(name);
	unsigned int i;

	for (i = n; i-- > 0;)
		if (!strncmp(ovr[i], name, len) && ovr[i][len] == '=')
			return ovr[i] + len + 1;
	return getenv(name);
}

/* Any KSHIM_* name that is not a setting is a typo worth stopping for. */
static int check_names(const char *const *ovr, unsigned int n)
{
	unsigned int i;
	char **env;

	for (env = environ; env && *env; env++) {
		const char *eq = strchr(*env, '=');

		if (strncmp(*env, "KSHIM_", 6) || !eq)
			continue;
		if (!find_setting(*env, eq - *env)) {
			fprintf(stderr,
				"kshim: unknown setting %.*s in the environment\n",
				(int)(eq - *env), *env);
			list_settings();
			return -EINVAL;
		}
	}
	for (i = 0; i < n; i++) {
		const char *eq = strchr(ovr[i], '=');

		if (!eq || !find_setting(ovr[i], eq - ovr[i])) {
			fprintf(stderr,
				"kshim: kshim_boot(): '%s' is not a KSHIM_NAME=value setting\n",
				ovr[i]);
			list_settings();
			return -EINVAL;
		}
	}
	return 0;
}

/* Parse every setting into @c; nothing is applied on error. */
static int parse_all(const char *const *ovr, unsigned int n,
		     struct kshim_config *c)
{
	unsigned int i;

	if (check_names(ovr, n))
		return -EINVAL;
	for (i = 0; i < NR_SETTINGS; i++) {
		const struct kshim_setting *s = &settings[i];
		const char *val = lookup(s->name, ovr, n);

		if (!val)
			val = s->dflt;
		if (!val)
			continue;
		if (s->parse(val, c)) {
			kshim_setting_error(s, val, NULL);
			return -EINVAL;
		}
	}
	/* Settings that only make sense together. */
	return kshim_mm_check_config(c);
}

/* Subsystems, in start_kernel() order; later issues extend the table. */
static const struct {
	const char *name;
	void (*init)(void);
	void (*exit)(void);
	void (*test_begin)(void);	/* in the test's process */
	/* A test body returned: settle deferred work before the ledger. */
	void (*test_end)(void);
} subsystems[] = {
	/* First: a device left registered is the leak to name, not the
	 * memory it holds (its ledger entry is checked before the slab's). */
	{ "devices", kshim_devices_init, NULL, NULL, NULL },
	/* Buses and drivers ('registered drivers'); the platform bus. */
	{ "driver core", kshim_driver_core_init, kshim_driver_core_exit,
	  NULL, NULL },
	/* Then a mapping left by the test (ioremap(), devm_ioremap()...). */
	{ "mmio", kshim_mmio_init, NULL, kshim_mmio_test_begin, NULL },
	/* The PCI bus, before anything registers a notifier on it. */
	{ "pci", kshim_pci_init, NULL, NULL, NULL },
	/* Right after: a DMA mapping left is named before its pages. */
	{ "dma-debug", kshim_dma_debug_init, NULL, kshim_dma_debug_test_begin,
	  NULL },
	/* Char device numbers, classes and /dev nodes (ledger entries);
	 * misc's major 10, class and /proc/misc, and /proc/devices, are
	 * static (nothing allocated at boot); a reboot forgets them all. */
	{ "chrdev", kshim_chrdev_init, kshim_chrdev_exit, NULL, NULL },
	{ "classes", kshim_class_init, kshim_class_exit, NULL, NULL },
	{ "misc", kshim_misc_init, kshim_misc_exit, NULL, NULL },
	{ "proc_devices", kshim_proc_devices_init, NULL, NULL, NULL },
	/* Before the allocators: an entry left is the leak to name. */
	{ "procfs", kshim_proc_init, NULL, kshim_proc_test_begin,
	  kshim_proc_test_end },
	{ "debugfs", kshim_debugfs_init, NULL, kshim_debugfs_test_begin,
	  kshim_debugfs_test_end },
	{ "sched", kshim_sched_init, NULL, kshim_sched_test_begin, NULL },
	{ "smp", kshim_smp_init, NULL, kshim_smp_test_begin, NULL },
	/* After smp: the timers of the test before are forgotten. */
	{ "timers", NULL, NULL, kshim_timers_test_begin, NULL },
	{ "hrtimers", kshim_hrtimers_init, NULL, kshim_hrtimers_test_begin,
	  NULL },
	/* Nothing tracked by ODEBUG from the machine or test before. */
	{ "debugobjects", kshim_debug_objects_test_begin, NULL,
	  kshim_debug_objects_test_begin, NULL },
	{ "mm", kshim_mm_init, kshim_mm_exit, kshim_mm_test_begin, NULL },
	/* After mm: "System RAM" in iomem_resource. */
	{ "resources", kshim_resource_init, NULL, NULL, NULL },
	/* Its test_end last of the allocators': every page freed by then. */
	{ "page_poison", NULL, NULL, NULL, kshim_page_poison_test_end },
	{ "highmem", kshim_highmem_init, kshim_highmem_exit,
	  kshim_highmem_test_begin, NULL },
	/* After mm: bounce slots are pages; reboot forgets them. */
	{ "dma", NULL, kshim_dma_exit, kshim_dma_test_begin,
	  kshim_dma_test_end },
	/* dma pools ("dma pools" ledger row); a reboot forgets them. */
	{ "dmapool", kshim_dmapool_init, kshim_dmapool_exit, NULL, NULL },
	/* After mm; its test_end after rcu's (rcu_barrier()) and vmalloc's. */
	{ "slab", kshim_slab_init, kshim_slab_exit, kshim_slab_test_begin,
	  kshim_slab_test_end },
	/* After mm: a test's child re-maps the areas onto its own RAM. */
	{ "vmalloc", kshim_vmalloc_init, kshim_vmalloc_exit,
	  kshim_vmalloc_test_begin, kshim_vmalloc_test_end },
	/* Every fallible API's rule (fail_page_alloc, failslab...). */
	{ "fault injection", NULL, NULL, kshim_fail_test_begin, NULL },
	{ "random", kshim_random_init, NULL, kshim_random_test_begin, NULL },
	{ "signal", NULL, NULL, kshim_signal_test_begin, NULL },
	{ "capability", NULL, NULL, kshim_capability_test_begin, NULL },
	{ "rwsem", kshim_rwsem_init, NULL, kshim_rwsem_test_begin, NULL },
	{ "gup", kshim_gup_init, kshim_gup_exit, kshim_gup_test_begin, NULL },
	{ "scatterlist", NULL, NULL, kshim_scatterlist_test_begin, NULL },
	/* After the allocators: its test_end (rcu_barrier()) runs first. */
	{ "rcu", kshim_rcu_init, NULL, kshim_rcu_test_begin,
	  kshim_rcu_test_end },
	/* After timers; its test_end early: idle kworkers are joined. */
	{ "workqueues", kshim_workqueue_init, NULL, kshim_workqueue_test_begin,
	  kshim_workqueue_test_end },
	/* Its test_end first: the kthreads that exited are joined. */
	{ "kthreads", kshim_kthread_init, NULL, kshim_kthread_test_begin,
	  kshim_kthread_test_end },
	{ "modules", kshim_module_init_subsys, NULL, NULL, NULL },
	/* Its test_end first: processes exit, releasing files and mappings. */
	{ "processes", NULL, NULL, NULL, kshim_user_test_end },
};

#define NR_SUBSYS (sizeof(subsystems) / sizeof(subsystems[0]))

static void boot_subsystems(void)
{
	unsigned int i;

	for (i = 0; i < NR_SUBSYS; i++)
		if (subsystems[i].init)
			subsystems[i].init();
}

static void shutdown_subsystems(void)
{
	unsigned int i;

	for (i = NR_SUBSYS; i-- > 0;)
		if (subsystems[i].exit)
			subsystems[i].exit();
}

void kshim_subsys_test_begin(void)
{
	unsigned int i;

	for (i = 0; i < NR_SUBSYS; i++)
		if (subsystems[i].test_begin)
			subsystems[i].test_begin();
}

/*
 * In reverse boot order (RCU callbacks run before the allocators count
 * what is left), after a test body returned and before its ledger check.
 */
void kshim_subsys_test_end(void)
{
	unsigned int i;

	for (i = NR_SUBSYS; i-- > 0;)
		if (subsystems[i].test_end)
			subsystems[i].test_end();
}

static void boot_from_env(void)
{
	struct kshim_config c = kshim_config;

	if (parse_all(NULL, 0, &c)) {
		fprintf(stderr, "kshim: cannot boot the simulated machine: fix the setting above\n");
		exit(99);
	}
	kshim_config = c;
	boot_subsystems();
}

void __kshim_ensure_booted(void)
{
	if (__atomic_load_n(&kshim_booted, __ATOMIC_ACQUIRE))
		return;
	/* Boot runs before main(), single-threaded: no race to settle. */
	__atomic_store_n(&kshim_booted, 1, __ATOMIC_RELEASE);
	boot_from_env();
}

__attribute__((__constructor__(200))) static void kshim_boot_early(void)
{
	kshim_ensure_booted();
}

/*
 * What makes a reboot unsafe now: the caller runs in interrupt context
 * or atomic (its own state would be reset under it), or the running test
 * holds what the old machine gave it.  A "boot" report at the caller's
 * line; the machine stays as it is.
 */
static int boot_refused(const char *file, int line)
{
	struct thread_info *ti = current_thread_info();
	bool atomic = in_interrupt() || in_nmi() || preempt_count() ||
		      irqs_disabled();
	unsigned int held;

	if (!atomic && (!kshim_in_test() || !kshim_ledger_explain_held(false)))
		return 0;
	kshim_report_begin(KSHIM_REPORT_BOOT, file, line, NULL);
	printk(KERN_ERR "kshim: kshim_boot() at %s:%d refused: the machine is in use\n",
	       file, line);
	if (in_interrupt() || in_nmi()) {
		printk(KERN_ERR "kshim: called in %s context (preempt_count %08x): reboot from a test's task\n",
		       in_nmi() ? "NMI" : in_hardirq() ? "hardirq" :
		       "softirq", preempt_count());
	} else if (preempt_count()) {
		printk(KERN_ERR "kshim: called with preemption disabled (preempt_count %08x)\n",
		       preempt_count());
		pr_err("Preemption disabled at:");
		kshim_print_ip_site(ti->preempt_disable_ip,
				    ti->preempt_disable_site);
	}
	if (irqs_disabled() && !in_interrupt()) {
		const struct kshim_site *s = ti->irq_disable_site;

		printk(KERN_ERR "kshim: called with interrupts disabled\n");
		if (s)
			printk(KERN_ERR "hardirqs last disabled at: %s %s:%d\n",
			       kshim_site_func(s), s->file, s->line);
	}
	if (!atomic) {
		held = kshim_ledger_explain_held(true);
		if (held)
			printk(KERN_ERR "kshim: a reboot would destroy what the test still holds (above): release it first, or reboot before taking it\n");
	}
	kshim_report_end();
	fprintf(stderr, "kshim: kshim_boot() at %s:%d refused (see the boot report)\n",
		file, line);
	return -EBUSY;
}

static int vboot(const char *file, int line, const char *setting,
		 va_list args)
{
	const char *ovr[64];
	struct kshim_config c = kshim_config;
	unsigned int n = 0;
	const char *s;

	kshim_ensure_booted();
	for (s = setting; s; s = va_arg(args, const char *)) {
		if (n == sizeof(ovr) / sizeof(ovr[0])) {
			fprintf(stderr, "kshim: kshim_boot(): too many settings\n");
			return -EINVAL;
		}
		ovr[n++] = s;
	}

	if (parse_all(ovr, n, &c))
		return -EINVAL;
	if (boot_refused(file, line))
		return -EBUSY;
	shutdown_subsystems();
	/* Override strings may not outlive the call: keep copies. */
	if (c.xml_root && c.xml_root != kshim_config.xml_root)
		c.xml_root = strdup(c.xml_root);
	kshim_config = c;
	boot_subsystems();
	if (kshim_in_test())
		kshim_ledger_snapshot();
	return 0;
}

int __kshim_boot(const char *file, int line, const char *setting, ...)
{
	va_list args;
	int ret;

	va_start(args, setting);
	ret = vboot(file, line, setting, args);
	va_end(args);
	return ret;
}

int (kshim_boot)(const char *setting, ...)
{
	va_list args;
	int ret;

	va_start(args, setting);
	ret = vboot("?", 0, setting, args);
	va_end(args);
	return ret;
}

const char *kshim_setting(const char *name)
{
	static __thread char buf[64];
	const struct kshim_setting *s = find_setting(name, strlen(name));

	kshim_ensure_booted();
	return s ? s->show(&kshim_config, buf, sizeof(buf)) : NULL;
}
