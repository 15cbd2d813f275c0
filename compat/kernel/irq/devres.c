// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/irq/devres.c - managed interrupt handlers, as
 * kernel/irq/devres.c of 6.1, and kshim's unbind check.
 *
 * devm_request_irq()/devm_request_threaded_irq() request the line and
 * record it on the device, so that free_irq() runs when the driver
 * unbinds (or its probe fails), in the reverse order of the device's
 * managed resources; a NULL name means dev_name(dev).  devm_free_irq()
 * frees it early: one never requested through devm is the kernel's
 * WARN_ON.  devm_request_any_context_irq() requests a hard-IRQ handler
 * (IRQC_IS_HARDIRQ).  kshim has no threaded interrupts: a @thread_fn is
 * refused with -EINVAL and a kshim message.
 *
 * The unbind check (kshim's own; the kernel frees nothing and says
 * nothing, the handler or mapping just stays behind a driver that may be
 * unloaded): after remove() - or a failed probe - and the release of the
 * managed resources, an interrupt handler still on one of the device's
 * lines that was not there when the probe began, and an ioremap() of one
 * of the device's memory resources still live where the probe began with
 * fewer, are each reported (class "unbind_leak") at the line that
 * requested or mapped them.  The device's lines and resources come from
 * its bus (bus_type.kshim_irq / kshim_resource).
 */
#include <pthread.h>

#include <linux/device.h>
#include <linux/export.h>
#include <linux/interrupt.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <kshim/device.h>
#include <kshim/irq.h>
#include <kshim/report.h>

#include "kshim/internal.h"
#include "kernel/irq/internals.h"
#include "drivers/base/binding.h"

struct irq_devres {
	unsigned int irq;
	void *dev_id;
	const struct kshim_site *site;
};

static void devm_irq_release(struct device *dev, void *res)
{
	struct irq_devres *this = res;

	__kshim_free_irq(this->irq, this->dev_id, this->site);
}

static int devm_irq_match(struct device *dev, void *res, void *data)
{
	struct irq_devres *this = res, *match = data;

	return this->irq == match->irq && this->dev_id == match->dev_id;
}

int __kshim_devm_request_threaded_irq(struct device *dev, unsigned int irq,
				      irq_handler_t handler,
				      irq_handler_t thread_fn,
				      unsigned long irqflags,
				      const char *devname, void *dev_id,
				      const struct kshim_site *site)
{
	struct irq_devres *dr;
	int rc;

	if (thread_fn) {
		pr_err("kshim: %s: threaded interrupt handlers are not simulated (irq %u, %s:%d)\n",
		       dev_name(dev), irq, kshim_site_file(site),
		       kshim_site_line(site));
		return -EINVAL;
	}
	dr = __kshim_devres_alloc_node(devm_irq_release, sizeof(*dr),
				       GFP_KERNEL, NUMA_NO_NODE,
				       "devm_irq_release", site);
	if (!dr)
		return -ENOMEM;
	if (!devname)
		devname = dev_name(dev);
	rc = __kshim_request_irq(irq, handler, irqflags, devname, dev_id,
				 site);
	if (rc) {
		__kshim_devres_free(dr, site);
		return rc;
	}
	dr->irq = irq;
	dr->dev_id = dev_id;
	dr->site = site;
	__kshim_devres_add(dev, dr, site);
	return 0;
}
EXPORT_SYMBOL(__kshim_devm_request_threaded_irq);

int __kshim_devm_request_any_context_irq(struct device *dev, unsigned int irq,
					 irq_handler_t handler,
					 unsigned long irqflags,
					 const char *devname, void *dev_id,
					 const struct kshim_site *site)
{
	int rc = __kshim_devm_request_threaded_irq(dev, irq, handler, NULL,
						   irqflags, devname, dev_id,
						   site);

	return rc ? rc : IRQC_IS_HARDIRQ;
}
EXPORT_SYMBOL(__kshim_devm_request_any_context_irq);

void __kshim_devm_free_irq(struct device *dev, unsigned int irq,
			   void *dev_id, const struct kshim_site *site)
{
	struct irq_devres match_data = { irq, dev_id, NULL };

	if (devres_destroy(dev, devm_irq_release, devm_irq_match,
			   &match_data))
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, NULL);
	__kshim_free_irq(irq, dev_id, site);
}
EXPORT_SYMBOL(__kshim_devm_free_irq);

/* The real functions, for callers that take their address. */
#undef devm_request_threaded_irq
#undef devm_request_any_context_irq
#undef devm_free_irq

int devm_request_threaded_irq(struct device *dev, unsigned int irq,
			      irq_handler_t handler, irq_handler_t thread_fn,
			      unsigned long irqflags, const char *devname,
			      void *dev_id)
{
	return __kshim_devm_request_threaded_irq(dev, irq, handler, thread_fn,
						 irqflags, devname, dev_id,
						 __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(devm_request_threaded_irq);

int devm_request_any_context_irq(struct device *dev, unsigned int irq,
				 irq_handler_t handler, unsigned long irqflags,
				 const char *devname, void *dev_id)
{
	return __kshim_devm_request_any_context_irq(dev, irq, handler,
						    irqflags, devname, dev_id,
						    __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(devm_request_any_context_irq);

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	__kshim_devm_free_irq(dev, irq, dev_id, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(devm_free_irq);

/* ---- the unbind check ---- */

/* The @n-th interrupt line of @dev per its bus, or a negative errno. */
int kshim_device_irq(struct device *dev, unsigned int n)
{
	if (!dev || !dev->bus || !dev->bus->kshim_irq)
		return -ENXIO;
	return dev->bus->kshim_irq(dev, n);
}

static struct resource *device_resource(struct device *dev, unsigned int n)
{
	if (!dev->bus || !dev->bus->kshim_resource)
		return NULL;
	return dev->bus->kshim_resource(dev, n);
}

static bool in_before(const struct kshim_device_private *p, const void *a)
{
	unsigned int i;

	for (i = 0; i < p->nr_before; i++)
		if (p->before[i] == a)
			return true;
	return false;
}

/* How many ioremaps of @r are live now. */
static unsigned int live_maps(const struct resource *r,
			      const struct kshim_site **sites,
			      unsigned int max)
{
	if (!r || resource_type(r) != IORESOURCE_MEM || !resource_size(r))
		return 0;
	return kshim_mmio_live_mappings_in(r->start, resource_size(r),
					   sites, max);
}

void kshim_unbind_snapshot(struct device *dev)
{
	struct kshim_device_private *p = dev->kshim_p;
	struct irqaction *a;
	unsigned int n;
	int irq;

	if (!p)
		return;
	p->nr_before = 0;
	pthread_mutex_lock(&kshim_irq_lock);
	for (n = 0; n < KSHIM_UNBIND_IRQ_LINES; n++) {
		irq = kshim_device_irq(dev, n);
		if (irq < 0)
			break;
		if (irq >= NR_IRQS)
			continue;
		for (a = kshim_irq_desc[irq].action; a; a = a->next)
			if (p->nr_before < KSHIM_UNBIND_IRQ_ACTIONS)
				p->before[p->nr_before++] = a;
	}
	pthread_mutex_unlock(&kshim_irq_lock);
	for (n = 0; n < KSHIM_UNBIND_IRQ_LINES; n++) {
		struct resource *r = device_resource(dev, n);

		if (!r)
			break;
		p->maps_before[n] = live_maps(r, NULL, 0);
	}
}

struct irq_leak {
	unsigned int irq;
	const char *name;
	const struct kshim_site *site;
};

static void report_irq_leak(struct device *dev, struct device_driver *drv,
			    const struct irq_leak *l, bool failed_probe)
{
	kshim_report_begin(KSHIM_REPORT_UNBIND_LEAK, kshim_site_file(l->site),
			   kshim_site_line(l->site), kshim_site_func(l->site));
	printk(KERN_ERR "kshim: %s %s: %s with IRQ %u still requested (\"%s\", requested at %s:%d)\n",
	       drv->name, dev_name(dev),
	       failed_probe ? "probe failed" : "driver unbound",
	       l->irq, l->name ? l->name : "", kshim_site_file(l->site),
	       kshim_site_line(l->site));
	printk(KERN_ERR "kshim: free_irq() it in %s, or use devm_request_irq() (kshim's check: the kernel keeps the handler and says nothing)\n",
	       failed_probe ? "the probe's error path" : "remove()");
	kshim_report_end();
}

static void report_map_leak(struct device *dev, struct device_driver *drv,
			    const struct resource *r,
			    const struct kshim_site *site, bool failed_probe)
{
	kshim_report_begin(KSHIM_REPORT_UNBIND_LEAK, kshim_site_file(site),
			   kshim_site_line(site), kshim_site_func(site));
	printk(KERN_ERR "kshim: %s %s: %s with an ioremap of [mem %#010llx-%#010llx] still live (mapped at %s:%d)\n",
	       drv->name, dev_name(dev),
	       failed_probe ? "probe failed" : "driver unbound",
	       (unsigned long long)r->start, (unsigned long long)r->end,
	       kshim_site_file(site), kshim_site_line(site));
	printk(KERN_ERR "kshim: iounmap() it in %s, or use devm_ioremap_resource() (kshim's check: the kernel keeps the mapping and says nothing)\n",
	       failed_probe ? "the probe's error path" : "remove()");
	kshim_report_end();
}

void kshim_unbind_check(struct device *dev, struct device_driver *drv,
			bool failed_probe)
{
	struct kshim_device_private *p = dev->kshim_p;
	struct irq_leak leaks[KSHIM_UNBIND_IRQ_ACTIONS];
	unsigned int n, i, nr = 0;
	struct irqaction *a;
	int irq;

	if (!p)
		return;
	pthread_mutex_lock(&kshim_irq_lock);
	for (n = 0; n < KSHIM_UNBIND_IRQ_LINES; n++) {
		irq = kshim_device_irq(dev, n);
		if (irq < 0)
			break;
		if (irq >= NR_IRQS)
			continue;
		/* a line listed twice is looked at once */
		for (i = 0; i < nr; i++)
			if (leaks[i].irq == (unsigned int)irq)
				break;
		if (i < nr)
			continue;
		for (a = kshim_irq_desc[irq].action; a; a = a->next) {
			if (in_before(p, a) || nr == KSHIM_UNBIND_IRQ_ACTIONS)
				continue;
			leaks[nr].irq = irq;
			leaks[nr].name = a->name;
			leaks[nr].site = a->kshim_site;
			nr++;
		}
	}
	pthread_mutex_unlock(&kshim_irq_lock);
	for (i = 0; i < nr; i++)
		report_irq_leak(dev, drv, &leaks[i], failed_probe);

	for (n = 0; n < KSHIM_UNBIND_IRQ_LINES; n++) {
		const struct kshim_site *sites[4];
		struct resource *r = device_resource(dev, n);
		unsigned int live;

		if (!r)
			break;
		live = live_maps(r, sites, ARRAY_SIZE(sites));
		if (live > p->maps_before[n])
			/* the most recent mapping is the likely leak */
			report_map_leak(dev, drv, r,
					sites[min_t(unsigned int, live,
						    ARRAY_SIZE(sites)) - 1],
					failed_probe);
	}
	p->nr_before = 0;
}

int kshim_device_raise_irq(struct device *dev, unsigned int n)
{
	int irq = kshim_device_irq(dev, n);

	return irq < 0 ? irq : kshim_raise_irq(irq);
}
