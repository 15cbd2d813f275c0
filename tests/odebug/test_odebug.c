/*
 * test_odebug - the kernel's debugobjects checks (ODEBUG, issue 13 item
 * 6; linux/debugobjects.h, lib/debugobjects.c of 6.1 with 6.2's
 * "object: %p"), each with the kernel's text in a WARNING at the test's
 * line, and correct use silent:
 *  - kfree(), kmem_cache_free(), vfree() and __free_pages() of memory
 *    holding an armed timer: "ODEBUG: free active (active state 0)
 *    object: <%p> object type: timer_list hint: <callback>" at the line
 *    that frees, and the timer is cancelled (it never fires);
 *  - timer_setup() of a timer on the stack ("is on stack ..., but NOT
 *    annotated."), timer_setup_on_stack() of one that is not;
 *  - timer_setup() of an armed timer ("init active"): the timer is
 *    deleted first;
 *  - mod_timer()/del_timer() of a never-initialised timer ("assert_init
 *    not available ... hint: 0x0"): it gets the kernel's stub callback,
 *    which WARNs at the arming line when it fires; DEFINE_TIMER() is
 *    silent (a static object);
 *  - the state machine with a type of the test's own: destroy, free,
 *    deactivate, activate and active_state misuse, and their fixups;
 *  - only the first 5 reports of a test are printed;
 *  - KSHIM_DEBUG_OBJECTS=0 turns the checks off; a bad value stops the
 *    program with the setting's help.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/boot.h>
#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/completion.h>
#include <linux/debugobjects.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/timer.h>
#include <linux/version.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "odebug_mod.h"

struct tdev {
	int before;
	struct timer_list timer;
	int after;
};

static int fired;

static void tfn(struct timer_list *t)
{
	fired++;
}

/* The report's first line, with the object's hashed address. */
static const char *odebug_text(const char *op_state, const void *obj,
			       const char *type, const char *hint)
{
	static char buf[256];

	scnprintf(buf, sizeof(buf),
		  "ODEBUG: %s (active state 0) object: %p object type: %s hint: %s",
		  op_state, obj, type, hint);
	return buf;
}

static void expect_odebug(const char *op_state, const void *obj,
			  const char *type, const char *hint)
{
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    odebug_text(op_state, obj, type, hint), 1);
}

/* The report was a WARNING at the marked line of this file. */
static void assert_warning_at(const char *marker)
{
	const struct kshim_report *r =
		assert_report_at(KSHIM_REPORT_WARNING, marker);
	char want[256];

	if (!r)
		return;
	snprintf(want, sizeof(want), "WARNING: CPU: 0 PID: ");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	snprintf(want, sizeof(want), " at %s:%d ", __FILE__,
		 marker_line(marker));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
}

/* ---- freeing memory that holds an armed timer ---- */

static void test_kfree_active_timer(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	fired = 0;
	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	expect_odebug("free active", &d->timer, "timer_list", "tfn+0x0/0x");
	kfree(d); /* LINE:kfree_active */
	assert_warning_at("kfree_active");
	/* The kernel's fixup: del_timer_sync(), so it never fires. */
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	kshim_advance_time(20 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(fired, 0);
}

/*
 * A work item still pending when its memory is freed: the kernel's
 * "free active" for work_struct, hint the work's function; the fixup
 * cancels it, so it never runs on the freed memory.
 */
struct wdev {
	struct work_struct work;
};

static int work_runs;

static void wfn(struct work_struct *w)
{
	work_runs++;
}

static DECLARE_COMPLETION(unblock);

static void blocker_fn(struct work_struct *w)
{
	wait_for_completion(&unblock);
}

static DECLARE_WORK(blocker, blocker_fn);

static void test_kfree_pending_work(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("odebug", 0);
	struct wdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	work_runs = 0;
	INIT_WORK(&d->work, wfn);
	CU_ASSERT_TRUE(queue_work(wq, &blocker));
	CU_ASSERT_TRUE(queue_work(wq, &d->work));	/* behind the blocker */
	expect_odebug("free active", &d->work, "work_struct", "wfn+0x0/0x");
	kfree(d); /* LINE:kfree_work */
	assert_warning_at("kfree_work");
	complete(&unblock);
	destroy_workqueue(wq);
	CU_ASSERT_EQUAL(work_runs, 0);
}

static void test_kfree_flushed_work_silent(void)
{
	struct wdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	work_runs = 0;
	INIT_WORK(&d->work, wfn);
	schedule_work(&d->work);
	flush_work(&d->work);
	kfree(d);
	CU_ASSERT_EQUAL(work_runs, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_kfree_deleted_timer_silent(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	fired = 0;
	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	CU_ASSERT_EQUAL(del_timer_sync(&d->timer), 1);
	kfree(d);
	/* Memory that held a fired timer, too. */
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(fired, 1);
	kfree(d);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void free_self_fn(struct timer_list *t)
{
	struct tdev *d = from_timer(d, t, timer);

	fired++;
	kfree(d);
}

static void test_callback_frees_its_timer_silent(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	fired = 0;
	timer_setup(&d->timer, free_self_fn, 0);
	mod_timer(&d->timer, jiffies + 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(fired, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_kmem_cache_free_active_timer(void)
{
	struct kmem_cache *c = kmem_cache_create("odebug_tdev",
						 sizeof(struct tdev), 0, 0,
						 NULL);
	struct tdev *d = kmem_cache_zalloc(c, GFP_KERNEL);

	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	expect_odebug("free active", &d->timer, "timer_list", "tfn+0x0/0x");
	kmem_cache_free(c, d); /* LINE:cache_free_active */
	assert_warning_at("cache_free_active");
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	kmem_cache_destroy(c);
}

static void test_vfree_active_timer(void)
{
	struct tdev *d = vzalloc(2 * PAGE_SIZE);

	timer_setup(&d[1].timer, tfn, 0);
	mod_timer(&d[1].timer, jiffies + 10);
	expect_odebug("free active", &d[1].timer, "timer_list", "tfn+0x0/0x");
	vfree(d); /* LINE:vfree_active */
	assert_warning_at("vfree_active");
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
}

static void test_vfree_inactive_timer_silent(void)
{
	struct tdev *d = vzalloc(PAGE_SIZE);

	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	del_timer(&d->timer);
	vfree(d);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_free_pages_active_timer(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	struct tdev *d = (struct tdev *)((char *)page_address(page) +
					 PAGE_SIZE + 64);

	fired = 0;
	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	expect_odebug("free active", &d->timer, "timer_list", "tfn+0x0/0x");
	__free_pages(page, 1); /* LINE:free_pages_active */
	assert_warning_at("free_pages_active");
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	kshim_advance_time(20 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(fired, 0);
}

static void test_free_pages_other_range_silent(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 1);
	del_timer_sync(&d->timer);
	kfree(d);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the stack annotation ---- */

static void test_timer_on_stack_not_annotated(void)
{
	struct timer_list t;
	char want[128];

	scnprintf(want, sizeof(want), "ODEBUG: object %p is on stack ", &t);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	timer_setup(&t, tfn, 0); /* LINE:stack_not_annotated */
	assert_warning_at("stack_not_annotated");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      ", but NOT annotated.\n"));
}

static void test_timer_on_stack_annotated_silent(void)
{
	struct timer_list t;

	fired = 0;
	timer_setup_on_stack(&t, tfn, 0);
	mod_timer(&t, jiffies + 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(fired, 1);
	destroy_timer_on_stack(&t);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_heap_timer_annotated_on_stack(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	char want[128];

	scnprintf(want, sizeof(want), "ODEBUG: object %p is NOT on stack ",
		  &d->timer);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	timer_setup_on_stack(&d->timer, tfn, 0); /* LINE:heap_on_stack */
	assert_warning_at("heap_on_stack");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      ", but annotated.\n"));
	kfree(d);
}

/* ---- init of an active timer, never-initialised timers ---- */

static void test_init_active_timer(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	fired = 0;
	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	expect_odebug("init active", &d->timer, "timer_list", "tfn+0x0/0x");
	timer_setup(&d->timer, tfn, 0); /* LINE:init_active */
	assert_warning_at("init_active");
	/* timer_fixup_init(): deleted, initialised again. */
	CU_ASSERT_FALSE(timer_pending(&d->timer));
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	kshim_advance_time(20 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(fired, 0);
	kfree(d);
}

static void test_double_init_inactive_silent(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	timer_setup(&d->timer, tfn, 0);
	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	del_timer_sync(&d->timer);
	timer_setup(&d->timer, tfn, TIMER_DEFERRABLE);
	mod_timer(&d->timer, jiffies + 10);
	mod_timer(&d->timer, jiffies + 20);
	del_timer(&d->timer);
	kfree(d);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_mod_timer_never_initialised(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	const struct kshim_report *r;

	fired = 0;
	d->timer.function = NULL;
	expect_odebug("assert_init not available", &d->timer, "timer_list",
		      "0x0\n");
	mod_timer(&d->timer, jiffies + 1); /* LINE:mod_uninit */
	assert_warning_at("mod_uninit");
	/* timer_fixup_assert_init(): set up with the stub, then armed. */
	CU_ASSERT_TRUE(timer_pending(&d->timer));
	CU_ASSERT_PTR_NOT_NULL(d->timer.function);
	/* The stub fires: WARN_ON(1), at the line that armed it. */
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 2);
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NULL(strstr(r->text, "ODEBUG"));
	assert_warning_at("mod_uninit");
	CU_ASSERT_EQUAL(fired, 0);
	kfree(d);
}

static void test_del_timer_never_initialised(void)
{
	struct tdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	expect_odebug("assert_init not available", &d->timer, "timer_list",
		      "0x0\n");
	CU_ASSERT_EQUAL(del_timer(&d->timer), 0); /* LINE:del_uninit */
	assert_warning_at("del_uninit");
	CU_ASSERT_FALSE(timer_pending(&d->timer));
	kfree(d);
}

static DEFINE_TIMER(static_timer, tfn);

static void test_define_timer_is_static_silent(void)
{
	fired = 0;
	mod_timer(&static_timer, jiffies + 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(fired, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the state machine, with a type of the test's own ---- */

struct thing {
	long payload;
	int is_static;
};

static int fixups_init, fixups_activate, fixups_destroy, fixups_free;
static const struct debug_obj_descr thing_descr;

static void thing_hint(void)
{
}

static void *thing_debug_hint(void *addr)
{
	return (void *)thing_hint;
}

static bool thing_is_static(void *addr)
{
	return ((struct thing *)addr)->is_static;
}

static bool thing_fixup_init(void *addr, enum debug_obj_state state)
{
	fixups_init++;
	return false;
}

static bool thing_fixup_activate(void *addr, enum debug_obj_state state)
{
	fixups_activate++;
	return false;
}

static bool thing_fixup_destroy(void *addr, enum debug_obj_state state)
{
	fixups_destroy++;
	debug_object_deactivate(addr, &thing_descr);
	debug_object_destroy(addr, &thing_descr);
	return true;
}

static bool thing_fixup_free(void *addr, enum debug_obj_state state)
{
	fixups_free++;
	debug_object_deactivate(addr, &thing_descr);
	debug_object_free(addr, &thing_descr);
	return true;
}

static const struct debug_obj_descr thing_descr = {
	.name			= "thing",
	.debug_hint		= thing_debug_hint,
	.is_static_object	= thing_is_static,
	.fixup_init		= thing_fixup_init,
	.fixup_activate		= thing_fixup_activate,
	.fixup_destroy		= thing_fixup_destroy,
	.fixup_free		= thing_fixup_free,
};

static void reset_fixups(void)
{
	fixups_init = fixups_activate = fixups_destroy = fixups_free = 0;
}

static void test_lifecycle_silent(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);
	static struct thing st = { .is_static = 1 };

	debug_object_init(t, &thing_descr);
	CU_ASSERT_EQUAL(debug_object_activate(t, &thing_descr), 0);
	debug_object_active_state(t, &thing_descr, 0, 1);
	debug_object_active_state(t, &thing_descr, 1, 0);
	debug_object_deactivate(t, &thing_descr);
	debug_object_init(t, &thing_descr);
	debug_object_destroy(t, &thing_descr);
	debug_object_free(t, &thing_descr);
	debug_object_assert_init(&st, &thing_descr);
	CU_ASSERT_EQUAL(debug_object_activate(&st, &thing_descr), 0);
	debug_object_deactivate(&st, &thing_descr);
	kfree(t);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_destroy_active(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);

	reset_fixups();
	debug_object_init(t, &thing_descr);
	debug_object_activate(t, &thing_descr);
	expect_odebug("destroy active", t, "thing", "thing_hint+0x0/0x");
	debug_object_destroy(t, &thing_descr); /* LINE:destroy_active */
	assert_warning_at("destroy_active");
	CU_ASSERT_EQUAL(fixups_destroy, 1);
	/* Destroyed now: activating it fails, and says so. */
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    odebug_text("activate destroyed", t, "thing",
					"thing_hint"), 1);
	CU_ASSERT_EQUAL(debug_object_activate(t, &thing_descr), -EINVAL);
	CU_ASSERT_EQUAL(fixups_activate, 0);
	debug_object_free(t, &thing_descr);
	kfree(t);
}

static void test_free_active_and_init_active(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);

	reset_fixups();
	debug_object_init(t, &thing_descr);
	debug_object_activate(t, &thing_descr);
	expect_odebug("init active", t, "thing", "thing_hint+0x0/0x");
	debug_object_init(t, &thing_descr); /* LINE:thing_init_active */
	assert_warning_at("thing_init_active");
	CU_ASSERT_EQUAL(fixups_init, 1);
	expect_odebug("free active", t, "thing", "thing_hint+0x0/0x");
	debug_object_free(t, &thing_descr); /* LINE:thing_free_active */
	assert_warning_at("thing_free_active");
	CU_ASSERT_EQUAL(fixups_free, 1);
	kfree(t);
}

static void test_activate_untracked_and_active(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);

	reset_fixups();
	expect_odebug("activate not available", t, "thing",
		      "thing_hint+0x0/0x");
	CU_ASSERT_EQUAL(debug_object_activate(t, &thing_descr), -EINVAL);
	CU_ASSERT_EQUAL(fixups_activate, 1);
	debug_object_init(t, &thing_descr);
	CU_ASSERT_EQUAL(debug_object_activate(t, &thing_descr), 0);
	expect_odebug("activate active", t, "thing", "thing_hint+0x0/0x");
	CU_ASSERT_EQUAL(debug_object_activate(t, &thing_descr), -EINVAL);
	CU_ASSERT_EQUAL(fixups_activate, 2);
	debug_object_deactivate(t, &thing_descr);
	debug_object_free(t, &thing_descr);
	kfree(t);
}

static void test_deactivate_and_active_state(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);
	char want[256];

	expect_odebug("deactivate not available", t, "thing",
		      "thing_hint+0x0/0x");
	debug_object_deactivate(t, &thing_descr);
	debug_object_init(t, &thing_descr);
	debug_object_activate(t, &thing_descr);
	debug_object_active_state(t, &thing_descr, 0, 7);
	/* Its active state must be back to 0 first. */
	scnprintf(want, sizeof(want),
		  "ODEBUG: deactivate active (active state 7) object: %p object type: thing hint: thing_hint",
		  t);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	debug_object_deactivate(t, &thing_descr);
	scnprintf(want, sizeof(want),
		  "ODEBUG: active_state active (active state 7) object: %p object type: thing hint: thing_hint",
		  t);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	debug_object_active_state(t, &thing_descr, 3, 0); /* LINE:astate */
	assert_warning_at("astate");
	debug_object_active_state(t, &thing_descr, 7, 0);
	debug_object_deactivate(t, &thing_descr);
	debug_object_free(t, &thing_descr);
	kfree(t);
}

/* debug_check_no_obj_freed() directly: the object type's fixup. */
static void test_check_no_obj_freed(void)
{
	struct thing *t = kzalloc(2 * sizeof(*t), GFP_KERNEL);

	reset_fixups();
	debug_object_init(&t[0], &thing_descr);
	debug_object_init(&t[1], &thing_descr);
	debug_object_activate(&t[1], &thing_descr);
	expect_odebug("free active", &t[1], "thing", "thing_hint+0x0/0x");
	debug_check_no_obj_freed(t, 2 * sizeof(*t)); /* LINE:check_freed */
	assert_warning_at("check_freed");
	CU_ASSERT_EQUAL(fixups_free, 1);
	/* Both forgotten: activating one is "not available" now. */
	expect_odebug("activate not available", &t[0], "thing",
		      "thing_hint+0x0/0x");
	debug_object_activate(&t[0], &thing_descr);
	kfree(t);
}

/* ---- module unload ---- */

#define MOD_FILE "tests/odebug/odebug_mod.c"

static void test_module_unload_with_armed_timers(void)
{
	char want[256];
	const struct kshim_report *r;
	unsigned int i, n = 0;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("odebug_mod", NULL), 0);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 2);
	/* Its exit kfree()s the device with its timer armed... */
	expect_odebug("free active", odebug_mod_timer(1), "timer_list",
		      "odebug_mod_fn+0x0/0x");
	/* ... and leaves its static timer armed: reported at unload. */
	scnprintf(want, sizeof(want), "%s", odebug_text("free active",
		  odebug_mod_timer(0), "timer_list", "odebug_mod_fn+0x0/0x"));
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	CU_ASSERT_EQUAL(kshim_module_unload("odebug_mod"), 0);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	for (i = 0; i < kshim_report_count(NULL); i++) {
		r = kshim_report_get(i);
		CU_ASSERT_STRING_EQUAL(r->file, MOD_FILE);
		if (strstr(r->text, "object type: timer_list")) {
			CU_ASSERT_EQUAL(r->line,
					find_marker_line(src_path(MOD_FILE),
							 n ? "LINE:mod_static " :
							     "LINE:kfree_dev "));
			n++;
		}
	}
	CU_ASSERT_EQUAL(n, 2);
}

static void test_module_unload_clean_silent(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("odebug_mod", "leak=0"), 0);
	CU_ASSERT_EQUAL(kshim_module_unload("odebug_mod"), 0);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the limit, the kernel version, the setting ---- */

static void test_only_five_reports(void)
{
	struct thing *t = kzalloc(8 * sizeof(*t), GFP_KERNEL);
	unsigned int i;

	reset_fixups();
	kshim_expect_report(KSHIM_REPORT_WARNING, "ODEBUG: activate not available", 5);
	for (i = 0; i < 8; i++)
		CU_ASSERT_EQUAL(debug_object_activate(&t[i], &thing_descr),
				-EINVAL);
	/* All 8 were caught and fixed up; 5 printed. */
	CU_ASSERT_EQUAL(fixups_activate, 8);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 5);
	kfree(t);
}

static void test_6_1_text(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);

	kshim_set_linux_version(KERNEL_VERSION(6, 1, 0));
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "ODEBUG: activate not available (active state 0) object type: thing hint: thing_hint+0x0/0x",
			    1);
	debug_object_activate(t, &thing_descr);
	kshim_set_linux_version(KERNEL_VERSION(6, 8, 0));
	kfree(t);
}

static void test_disabled_by_setting(void)
{
	struct tdev *d;
	struct thing *th;
	struct timer_list t;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_DEBUG_OBJECTS=0", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_DEBUG_OBJECTS"), "0");
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	th = kzalloc(sizeof(*th), GFP_KERNEL);
	/* On the stack, not annotated. */
	timer_setup(&t, tfn, 0);
	/* Never initialised: its NULL function makes arming a no-op. */
	mod_timer(&d->timer, jiffies + 10);
	CU_ASSERT_FALSE(timer_pending(&d->timer));
	/* Freed while armed: nobody cancels it. */
	timer_setup(&d->timer, tfn, 0);
	mod_timer(&d->timer, jiffies + 10);
	debug_check_no_obj_freed(d, sizeof(*d));
	CU_ASSERT_TRUE(timer_pending(&d->timer));
	del_timer_sync(&d->timer);
	CU_ASSERT_EQUAL(debug_object_activate(th, &thing_descr), 0);
	kfree(th);
	kfree(d);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_bad_setting_value(void)
{
	char *argv[] = { (char *)build_path("tests/odebug/test_odebug"),
			 NULL };
	const char *env[] = { "KSHIM_DEBUG_OBJECTS=maybe", NULL };
	struct spawn_result res;

	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &res), 0);
	CU_ASSERT_NOT_EQUAL(res.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err,
		"kshim: invalid KSHIM_DEBUG_OBJECTS='maybe': a boolean (1/0, yes/no, on/off)"));
	spawn_free(&res);
}

static CU_TestInfo free_tests[] = {
	{ "kfree_active_timer", test_kfree_active_timer },
	{ "kfree_deleted_timer_silent", test_kfree_deleted_timer_silent },
	{ "kfree_pending_work", test_kfree_pending_work },
	{ "kfree_flushed_work_silent", test_kfree_flushed_work_silent },
	{ "callback_frees_its_timer_silent",
	  test_callback_frees_its_timer_silent },
	{ "kmem_cache_free_active_timer", test_kmem_cache_free_active_timer },
	{ "vfree_active_timer", test_vfree_active_timer },
	{ "vfree_inactive_timer_silent", test_vfree_inactive_timer_silent },
	{ "free_pages_active_timer", test_free_pages_active_timer },
	{ "free_pages_other_range_silent",
	  test_free_pages_other_range_silent },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo timer_tests[] = {
	{ "timer_on_stack_not_annotated", test_timer_on_stack_not_annotated },
	{ "timer_on_stack_annotated_silent",
	  test_timer_on_stack_annotated_silent },
	{ "heap_timer_annotated_on_stack", test_heap_timer_annotated_on_stack },
	{ "init_active_timer", test_init_active_timer },
	{ "double_init_inactive_silent", test_double_init_inactive_silent },
	{ "mod_timer_never_initialised", test_mod_timer_never_initialised },
	{ "del_timer_never_initialised", test_del_timer_never_initialised },
	{ "define_timer_is_static_silent", test_define_timer_is_static_silent },
	{ "module_unload_with_armed_timers",
	  test_module_unload_with_armed_timers },
	{ "module_unload_clean_silent", test_module_unload_clean_silent },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo state_tests[] = {
	{ "lifecycle_silent", test_lifecycle_silent },
	{ "destroy_active", test_destroy_active },
	{ "free_active_and_init_active", test_free_active_and_init_active },
	{ "activate_untracked_and_active",
	  test_activate_untracked_and_active },
	{ "deactivate_and_active_state", test_deactivate_and_active_state },
	{ "check_no_obj_freed", test_check_no_obj_freed },
	{ "only_five_reports", test_only_five_reports },
	{ "6_1_text", test_6_1_text },
	{ "disabled_by_setting", test_disabled_by_setting },
	{ "bad_setting_value", test_bad_setting_value },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "free", NULL, NULL, NULL, NULL, free_tests },
	{ "timer", NULL, NULL, NULL, NULL, timer_tests },
	{ "state", NULL, NULL, NULL, NULL, state_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
