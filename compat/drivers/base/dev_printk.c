// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/dev_printk.c - printk() about a device, the
 * dev_printk part of drivers/base/core.c of 6.1 (see linux/dev_printk.h):
 * "<level><driver> <device>: <message>", where <driver> is
 * dev_driver_string(): the bound driver's name, else the bus's or the
 * class's, else ""; a NULL device gives "(NULL device *): ".
 * dev_err_probe()/dev_warn_probe() print "error %pe: <message>" at error
 * (warning) level unless the error is -EPROBE_DEFER, which is only a
 * debug message (the kernel also records it as the deferral reason).
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/printk.h>

const char *dev_driver_string(const struct device *dev)
{
	/* The driver may be unbound meanwhile: read it once. */
	struct device_driver *drv = READ_ONCE(dev->driver);

	return drv ? drv->name : dev_bus_name(dev);
}
EXPORT_SYMBOL(dev_driver_string);

int dev_vprintk_emit(int level, const struct device *dev,
		     const char *fmt, va_list args)
{
	char prefix[4] = { KERN_SOH_ASCII, '0' + level, '\0' };
	struct va_format vaf;
	va_list copy;
	int r;

	/* level < 0: the message carries its own (or the default) level */
	if (level < 0)
		prefix[0] = '\0';
	va_copy(copy, args);
	vaf.fmt = fmt;
	vaf.va = &copy;
	r = printk("%s%pV", prefix, &vaf);
	va_end(copy);
	return r;
}
EXPORT_SYMBOL(dev_vprintk_emit);

int dev_printk_emit(int level, const struct device *dev, const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = dev_vprintk_emit(level, dev, fmt, args);
	va_end(args);
	return r;
}
EXPORT_SYMBOL(dev_printk_emit);

static void print_about(const char *level, const struct device *dev,
			struct va_format *vaf)
{
	if (!dev) {
		printk("%s(NULL device *): %pV", level, vaf);
		return;
	}
	dev_printk_emit(level[1] - '0', dev, "%s %s: %pV",
			dev_driver_string(dev), dev_name(dev), vaf);
}

void _dev_printk(const char *level, const struct device *dev,
		 const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	print_about(level, dev, &vaf);
	va_end(args);
}
EXPORT_SYMBOL(_dev_printk);

#define DEV_PRINTK_LEVEL(name, level)					\
void name(const struct device *dev, const char *fmt, ...)		\
{									\
	struct va_format vaf;						\
	va_list args;							\
									\
	va_start(args, fmt);						\
	vaf.fmt = fmt;							\
	vaf.va = &args;							\
	print_about(level, dev, &vaf);					\
	va_end(args);							\
}									\
EXPORT_SYMBOL(name)

DEV_PRINTK_LEVEL(_dev_emerg, KERN_EMERG);
DEV_PRINTK_LEVEL(_dev_alert, KERN_ALERT);
DEV_PRINTK_LEVEL(_dev_crit, KERN_CRIT);
DEV_PRINTK_LEVEL(_dev_err, KERN_ERR);
DEV_PRINTK_LEVEL(_dev_warn, KERN_WARNING);
DEV_PRINTK_LEVEL(_dev_notice, KERN_NOTICE);
DEV_PRINTK_LEVEL(_dev_info, KERN_INFO);

static void probe_failure(const struct device *dev, int err, bool fatal,
			  const char *fmt, va_list args)
{
	struct va_format vaf;
	va_list copy;

	va_copy(copy, args);
	vaf.fmt = fmt;
	vaf.va = &copy;
	if (err == -EPROBE_DEFER)
		/* the kernel notes the reason; the message is dev_dbg() */
		no_printk(KERN_DEBUG "%pV", &vaf);
	else if (fatal)
		_dev_err(dev, "error %pe: %pV", ERR_PTR(err), &vaf);
	else
		_dev_warn(dev, "error %pe: %pV", ERR_PTR(err), &vaf);
	va_end(copy);
}

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	probe_failure(dev, err, true, fmt, args);
	va_end(args);
	return err;
}
EXPORT_SYMBOL_GPL(dev_err_probe);

int dev_warn_probe(const struct device *dev, int err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	probe_failure(dev, err, false, fmt, args);
	va_end(args);
	return err;
}
EXPORT_SYMBOL_GPL(dev_warn_probe);
