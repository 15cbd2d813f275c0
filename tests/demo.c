/*
 * demo - what a kernel-style bug looks like under kshim.
 *
 * Loads the demo driver and uses it before and after loading, so that the
 * driver's own WARN_ON fires: the splat below is what a debug kernel
 * prints, naming the driver's file and line.  Not a test: the README's
 * first command runs it.
 */
#include <stdio.h>

#include <kshim/module.h>
#include <kshim/report.h>

#include "../drivers-under-test/demo/demo.h"

int main(void)
{
	const struct kshim_report *r;
	u32 v;

	/* stderr, like the kernel log, so the two interleave in order */
	fprintf(stderr, "== pushing to the demo FIFO before the module is loaded ==\n");
	demo_push(42);		/* the driver's WARN_ON(!ready) fires */

	fprintf(stderr, "== insmod demo nr_slots=4, push, pop ==\n");
	if (kshim_module_load("demo", "nr_slots=4"))
		return 1;
	demo_push(42);
	demo_pop(&v);
	fprintf(stderr, "popped %u\n", v);
	kshim_module_unload("demo");

	r = kshim_report_last(NULL);
	fprintf(stderr, "== kshim recorded a '%s' report at %s:%d ==\n",
	       r ? r->cls : "none", r ? r->file : "-", r ? r->line : 0);
	return 0;
}
