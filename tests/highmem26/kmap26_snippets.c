// SPDX-License-Identifier: GPL-2.0
/*
 * tests/highmem26/kmap26_snippets.c - see kmap26_snippets.h.  Kernel code
 * for the 2.6.35 profile: only <linux/...> and <asm/...> includes, built
 * with the kernel flags and LINUX_VERSION_CODE 2.6.35.  Lines marked
 * LINE:<name> are the ones the tests expect reports at.
 */
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "kmap26_snippets.h"

void snip26_irq_copy_user0(struct page *page, void *buf, size_t len)
{
	void *vaddr = kmap_atomic(page, KM_USER0);	/* LINE:irq_user0 */

	memcpy(buf, vaddr, len);
	kunmap_atomic(vaddr, KM_USER0);
}

void snip26_irq_copy_irq0(struct page *page, void *buf, size_t len)
{
	void *vaddr = kmap_atomic(page, KM_IRQ0);

	memcpy(buf, vaddr, len);
	kunmap_atomic(vaddr, KM_IRQ0);
}

void snip26_bounce_irqs_on(struct page *page, const void *buf, size_t len)
{
	char *vto = kmap_atomic(page, KM_BOUNCE_READ);	/* LINE:bounce_on */

	memcpy(vto, buf, len);
	kunmap_atomic(vto, KM_BOUNCE_READ);
}

void snip26_bounce_irqs_off(struct page *page, const void *buf, size_t len)
{
	unsigned long flags;
	char *vto;

	local_irq_save(flags);
	vto = kmap_atomic(page, KM_BOUNCE_READ);
	memcpy(vto, buf, len);
	kunmap_atomic(vto, KM_BOUNCE_READ);
	local_irq_restore(flags);
}

void snip26_copy_same_slot(struct page *to, struct page *from)
{
	char *vfrom, *vto;

	vfrom = kmap_atomic(from, KM_USER0);
	vto = kmap_atomic(to, KM_USER0);	/* LINE:same_slot */
	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_atomic(vto, KM_USER0);
	kunmap_atomic(vfrom, KM_USER0);
}

void snip26_copy_two_slots(struct page *to, struct page *from)
{
	char *vfrom, *vto;

	vfrom = kmap_atomic(from, KM_USER0);
	vto = kmap_atomic(to, KM_USER1);
	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_atomic(vto, KM_USER1);
	kunmap_atomic(vfrom, KM_USER0);
}

int snip26_checksum_stale(struct page *page)
{
	unsigned char *p = kmap_atomic(page, KM_USER0);	/* LINE:sum_map */
	int i, sum = 0;

	kunmap_atomic(p, KM_USER0);			/* LINE:sum_unmap */
	for (i = 0; i < 16; i++)
		sum += READ_ONCE(p[i]);
	return sum;
}

int snip26_checksum(struct page *page)
{
	unsigned char *p = kmap_atomic(page, KM_USER0);
	int i, sum = 0;

	for (i = 0; i < 16; i++)
		sum += p[i];
	kunmap_atomic(p, KM_USER0);
	return sum;
}
