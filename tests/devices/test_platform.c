/*
 * test_platform - the device model's buses and drivers (linux/device/
 * bus.h, device/driver.h, dev_printk.h; compat/drivers/base/{bus,driver,
 * dd,dev_printk}.c) seen through the platform bus (linux/platform_device.h,
 * compat/drivers/base/platform.c), managed IRQs (compat/kernel/irq/
 * devres.c) and kshim's test side (kshim/device.h):
 *  - binding in both orders, the kernel's order of notifier events,
 *    remove() and managed resources, at device and driver unregister;
 *  - matching by driver_override, id_table, name; probe failures (the
 *    kernel's message, resources released, the next driver tries),
 *    -EPROBE_DEFER retried after another bind; platform_driver_probe();
 *  - dev_printk prefixes, dev_err_probe(), dev_WARN() at this file's line,
 *    ratelimiting; platform_get_irq()/resource lookups and their texts;
 *  - devm_request_irq() and an interrupt raised on the device's line;
 *  - kshim's unbind check and ledger entry, each naming this file's line.
 */
#include <stdint.h>
#include <string.h>

#include <kshim/device.h>
#include <kshim/irq.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/notifier.h>
#include <linux/platform_device.h>
#include <linux/preempt.h>
#include <linux/slab.h>

#include "common/expect_bug.h"

#define NR_EVENTS 32

enum {
	EV_PROBE = 100, EV_REMOVE, EV_DEVRES, EV_PROBE_B, EV_REMOVE_B,
};

static int events[NR_EVENTS];
static int nr_events;

static void record(int what)
{
	if (nr_events < NR_EVENTS)
		events[nr_events++] = what;
}

static int count_of(int what)
{
	int i, n = 0;

	for (i = 0; i < nr_events; i++)
		n += events[i] == what;
	return n;
}

static int notified(struct notifier_block *nb, unsigned long action,
		    void *data)
{
	record((int)action);
	return NOTIFY_DONE;
}

static struct notifier_block recorder = { .notifier_call = notified };

static void devres_action(void *data)
{
	record(EV_DEVRES);
}

/* What the probe of the drivers below should do. */
static int probe_result;
static int devres_at_probe;
static bool probe_context_ok;
static struct platform_device *probed;

static int a_probe(struct platform_device *pdev)
{
	/* process context, may sleep */
	probe_context_ok = !in_interrupt() && preemptible();
	record(EV_PROBE);
	devres_at_probe = count_of(EV_DEVRES);
	probed = pdev;
	if (devm_add_action(&pdev->dev, devres_action, NULL))
		return -ENOMEM;
	platform_set_drvdata(pdev, &nr_events);
	return probe_result;
}

static int a_remove(struct platform_device *pdev)
{
	record(EV_REMOVE);
	/* drvdata still set, managed resources still there */
	CU_ASSERT_PTR_EQUAL(platform_get_drvdata(pdev), &nr_events);
	CU_ASSERT_EQUAL(count_of(EV_DEVRES), devres_at_probe);
	return 0;
}

static struct platform_driver drv_a = {
	.probe = a_probe,
	.remove = a_remove,
	.driver = { .name = "kshim-a" },
};

static void test_setup(void)
{
	nr_events = 0;
	probe_result = 0;
	probe_context_ok = false;
	probed = NULL;
}

/* ---- positive: binding, order of events ---- */

static void test_driver_then_device(void)
{
	struct platform_device *pdev;
	static const int expect[] = {
		BUS_NOTIFY_ADD_DEVICE, BUS_NOTIFY_BIND_DRIVER, EV_PROBE,
		BUS_NOTIFY_BOUND_DRIVER,
		/* platform_device_unregister(): */
		BUS_NOTIFY_DEL_DEVICE, BUS_NOTIFY_UNBIND_DRIVER, EV_REMOVE,
		EV_DEVRES, BUS_NOTIFY_UNBOUND_DRIVER,
		BUS_NOTIFY_REMOVED_DEVICE,
	};
	size_t i;

	CU_ASSERT_EQUAL_FATAL(bus_register_notifier(&platform_bus_type,
						    &recorder), 0);
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&drv_a), 0);
	CU_ASSERT_EQUAL(nr_events, 0);
	pdev = platform_device_register_simple("kshim-a", 3, NULL, 0);
	CU_ASSERT_FALSE_FATAL(IS_ERR(pdev));
	CU_ASSERT_STRING_EQUAL(dev_name(&pdev->dev), "kshim-a.3");
	CU_ASSERT_PTR_EQUAL(probed, pdev);
	CU_ASSERT_TRUE(probe_context_ok);
	CU_ASSERT_PTR_EQUAL(pdev->dev.driver, &drv_a.driver);
	CU_ASSERT_TRUE(device_is_bound(&pdev->dev));
	CU_ASSERT_STRING_EQUAL(kshim_device_driver(&pdev->dev), "kshim-a");
	/* the kernel's default DMA masks of a platform device */
	CU_ASSERT_EQUAL(*pdev->dev.dma_mask, 0xffffffffULL);
	CU_ASSERT_EQUAL(pdev->dev.coherent_dma_mask, 0xffffffffULL);
	platform_device_unregister(pdev);
	CU_ASSERT_EQUAL(bus_unregister_notifier(&platform_bus_type,
						&recorder), 0);
	platform_driver_unregister(&drv_a);
	CU_ASSERT_EQUAL_FATAL(nr_events, (int)ARRAY_SIZE(expect));
	for (i = 0; i < ARRAY_SIZE(expect); i++)
		CU_ASSERT_EQUAL(events[i], expect[i]);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_device_then_driver(void)
{
	static struct resource res[] = {
		DEFINE_RES_IRQ(5),
	};
	struct platform_device *pdev;

	pdev = platform_device_register_simple("kshim-a", PLATFORM_DEVID_NONE,
					       res, ARRAY_SIZE(res));
	CU_ASSERT_FALSE_FATAL(IS_ERR(pdev));
	CU_ASSERT_STRING_EQUAL(dev_name(&pdev->dev), "kshim-a");
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	CU_ASSERT_EQUAL(platform_driver_register(&drv_a), 0);
	CU_ASSERT_PTR_EQUAL(probed, pdev);
	CU_ASSERT_PTR_EQUAL(platform_get_drvdata(pdev), &nr_events);
	/* driver_unregister(): remove, then the managed resources */
	platform_driver_unregister(&drv_a);
	CU_ASSERT_EQUAL_FATAL(nr_events, 3);
	CU_ASSERT_EQUAL(events[0], EV_PROBE);
	CU_ASSERT_EQUAL(events[1], EV_REMOVE);
	CU_ASSERT_EQUAL(events[2], EV_DEVRES);
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	CU_ASSERT_PTR_NULL(platform_get_drvdata(pdev));
	platform_device_unregister(pdev);
}

static void test_auto_id_and_data(void)
{
	struct platform_device *p1, *p2;
	static const int data = 42;

	p1 = platform_device_register_data(NULL, "kshim-auto",
					   PLATFORM_DEVID_AUTO, &data,
					   sizeof(data));
	p2 = platform_device_register_simple("kshim-auto", PLATFORM_DEVID_AUTO,
					     NULL, 0);
	CU_ASSERT_FALSE_FATAL(IS_ERR(p1) || IS_ERR(p2));
	CU_ASSERT_STRING_EQUAL(dev_name(&p1->dev), "kshim-auto.0.auto");
	CU_ASSERT_STRING_EQUAL(dev_name(&p2->dev), "kshim-auto.1.auto");
	/* a copy of the data */
	CU_ASSERT_PTR_NOT_EQUAL(p1->dev.platform_data, &data);
	CU_ASSERT_EQUAL(*(const int *)p1->dev.platform_data, 42);
	CU_ASSERT_PTR_NULL(p2->dev.platform_data);
	platform_device_unregister(p1);
	platform_device_unregister(p2);
}

static const struct platform_device_id b_ids[] = {
	{ "kshim-b1", 11 },
	{ "kshim-b2", 22 },
	{ }
};

static kernel_ulong_t b_driver_data;

static int b_probe(struct platform_device *pdev)
{
	record(EV_PROBE_B);
	b_driver_data = platform_get_device_id(pdev)->driver_data;
	return 0;
}

static int b_remove(struct platform_device *pdev)
{
	record(EV_REMOVE_B);
	return 0;
}

static struct platform_driver drv_b = {
	.probe = b_probe,
	.remove = b_remove,
	.id_table = b_ids,
	.driver = { .name = "kshim-b" },
};

static void test_match_id_table_and_override(void)
{
	struct platform_device *p2, *pn, *pa;

	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&drv_b), 0);
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&drv_a), 0);
	p2 = platform_device_register_simple("kshim-b2", 0, NULL, 0);
	CU_ASSERT_PTR_EQUAL(p2->dev.driver, &drv_b.driver);
	CU_ASSERT_EQUAL(b_driver_data, 22);
	CU_ASSERT_PTR_EQUAL(p2->id_entry, &b_ids[1]);
	/* An id_table replaces the name: "kshim-b" itself does not match. */
	pn = platform_device_register_simple("kshim-b", 0, NULL, 0);
	CU_ASSERT_PTR_NULL(pn->dev.driver);
	/* driver_override: only that driver, whatever the name says */
	pa = platform_device_alloc("kshim-b1", 7);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pa);
	CU_ASSERT_EQUAL(driver_set_override(&pa->dev, &pa->driver_override,
					    "kshim-a\n", 8), 0);
	CU_ASSERT_STRING_EQUAL(pa->driver_override, "kshim-a");
	CU_ASSERT_EQUAL(platform_device_add(pa), 0);
	CU_ASSERT_PTR_EQUAL(pa->dev.driver, &drv_a.driver);
	CU_ASSERT_PTR_EQUAL(probed, pa);
	platform_device_unregister(pa);
	platform_device_unregister(pn);
	platform_device_unregister(p2);
	platform_driver_unregister(&drv_a);
	platform_driver_unregister(&drv_b);
	CU_ASSERT_EQUAL(count_of(EV_PROBE_B), 1);
	CU_ASSERT_EQUAL(count_of(EV_REMOVE_B), 1);
}

/* ---- probe failures and deferral ---- */

static void test_probe_failure_releases_resources(void)
{
	struct platform_device *pdev;

	probe_result = -EIO;
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&drv_a), 0);
	pdev = platform_device_register_simple("kshim-a", 1, NULL, 0);
	CU_ASSERT_FALSE_FATAL(IS_ERR(pdev));
	/* managed resources released, no remove(), not bound */
	CU_ASSERT_EQUAL_FATAL(nr_events, 2);
	CU_ASSERT_EQUAL(events[0], EV_PROBE);
	CU_ASSERT_EQUAL(events[1], EV_DEVRES);
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	CU_ASSERT_PTR_NULL(platform_get_drvdata(pdev));
	CU_ASSERT_TRUE(kshim_dmesg_contains("kshim-a: probe of kshim-a.1 failed with error -5\n"));
	/* -ENODEV means "not mine": no message */
	kshim_dmesg_clear();
	probe_result = -ENODEV;
	CU_ASSERT_EQUAL(kshim_device_bind(&pdev->dev, "kshim-a"), -ENODEV);
	CU_ASSERT_FALSE(kshim_dmesg_contains("probe of"));
	/* bound by hand once the probe works */
	probe_result = 0;
	CU_ASSERT_EQUAL(kshim_device_bind(&pdev->dev, "kshim-a"), 0);
	CU_ASSERT_EQUAL(kshim_device_bind(&pdev->dev, "kshim-a"), -EBUSY);
	CU_ASSERT_EQUAL(kshim_device_bind(&pdev->dev, "nobody"), -ENODEV);
	kshim_device_unbind(&pdev->dev);
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	CU_ASSERT_EQUAL(count_of(EV_REMOVE), 1);
	platform_device_unregister(pdev);
	platform_driver_unregister(&drv_a);
}

/* A consumer whose supplier ("kshim-sup") must be bound first. */
static bool supplier_ready;

static int consumer_probe(struct platform_device *pdev)
{
	record(EV_PROBE);
	return supplier_ready ? 0 : -EPROBE_DEFER;
}

static int supplier_probe(struct platform_device *pdev)
{
	record(EV_PROBE_B);
	supplier_ready = true;
	return 0;
}

static struct platform_driver consumer = {
	.probe = consumer_probe,
	.driver = { .name = "kshim-consumer" },
};

static struct platform_driver supplier = {
	.probe = supplier_probe,
	.driver = { .name = "kshim-sup" },
};

static void test_deferred_probe(void)
{
	struct platform_device *c, *s;

	supplier_ready = false;
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&consumer), 0);
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&supplier), 0);
	c = platform_device_register_simple("kshim-consumer", 0, NULL, 0);
	CU_ASSERT_PTR_NULL(c->dev.driver);	/* deferred, quietly */
	CU_ASSERT_FALSE(kshim_dmesg_contains("failed with error"));
	s = platform_device_register_simple("kshim-sup", 0, NULL, 0);
	/* the supplier bound: the consumer was retried, and bound */
	CU_ASSERT_PTR_EQUAL(s->dev.driver, &supplier.driver);
	CU_ASSERT_PTR_EQUAL(c->dev.driver, &consumer.driver);
	CU_ASSERT_EQUAL(count_of(EV_PROBE), 2);
	platform_device_unregister(c);
	platform_device_unregister(s);
	platform_driver_unregister(&supplier);
	platform_driver_unregister(&consumer);
}

static struct platform_driver once = {
	.driver = { .name = "kshim-once" },
};

static void test_platform_driver_probe(void)
{
	struct platform_device *pdev;

	/* nothing to bind: -ENODEV, and it is not left registered */
	CU_ASSERT_EQUAL(platform_driver_probe(&once, supplier_probe), -ENODEV);
	pdev = platform_device_register_simple("kshim-once", 0, NULL, 0);
	CU_ASSERT_EQUAL(platform_driver_probe(&once, supplier_probe), 0);
	CU_ASSERT_PTR_EQUAL(pdev->dev.driver, &once.driver);
	platform_device_unregister(pdev);
	/* a device added later does not bind any more */
	pdev = platform_device_register_simple("kshim-once", 1, NULL, 0);
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	platform_device_unregister(pdev);
	platform_driver_unregister(&once);
}

/* ---- dev_printk ---- */

static void test_dev_printk_prefix(void)
{
	struct platform_device *pdev;
	int i;

	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&drv_a), 0);
	pdev = platform_device_register_simple("kshim-a", 9, NULL, 0);
	dev_err(&pdev->dev, "bound %d\n", 1);
	CU_ASSERT_TRUE(kshim_dmesg_contains("kshim-a kshim-a.9: bound 1\n"));
	CU_ASSERT_STRING_EQUAL(dev_driver_string(&pdev->dev), "kshim-a");
	kshim_device_unbind(&pdev->dev);
	/* unbound: the bus's name */
	dev_info(&pdev->dev, "unbound\n");
	CU_ASSERT_TRUE(kshim_dmesg_contains("platform kshim-a.9: unbound\n"));
	dev_warn(NULL, "nobody\n");
	CU_ASSERT_TRUE(kshim_dmesg_contains("(NULL device *): nobody\n"));
	/* dev_err_probe(): the symbolic error, returned */
	CU_ASSERT_EQUAL(dev_err_probe(&pdev->dev, -ENOMEM, "no %s\n", "ram"),
			-ENOMEM);
	CU_ASSERT_TRUE(kshim_dmesg_contains("platform kshim-a.9: error -ENOMEM: no ram\n"));
	kshim_dmesg_clear();
	CU_ASSERT_EQUAL(dev_err_probe(&pdev->dev, -EPROBE_DEFER, "later\n"),
			-EPROBE_DEFER);
	CU_ASSERT_FALSE(kshim_dmesg_contains("later"));
	/* dev_dbg() is compiled out without DEBUG */
	dev_dbg(&pdev->dev, "debug\n");
	CU_ASSERT_FALSE(kshim_dmesg_contains("debug"));
	/* ten per place, then quiet */
	for (i = 0; i < 15; i++)
		dev_err_ratelimited(&pdev->dev, "burst %d\n", i);
	CU_ASSERT_TRUE(kshim_dmesg_contains("burst 9\n"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("burst 10\n"));
	platform_device_unregister(pdev);
	platform_driver_unregister(&drv_a);
}

static void test_dev_warn_at_line(void)
{
	struct platform_device *pdev;

	pdev = platform_device_register_simple("kshim-w", 0, NULL, 0);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "devwarn");
	dev_WARN(&pdev->dev, "odd state %d\n", 3); /* LINE:devwarn */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      "platform kshim-w.0: odd state 3\n"));
	platform_device_unregister(pdev);
}

/* ---- resources and IRQs ---- */

static void test_resources_and_irqs(void)
{
	static struct resource res[] = {
		DEFINE_RES_IRQ_NAMED(6, "rx"),
		DEFINE_RES_MEM_NAMED(0x7000000000ULL, 0x100, "regs"),
		DEFINE_RES_IRQ(7),
	};
	struct platform_device *pdev;
	struct resource *r;

	pdev = platform_device_register_simple("kshim-r", 0, res,
					       ARRAY_SIZE(res));
	CU_ASSERT_FALSE_FATAL(IS_ERR(pdev));
	CU_ASSERT_EQUAL(platform_get_irq(pdev, 0), 6);
	CU_ASSERT_EQUAL(platform_get_irq(pdev, 1), 7);
	CU_ASSERT_EQUAL(platform_irq_count(pdev), 2);
	CU_ASSERT_EQUAL(platform_get_irq_byname(pdev, "rx"), 6);
	CU_ASSERT_EQUAL(kshim_device_irq(&pdev->dev, 1), 7);
	r = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->start, 0x7000000000ULL);
	CU_ASSERT_EQUAL(resource_size(r), 0x100);
	CU_ASSERT_PTR_EQUAL(platform_get_resource_byname(pdev, IORESOURCE_MEM,
							 "regs"), r);
	/* claimed in iomem_resource while registered */
	CU_ASSERT_PTR_EQUAL(r->parent, &iomem_resource);
	CU_ASSERT_PTR_NULL(platform_get_resource(pdev, IORESOURCE_MEM, 1));
	/* missing: -ENXIO, the kernel's text, none for _optional */
	CU_ASSERT_EQUAL(platform_get_irq_optional(pdev, 2), -ENXIO);
	CU_ASSERT_FALSE(kshim_dmesg_contains("not found"));
	CU_ASSERT_EQUAL(platform_get_irq(pdev, 2), -ENXIO);
	CU_ASSERT_TRUE(kshim_dmesg_contains("platform kshim-r.0: error -ENXIO: IRQ index 2 not found\n"));
	CU_ASSERT_EQUAL(platform_get_irq_byname(pdev, "tx"), -ENXIO);
	CU_ASSERT_TRUE(kshim_dmesg_contains("platform kshim-r.0: error -ENXIO: IRQ tx not found\n"));
	platform_device_unregister(pdev);
	CU_ASSERT_PTR_NULL(res[1].parent);	/* the copy was released */
}

static void test_irq_zero_warns(void)
{
	static struct resource res[] = { DEFINE_RES_IRQ(0) };
	struct platform_device *pdev;

	pdev = platform_device_register_simple("kshim-z", 0, res, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "0 is an invalid IRQ number\n", 1);
	CU_ASSERT_EQUAL(platform_get_irq_optional(pdev, 0), -EINVAL); /* LINE:irq0 */
	assert_report_at(KSHIM_REPORT_WARNING, "irq0");
	platform_device_unregister(pdev);
}

static void test_resource_conflict(void)
{
	static struct resource res[] = {
		DEFINE_RES_MEM(0x7100000000ULL, 0x1000),
		DEFINE_RES_MEM(0x7100000800ULL, 0x1000),
	};
	struct platform_device *p1, *p2, *p3;

	p1 = platform_device_register_simple("kshim-c", 1, res, 1);
	CU_ASSERT_FALSE_FATAL(IS_ERR(p1));
	/* The same range nests (insert_resource()), as in the kernel. */
	p3 = platform_device_register_simple("kshim-c", 3, res, 1);
	CU_ASSERT_FALSE_FATAL(IS_ERR(p3));
	/* A partial overlap conflicts. */
	p2 = platform_device_register_simple("kshim-c", 2, &res[1], 1);
	CU_ASSERT_EQUAL(PTR_ERR(p2), -EBUSY);
	CU_ASSERT_TRUE(kshim_dmesg_contains("platform kshim-c.2: failed to claim resource 0: [mem 0x7100000800-0x71000017ff]\n"));
	/* the nested one (p1's, under p3's) leaves first */
	platform_device_unregister(p1);
	platform_device_unregister(p3);
}

/* ---- managed IRQs ---- */

static int irq_count;

static irqreturn_t count_irq(int irq, void *dev_id)
{
	CU_ASSERT_TRUE(in_irq());
	__atomic_add_fetch(&irq_count, 1, __ATOMIC_SEQ_CST);
	return IRQ_HANDLED;
}

static int irq_probe(struct platform_device *pdev)
{
	int irq = platform_get_irq(pdev, 0);

	if (irq < 0)
		return irq;
	return devm_request_irq(&pdev->dev, irq, count_irq, 0, NULL, pdev);
}

static struct platform_driver irq_drv = {
	.probe = irq_probe,
	.driver = { .name = "kshim-irq" },
};

static void test_devm_request_irq(void)
{
	static struct resource res[] = { DEFINE_RES_IRQ(9) };
	struct platform_device *pdev;

	irq_count = 0;
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&irq_drv), 0);
	pdev = platform_device_register_simple("kshim-irq", 0, res, 1);
	CU_ASSERT_PTR_EQUAL_FATAL(pdev->dev.driver, &irq_drv.driver);
	CU_ASSERT_EQUAL(kshim_device_raise_irq(&pdev->dev, 0), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(9), 0);
	CU_ASSERT_EQUAL(__atomic_load_n(&irq_count, __ATOMIC_SEQ_CST), 1);
	CU_ASSERT_EQUAL(kshim_device_raise_irq(&pdev->dev, 1), -ENXIO);
	/* hot-unplug: remove, the handler freed with the device's resources */
	kshim_device_unplug(&pdev->dev);
	CU_ASSERT_EQUAL(kshim_raise_irq(9), -ENXIO);
	platform_driver_unregister(&irq_drv);
}

static void test_devm_free_irq_unmanaged_warns(void)
{
	struct platform_device *pdev;

	pdev = platform_device_register_simple("kshim-f", 0, NULL, 0);
	CU_ASSERT_EQUAL(request_irq(10, count_irq, 0, "plain", pdev), 0);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "devmfree");
	devm_free_irq(&pdev->dev, 10, pdev); /* LINE:devmfree */
	CU_ASSERT_EQUAL(kshim_raise_irq(10), -ENXIO);	/* freed anyway */
	platform_device_unregister(pdev);
}

/* ---- kshim's unbind check ---- */

static bool leak_irq;

static int leaky_probe(struct platform_device *pdev)
{
	return request_irq(11, count_irq, 0, "leaky", pdev); /* LINE:leakirq */
}

static int leaky_remove(struct platform_device *pdev)
{
	if (!leak_irq)
		free_irq(11, pdev);
	return 0;
}

static struct platform_driver leaky = {
	.probe = leaky_probe,
	.remove = leaky_remove,
	.driver = { .name = "kshim-leaky" },
};

static void test_unbind_irq_leak_reported(void)
{
	static struct resource res[] = { DEFINE_RES_IRQ(11) };
	struct platform_device *pdev;
	const struct kshim_report *r;

	leak_irq = true;
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&leaky), 0);
	pdev = platform_device_register_simple("kshim-leaky", 0, res, 1);
	CU_ASSERT_PTR_EQUAL_FATAL(pdev->dev.driver, &leaky.driver);
	expect_report_at_in(__FILE__, KSHIM_REPORT_UNBIND_LEAK,
			    "requested at ", "leakirq");
	platform_driver_unregister(&leaky);
	r = kshim_report_last(KSHIM_REPORT_UNBIND_LEAK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text,
		"kshim: kshim-leaky kshim-leaky.0: driver unbound with IRQ 11 still requested (\"leaky\", requested at "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "free_irq() it in remove()"));
	/* clean up what the driver left */
	free_irq(11, pdev);
	platform_device_unregister(pdev);
}

static void test_unbind_irq_freed_is_silent(void)
{
	static struct resource res[] = { DEFINE_RES_IRQ(11) };
	struct platform_device *pdev;

	leak_irq = false;
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&leaky), 0);
	pdev = platform_device_register_simple("kshim-leaky", 0, res, 1);
	CU_ASSERT_PTR_EQUAL_FATAL(pdev->dev.driver, &leaky.driver);
	platform_device_unregister(pdev);
	platform_driver_unregister(&leaky);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* A handler another party had on the line before probe is not a leak. */
static void test_unbind_shared_line_not_blamed(void)
{
	static struct resource res[] = { DEFINE_RES_IRQ(12) };
	struct platform_device *pdev;
	static int other;

	CU_ASSERT_EQUAL(request_irq(12, count_irq, IRQF_SHARED, "other",
				    &other), 0);
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&irq_drv), 0);
	/* irq_drv requests without IRQF_SHARED: -EBUSY, probe fails */
	pdev = platform_device_register_simple("kshim-irq", 0, res, 1);
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	CU_ASSERT_TRUE(kshim_dmesg_contains("kshim-irq: probe of kshim-irq.0 failed with error -16\n"));
	platform_device_unregister(pdev);
	platform_driver_unregister(&irq_drv);
	free_irq(12, &other);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void __iomem *leaked_regs;

static int map_probe(struct platform_device *pdev)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	leaked_regs = ioremap(r->start, resource_size(r)); /* LINE:leakmap */
	return leaked_regs ? 0 : -ENOMEM;
}

static struct platform_driver mapper = {
	.probe = map_probe,
	.driver = { .name = "kshim-map" },
};

static void test_unbind_ioremap_leak_reported(void)
{
	struct kshim_mmio_region *region = kshim_mmio_create(0x100, NULL,
							     NULL);
	struct resource res[1];
	struct platform_device *pdev;
	const struct kshim_report *r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(region);
	res[0] = (struct resource)DEFINE_RES_MEM(kshim_mmio_phys(region),
						 0x100);
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&mapper), 0);
	pdev = platform_device_register_simple("kshim-map", 0, res, 1);
	CU_ASSERT_PTR_EQUAL_FATAL(pdev->dev.driver, &mapper.driver);
	expect_report_at_in(__FILE__, KSHIM_REPORT_UNBIND_LEAK,
			    "mapped at ", "leakmap");
	kshim_device_unbind(&pdev->dev);
	r = kshim_report_last(KSHIM_REPORT_UNBIND_LEAK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text,
		"kshim: kshim-map kshim-map.0: driver unbound with an ioremap of [mem "));
	iounmap(leaked_regs);
	platform_device_unregister(pdev);
	platform_driver_unregister(&mapper);
	kshim_mmio_destroy(region);
}

/* The same with devm_platform_ioremap_resource(): released, silent. */
static int devm_map_probe(struct platform_device *pdev)
{
	void __iomem *regs = devm_platform_ioremap_resource(pdev, 0);

	if (IS_ERR(regs))
		return PTR_ERR(regs);
	writel(0x1234, regs + 4);
	return 0;
}

static struct platform_driver devm_mapper = {
	.probe = devm_map_probe,
	.driver = { .name = "kshim-map" },
};

static void test_devm_ioremap_is_silent(void)
{
	struct kshim_mmio_region *region = kshim_mmio_create(0x100, NULL,
							     NULL);
	struct resource res[1];
	struct platform_device *pdev;

	CU_ASSERT_PTR_NOT_NULL_FATAL(region);
	res[0] = (struct resource)DEFINE_RES_MEM(kshim_mmio_phys(region),
						 0x100);
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&devm_mapper), 0);
	pdev = platform_device_register_simple("kshim-map", 0, res, 1);
	CU_ASSERT_PTR_EQUAL_FATAL(pdev->dev.driver, &devm_mapper.driver);
	CU_ASSERT_EQUAL(((uint32_t *)kshim_mmio_mem(region))[1], 0x1234);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(region), 1);
	kshim_device_unplug(&pdev->dev);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(region), 0);
	platform_driver_unregister(&devm_mapper);
	kshim_mmio_destroy(region);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the kernel's errors ---- */

static void test_register_twice_fails(void)
{
	static struct platform_driver dup = {
		.driver = { .name = "kshim-a" },
	};

	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&drv_a), 0);
	CU_ASSERT_EQUAL(platform_driver_register(&dup), -EBUSY);
	CU_ASSERT_TRUE(kshim_dmesg_contains("Error: Driver 'kshim-a' is already registered, aborting...\n"));
	platform_driver_unregister(&drv_a);
}

static void test_unregister_unknown_warns(void)
{
	static struct platform_driver never = {
		.driver = { .name = "kshim-never" },
	};

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "unexp");
	platform_driver_unregister(&never); /* LINE:unexp */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      "Unexpected driver unregister!\n"));
}

static int bad_remove(struct platform_device *pdev)
{
	return -EBUSY;
}

static int plain_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver bad_rm = {
	.probe = plain_probe,
	.remove = bad_remove,
	.driver = { .name = "kshim-badrm" },
};

static void test_remove_error_ignored(void)
{
	struct platform_device *pdev;

	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&bad_rm), 0);
	pdev = platform_device_register_simple("kshim-badrm", 0, NULL, 0);
	CU_ASSERT_PTR_EQUAL(pdev->dev.driver, &bad_rm.driver);
	platform_driver_unregister(&bad_rm);
	CU_ASSERT_TRUE(kshim_dmesg_contains("kshim-badrm kshim-badrm.0: remove callback returned a non-zero value. This will be ignored.\n"));
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	platform_device_unregister(pdev);
}

static void test_resources_before_probe(void)
{
	struct platform_device *pdev;

	pdev = platform_device_alloc("kshim-a", 5);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pdev);
	CU_ASSERT_EQUAL(platform_device_add(pdev), 0);
	CU_ASSERT_PTR_NOT_NULL(devm_kmalloc(&pdev->dev, 8, GFP_KERNEL));
	CU_ASSERT_EQUAL(platform_driver_register(&drv_a), 0);
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	CU_ASSERT_EQUAL(count_of(EV_PROBE), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("platform kshim-a.5: Resources present before probing\n"));
	platform_driver_unregister(&drv_a);
	platform_device_unregister(pdev);
}

static void test_leaked_driver_on_ledger(void)
{
	static struct platform_driver left = {
		.driver = { .name = "kshim-left" },
	};

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "kshim: driver 'kshim-left' (bus platform) registered at ",
			    "leftdrv");
	CU_ASSERT_EQUAL(platform_driver_register(&left), 0); /* LINE:leftdrv */
}

static CU_TestInfo binding_tests[] = {
	{ "driver_then_device", test_driver_then_device },
	{ "device_then_driver", test_device_then_driver },
	{ "auto_id_and_data", test_auto_id_and_data },
	{ "match_id_table_and_override", test_match_id_table_and_override },
	{ "probe_failure_releases_resources",
	  test_probe_failure_releases_resources },
	{ "deferred_probe", test_deferred_probe },
	{ "platform_driver_probe", test_platform_driver_probe },
	{ "dev_printk_prefix", test_dev_printk_prefix },
	{ "resources_and_irqs", test_resources_and_irqs },
	{ "resource_conflict", test_resource_conflict },
	{ "devm_request_irq", test_devm_request_irq },
	{ "unbind_irq_freed_is_silent", test_unbind_irq_freed_is_silent },
	{ "unbind_shared_line_not_blamed", test_unbind_shared_line_not_blamed },
	{ "devm_ioremap_is_silent", test_devm_ioremap_is_silent },
	{ "register_twice_fails", test_register_twice_fails },
	{ "remove_error_ignored", test_remove_error_ignored },
	{ "resources_before_probe", test_resources_before_probe },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo report_tests[] = {
	{ "dev_warn_at_line", test_dev_warn_at_line },
	{ "irq_zero_warns", test_irq_zero_warns },
	{ "devm_free_irq_unmanaged_warns", test_devm_free_irq_unmanaged_warns },
	{ "unbind_irq_leak_reported", test_unbind_irq_leak_reported },
	{ "unbind_ioremap_leak_reported", test_unbind_ioremap_leak_reported },
	{ "unregister_unknown_warns", test_unregister_unknown_warns },
	{ "leaked_driver_on_ledger", test_leaked_driver_on_ledger },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "binding", NULL, NULL, test_setup, NULL, binding_tests },
	{ "reports", NULL, NULL, test_setup, NULL, report_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
