// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/iomap.c - the MMIO accessors as functions, for drivers that
 * take their address (lib/iomap.c's ioread*()/iowrite*() and _rep forms,
 * asm/io.h's readl() ...), and the string and block forms every accessor
 * macro shares: reads*()/writes*(), memcpy_fromio(), memcpy_toio(),
 * memset_io().
 *
 * The macros name the caller's line; a call through a function pointer
 * names the function pointer's caller only as far as a return address
 * goes, so these functions pass no site (reports then show the stack).
 * A block copy is done as x86's __memcpy_fromio()/__memcpy_toio() do it:
 * a byte or a word to reach alignment, then naturally aligned 4-byte
 * accesses, then the tail; memset_io() writes bytes.  Every access goes
 * through the model (and the trace) one by one.
 */
#include <linux/io.h>
#include <linux/export.h>
#include <linux/kernel.h>

void __kshim_mmio_reads(const volatile void __iomem *addr, void *buf,
			unsigned long count, unsigned int size,
			const struct kshim_site *site)
{
	u8 *p = buf;
	u64 v;

	for (; count; count--, p += size) {
		v = __kshim_mmio_read(addr, size, site);
		__builtin_memcpy(p, &v, size);	/* buf may be unaligned */
	}
}
EXPORT_SYMBOL(__kshim_mmio_reads);

void __kshim_mmio_writes(volatile void __iomem *addr, const void *buf,
			 unsigned long count, unsigned int size,
			 const struct kshim_site *site)
{
	const u8 *p = buf;
	u64 v;

	for (; count; count--, p += size) {
		v = 0;
		__builtin_memcpy(&v, p, size);
		__kshim_mmio_write(addr, v, size, site);
	}
}
EXPORT_SYMBOL(__kshim_mmio_writes);

/* The access size for the next piece of a copy at @at with @n left. */
static unsigned int piece(unsigned long at, size_t n)
{
	if ((at & 1) || n < 2)
		return 1;
	if ((at & 2) || n < 4)
		return 2;
	return 4;
}

void __kshim_memcpy_fromio(void *to, const volatile void __iomem *from,
			   size_t n, const struct kshim_site *site)
{
	const volatile u8 __iomem *src = from;
	u8 *dst = to;
	unsigned int sz;
	u64 v;

	while (n) {
		sz = piece((unsigned long)src, n);
		v = __kshim_mmio_read(src, sz, site);
		__builtin_memcpy(dst, &v, sz);
		src += sz;
		dst += sz;
		n -= sz;
	}
}
EXPORT_SYMBOL(__kshim_memcpy_fromio);

void __kshim_memcpy_toio(volatile void __iomem *to, const void *from,
			 size_t n, const struct kshim_site *site)
{
	volatile u8 __iomem *dst = to;
	const u8 *src = from;
	unsigned int sz;
	u64 v;

	while (n) {
		sz = piece((unsigned long)dst, n);
		v = 0;
		__builtin_memcpy(&v, src, sz);
		__kshim_mmio_write(dst, v, sz, site);
		src += sz;
		dst += sz;
		n -= sz;
	}
}
EXPORT_SYMBOL(__kshim_memcpy_toio);

void __kshim_memset_io(volatile void __iomem *to, int val, size_t n,
		       const struct kshim_site *site)
{
	volatile u8 __iomem *dst = to;

	for (; n; n--, dst++)
		__kshim_mmio_write(dst, (u8)val, 1, site);
}
EXPORT_SYMBOL(__kshim_memset_io);

/* ---- the functions behind the macros ---- */

#undef readb
#undef readw
#undef readl
#undef readq
#undef writeb
#undef writew
#undef writel
#undef writeq
#undef memcpy_fromio
#undef memcpy_toio
#undef memset_io
#undef ioread8
#undef ioread16
#undef ioread16be
#undef ioread32
#undef ioread32be
#undef ioread64
#undef ioread64be
#undef ioread64_lo_hi
#undef ioread64_hi_lo
#undef ioread64be_lo_hi
#undef ioread64be_hi_lo
#undef iowrite8
#undef iowrite16
#undef iowrite16be
#undef iowrite32
#undef iowrite32be
#undef iowrite64
#undef iowrite64be
#undef iowrite64_lo_hi
#undef iowrite64_hi_lo
#undef iowrite64be_lo_hi
#undef iowrite64be_hi_lo
#undef ioread8_rep
#undef ioread16_rep
#undef ioread32_rep
#undef iowrite8_rep
#undef iowrite16_rep
#undef iowrite32_rep

u8 readb(const volatile void __iomem *addr)
{
	return __kshim_mmio_read(addr, 1, NULL);
}
EXPORT_SYMBOL(readb);

u16 readw(const volatile void __iomem *addr)
{
	return __kshim_mmio_read(addr, 2, NULL);
}
EXPORT_SYMBOL(readw);

u32 readl(const volatile void __iomem *addr)
{
	return __kshim_mmio_read(addr, 4, NULL);
}
EXPORT_SYMBOL(readl);

u64 readq(const volatile void __iomem *addr)
{
	return __kshim_mmio_read(addr, 8, NULL);
}
EXPORT_SYMBOL(readq);

void writeb(u8 val, volatile void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 1, NULL);
}
EXPORT_SYMBOL(writeb);

void writew(u16 val, volatile void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 2, NULL);
}
EXPORT_SYMBOL(writew);

void writel(u32 val, volatile void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 4, NULL);
}
EXPORT_SYMBOL(writel);

void writeq(u64 val, volatile void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 8, NULL);
}
EXPORT_SYMBOL(writeq);

void memcpy_fromio(void *to, const volatile void __iomem *from, size_t n)
{
	__kshim_memcpy_fromio(to, from, n, NULL);
}
EXPORT_SYMBOL(memcpy_fromio);

void memcpy_toio(volatile void __iomem *to, const void *from, size_t n)
{
	__kshim_memcpy_toio(to, from, n, NULL);
}
EXPORT_SYMBOL(memcpy_toio);

void memset_io(volatile void __iomem *to, int val, size_t n)
{
	__kshim_memset_io(to, val, n, NULL);
}
EXPORT_SYMBOL(memset_io);

unsigned int ioread8(const void __iomem *addr)
{
	return (u8)__kshim_mmio_read(addr, 1, NULL);
}
EXPORT_SYMBOL(ioread8);

unsigned int ioread16(const void __iomem *addr)
{
	return (u16)__kshim_mmio_read(addr, 2, NULL);
}
EXPORT_SYMBOL(ioread16);

unsigned int ioread16be(const void __iomem *addr)
{
	return __builtin_bswap16((u16)__kshim_mmio_read(addr, 2, NULL));
}
EXPORT_SYMBOL(ioread16be);

unsigned int ioread32(const void __iomem *addr)
{
	return (u32)__kshim_mmio_read(addr, 4, NULL);
}
EXPORT_SYMBOL(ioread32);

unsigned int ioread32be(const void __iomem *addr)
{
	return __builtin_bswap32((u32)__kshim_mmio_read(addr, 4, NULL));
}
EXPORT_SYMBOL(ioread32be);

u64 ioread64(const void __iomem *addr)
{
	return __kshim_mmio_read(addr, 8, NULL);
}
EXPORT_SYMBOL(ioread64);

u64 ioread64be(const void __iomem *addr)
{
	return __builtin_bswap64(__kshim_mmio_read(addr, 8, NULL));
}
EXPORT_SYMBOL(ioread64be);

/* Halves of a 64-bit register read or written as two 32-bit accesses. */
static u32 rd32(const void __iomem *addr, unsigned int off, bool be)
{
	u32 v = __kshim_mmio_read((const u8 __iomem *)addr + off, 4, NULL);

	return be ? __builtin_bswap32(v) : v;
}

static void wr32(void __iomem *addr, unsigned int off, u32 v, bool be)
{
	__kshim_mmio_write((u8 __iomem *)addr + off,
			   be ? __builtin_bswap32(v) : v, 4, NULL);
}

u64 ioread64_lo_hi(const void __iomem *addr)
{
	u64 lo = rd32(addr, 0, false);

	return lo | (u64)rd32(addr, 4, false) << 32;
}
EXPORT_SYMBOL(ioread64_lo_hi);

u64 ioread64_hi_lo(const void __iomem *addr)
{
	u64 hi = (u64)rd32(addr, 4, false) << 32;

	return hi | rd32(addr, 0, false);
}
EXPORT_SYMBOL(ioread64_hi_lo);

u64 ioread64be_lo_hi(const void __iomem *addr)
{
	u64 lo = rd32(addr, 4, true);

	return lo | (u64)rd32(addr, 0, true) << 32;
}
EXPORT_SYMBOL(ioread64be_lo_hi);

u64 ioread64be_hi_lo(const void __iomem *addr)
{
	u64 hi = (u64)rd32(addr, 0, true) << 32;

	return hi | rd32(addr, 4, true);
}
EXPORT_SYMBOL(ioread64be_hi_lo);

void iowrite8(u8 val, void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 1, NULL);
}
EXPORT_SYMBOL(iowrite8);

void iowrite16(u16 val, void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 2, NULL);
}
EXPORT_SYMBOL(iowrite16);

void iowrite16be(u16 val, void __iomem *addr)
{
	__kshim_mmio_write(addr, __builtin_bswap16(val), 2, NULL);
}
EXPORT_SYMBOL(iowrite16be);

void iowrite32(u32 val, void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 4, NULL);
}
EXPORT_SYMBOL(iowrite32);

void iowrite32be(u32 val, void __iomem *addr)
{
	__kshim_mmio_write(addr, __builtin_bswap32(val), 4, NULL);
}
EXPORT_SYMBOL(iowrite32be);

void iowrite64(u64 val, void __iomem *addr)
{
	__kshim_mmio_write(addr, val, 8, NULL);
}
EXPORT_SYMBOL(iowrite64);

void iowrite64be(u64 val, void __iomem *addr)
{
	__kshim_mmio_write(addr, __builtin_bswap64(val), 8, NULL);
}
EXPORT_SYMBOL(iowrite64be);

void iowrite64_lo_hi(u64 val, void __iomem *addr)
{
	wr32(addr, 0, val, false);
	wr32(addr, 4, val >> 32, false);
}
EXPORT_SYMBOL(iowrite64_lo_hi);

void iowrite64_hi_lo(u64 val, void __iomem *addr)
{
	wr32(addr, 4, val >> 32, false);
	wr32(addr, 0, val, false);
}
EXPORT_SYMBOL(iowrite64_hi_lo);

void iowrite64be_lo_hi(u64 val, void __iomem *addr)
{
	wr32(addr, 4, val, true);
	wr32(addr, 0, val >> 32, true);
}
EXPORT_SYMBOL(iowrite64be_lo_hi);

void iowrite64be_hi_lo(u64 val, void __iomem *addr)
{
	wr32(addr, 0, val >> 32, true);
	wr32(addr, 4, val, true);
}
EXPORT_SYMBOL(iowrite64be_hi_lo);

void ioread8_rep(const void __iomem *port, void *buf, unsigned long count)
{
	__kshim_mmio_reads(port, buf, count, 1, NULL);
}
EXPORT_SYMBOL(ioread8_rep);

void ioread16_rep(const void __iomem *port, void *buf, unsigned long count)
{
	__kshim_mmio_reads(port, buf, count, 2, NULL);
}
EXPORT_SYMBOL(ioread16_rep);

void ioread32_rep(const void __iomem *port, void *buf, unsigned long count)
{
	__kshim_mmio_reads(port, buf, count, 4, NULL);
}
EXPORT_SYMBOL(ioread32_rep);

void iowrite8_rep(void __iomem *port, const void *buf, unsigned long count)
{
	__kshim_mmio_writes(port, buf, count, 1, NULL);
}
EXPORT_SYMBOL(iowrite8_rep);

void iowrite16_rep(void __iomem *port, const void *buf, unsigned long count)
{
	__kshim_mmio_writes(port, buf, count, 2, NULL);
}
EXPORT_SYMBOL(iowrite16_rep);

void iowrite32_rep(void __iomem *port, const void *buf, unsigned long count)
{
	__kshim_mmio_writes(port, buf, count, 4, NULL);
}
EXPORT_SYMBOL(iowrite32_rep);
