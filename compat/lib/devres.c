// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/devres.c - managed MMIO mappings, as lib/devres.c of 6.1:
 * devm_ioremap(), devm_ioremap_uc(), devm_ioremap_wc(), devm_iounmap(),
 * devm_ioremap_resource(), devm_ioremap_resource_wc(),
 * devm_arch_phys_wc_add(), devm_arch_io_reserve_memtype_wc().
 *
 * The mapping is a devres entry holding the address; the device's devres
 * release unmaps it.  devm_ioremap_resource() checks the resource ("invalid
 * resource"), claims it with devm_request_mem_region() under the name
 * "<device> <resource name>" ("can't request region for resource %pR"
 * when a busy region overlaps), and maps it ("ioremap failed for resource
 * %pR"), returning IOMEM_ERR_PTR(-EINVAL/-EBUSY/-ENOMEM) as the kernel
 * does.  kshim: the mapping and the claim name the driver's line (the
 * ledger, D1's unbind check); IORESOURCE_MEM_NONPOSTED asks for
 * ioremap_np(), which x86 does not have (NULL: "ioremap failed").
 * devm_ioport_map() is not provided (kshim has no port I/O).
 */
#include <linux/device.h>
#include <linux/export.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/slab.h>

static void devm_ioremap_release(struct device *dev, void *res)
{
	/* unmapped "by the devres release" of the device */
	static const struct kshim_site release_site = {
		"(devres release)", 0, "devm_ioremap_release", NULL
	};

	__kshim_iounmap(*(void __iomem **)res, &release_site);
}

static int devm_ioremap_match(struct device *dev, void *res, void *data)
{
	return *(void **)res == data;
}

void __iomem *__kshim_devm_ioremap(struct device *dev,
				   resource_size_t offset,
				   resource_size_t size,
				   enum kshim_ioremap_kind kind,
				   const struct kshim_site *site)
{
	void __iomem *addr;
	void __iomem **ptr = __kshim_devres_alloc_node(devm_ioremap_release, sizeof(*ptr),
					GFP_KERNEL, NUMA_NO_NODE,
					"devm_ioremap_release", site);

	if (!ptr)
		return NULL;
	addr = __kshim_ioremap(offset, size, kind, site);
	if (addr) {
		*ptr = addr;
		__kshim_devres_add(dev, ptr, site);
	} else {
		__kshim_devres_free(ptr, site);
	}
	return addr;
}

void __kshim_devm_iounmap(struct device *dev, void __iomem *addr,
			  const struct kshim_site *site)
{
	if (unlikely(devres_destroy(dev, devm_ioremap_release,
				    devm_ioremap_match, (void *)addr)))
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, NULL);
	__kshim_iounmap(addr, site);
}

void __iomem *__kshim_devm_ioremap_resource(struct device *dev,
					    const struct resource *res,
					    enum kshim_ioremap_kind kind,
					    const struct kshim_site *site)
{
	resource_size_t size;
	void __iomem *dest_ptr;
	char *pretty_name;

	if (unlikely(!dev))
		__kshim_bug(kshim_site_file(site), kshim_site_line(site),
			    kshim_site_func(site), site ? site->mod : NULL);

	if (!res || resource_type(res) != IORESOURCE_MEM) {
		dev_err(dev, "invalid resource\n");
		return IOMEM_ERR_PTR(-EINVAL);
	}

	/* a non-posted mapping: asm-generic's ioremap_np() fails on x86 */
	if (kind == KSHIM_IOREMAP && res->flags & IORESOURCE_MEM_NONPOSTED)
		kind = KSHIM_IOREMAP_NP;

	size = resource_size(res);
	if (res->name)
		pretty_name = devm_kasprintf(dev, GFP_KERNEL, "%s %s",
					     dev_name(dev), res->name);
	else
		pretty_name = devm_kstrdup(dev, dev_name(dev), GFP_KERNEL);
	if (!pretty_name) {
		dev_err(dev, "can't generate pretty name for resource %pR\n",
			res);
		return IOMEM_ERR_PTR(-ENOMEM);
	}

	if (!__kshim_devm_request_region(dev, &iomem_resource, res->start,
					 size, pretty_name, site)) {
		dev_err(dev, "can't request region for resource %pR\n", res);
		return IOMEM_ERR_PTR(-EBUSY);
	}

	dest_ptr = __kshim_devm_ioremap(dev, res->start, size, kind, site);
	if (!dest_ptr) {
		dev_err(dev, "ioremap failed for resource %pR\n", res);
		__kshim_devm_release_region(dev, &iomem_resource, res->start,
					    size, site);
		dest_ptr = IOMEM_ERR_PTR(-ENOMEM);
	}
	return dest_ptr;
}

#undef devm_ioremap
#undef devm_ioremap_uc
#undef devm_ioremap_wc
#undef devm_iounmap
#undef devm_ioremap_resource
#undef devm_ioremap_resource_wc

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size)
{
	return __kshim_devm_ioremap(dev, offset, size, KSHIM_IOREMAP, NULL);
}
EXPORT_SYMBOL(devm_ioremap);

void __iomem *devm_ioremap_uc(struct device *dev, resource_size_t offset,
			      resource_size_t size)
{
	return __kshim_devm_ioremap(dev, offset, size, KSHIM_IOREMAP_UC,
				    NULL);
}
EXPORT_SYMBOL_GPL(devm_ioremap_uc);

void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset,
			      resource_size_t size)
{
	return __kshim_devm_ioremap(dev, offset, size, KSHIM_IOREMAP_WC,
				    NULL);
}
EXPORT_SYMBOL(devm_ioremap_wc);

void __iomem *devm_ioremap_np(struct device *dev, resource_size_t offset,
			      resource_size_t size)
{
	return __kshim_devm_ioremap(dev, offset, size,
				    KSHIM_IOREMAP_NP, NULL);
}
EXPORT_SYMBOL(devm_ioremap_np);

void devm_iounmap(struct device *dev, void __iomem *addr)
{
	__kshim_devm_iounmap(dev, addr, NULL);
}
EXPORT_SYMBOL(devm_iounmap);

void __iomem *devm_ioremap_resource(struct device *dev,
				    const struct resource *res)
{
	return __kshim_devm_ioremap_resource(dev, res, KSHIM_IOREMAP, NULL);
}
EXPORT_SYMBOL(devm_ioremap_resource);

void __iomem *devm_ioremap_resource_wc(struct device *dev,
				       const struct resource *res)
{
	return __kshim_devm_ioremap_resource(dev, res, KSHIM_IOREMAP_WC,
					     NULL);
}

/* Nothing to undo without MTRR: the actions only balance the API. */
static void devm_wc_nop(void *data)
{
}

int devm_arch_phys_wc_add(struct device *dev, unsigned long base,
			  unsigned long size)
{
	int ret = devm_add_action_or_reset(dev, devm_wc_nop, NULL);

	return ret ? ret : arch_phys_wc_add(base, size);
}
EXPORT_SYMBOL(devm_arch_phys_wc_add);

int devm_arch_io_reserve_memtype_wc(struct device *dev, resource_size_t start,
				    resource_size_t size)
{
	int ret = devm_add_action_or_reset(dev, devm_wc_nop, NULL);

	return ret ? ret : arch_io_reserve_memtype_wc(start, size);
}
EXPORT_SYMBOL(devm_arch_io_reserve_memtype_wc);
