/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/iomap.h - the ioread*()/iowrite*() family of 6.1 (lib/iomap.c):
 * accessors on an "iomem cookie".  kshim has no port I/O, so a cookie is
 * always an ioremap() address and these are the MMIO accessors of
 * asm/io.h (the big-endian forms swap bytes), each a macro capturing the
 * caller's line and a function for drivers that take its address.
 */
#ifndef __GENERIC_IO_H_IOMAP
#define __GENERIC_IO_H_IOMAP

#include <linux/compiler.h>
#include <linux/types.h>
#include <kshim/site.h>

u64 __kshim_mmio_read(const volatile void __iomem *addr, unsigned int size,
		      const struct kshim_site *site);
void __kshim_mmio_write(volatile void __iomem *addr, u64 val,
			unsigned int size, const struct kshim_site *site);
void __kshim_mmio_reads(const volatile void __iomem *addr, void *buf,
			unsigned long count, unsigned int size,
			const struct kshim_site *site);
void __kshim_mmio_writes(volatile void __iomem *addr, const void *buf,
			 unsigned long count, unsigned int size,
			 const struct kshim_site *site);

unsigned int ioread8(const void __iomem *addr);
unsigned int ioread16(const void __iomem *addr);
unsigned int ioread16be(const void __iomem *addr);
unsigned int ioread32(const void __iomem *addr);
unsigned int ioread32be(const void __iomem *addr);
u64 ioread64(const void __iomem *addr);
u64 ioread64be(const void __iomem *addr);
u64 ioread64_lo_hi(const void __iomem *addr);
u64 ioread64_hi_lo(const void __iomem *addr);
u64 ioread64be_lo_hi(const void __iomem *addr);
u64 ioread64be_hi_lo(const void __iomem *addr);

void iowrite8(u8 val, void __iomem *addr);
void iowrite16(u16 val, void __iomem *addr);
void iowrite16be(u16 val, void __iomem *addr);
void iowrite32(u32 val, void __iomem *addr);
void iowrite32be(u32 val, void __iomem *addr);
void iowrite64(u64 val, void __iomem *addr);
void iowrite64be(u64 val, void __iomem *addr);
void iowrite64_lo_hi(u64 val, void __iomem *addr);
void iowrite64_hi_lo(u64 val, void __iomem *addr);
void iowrite64be_lo_hi(u64 val, void __iomem *addr);
void iowrite64be_hi_lo(u64 val, void __iomem *addr);

void ioread8_rep(const void __iomem *port, void *buf, unsigned long count);
void ioread16_rep(const void __iomem *port, void *buf, unsigned long count);
void ioread32_rep(const void __iomem *port, void *buf, unsigned long count);
void iowrite8_rep(void __iomem *port, const void *buf, unsigned long count);
void iowrite16_rep(void __iomem *port, const void *buf, unsigned long count);
void iowrite32_rep(void __iomem *port, const void *buf, unsigned long count);

#define __kshim_ioread(addr, size) \
	__kshim_mmio_read((addr), (size), __KSHIM_CALLSITE)
#define __kshim_iowrite(val, addr, size) \
	__kshim_mmio_write((addr), (val), (size), __KSHIM_CALLSITE)

#define ioread8(addr)	((unsigned int)(u8)__kshim_ioread(addr, 1))
#define ioread16(addr)	((unsigned int)(u16)__kshim_ioread(addr, 2))
#define ioread32(addr)	((unsigned int)(u32)__kshim_ioread(addr, 4))
#define ioread64(addr)	((u64)__kshim_ioread(addr, 8))
#define ioread16be(addr) \
	((unsigned int)__builtin_bswap16((u16)__kshim_ioread(addr, 2)))
#define ioread32be(addr) \
	((unsigned int)__builtin_bswap32((u32)__kshim_ioread(addr, 4)))
#define ioread64be(addr) __builtin_bswap64(__kshim_ioread(addr, 8))
/* two 32-bit accesses, low half first (lo_hi) or high half first */
#define ioread64_lo_hi(addr)						\
({									\
	const char __iomem *__a = (const char __iomem *)(addr);				\
	u64 __lo = (u32)__kshim_ioread(__a, 4);				\
	__lo | (u64)(u32)__kshim_ioread(__a + 4, 4) << 32;		\
})
#define ioread64_hi_lo(addr)						\
({									\
	const char __iomem *__a = (const char __iomem *)(addr);				\
	u64 __hi = (u64)(u32)__kshim_ioread(__a + 4, 4) << 32;		\
	__hi | (u32)__kshim_ioread(__a, 4);				\
})
#define ioread64be_lo_hi(addr)						\
({									\
	const char __iomem *__a = (const char __iomem *)(addr);				\
	u64 __lo = __builtin_bswap32((u32)__kshim_ioread(__a + 4, 4));	\
	__lo | (u64)__builtin_bswap32((u32)__kshim_ioread(__a, 4)) << 32; \
})
#define ioread64be_hi_lo(addr)						\
({									\
	const char __iomem *__a = (const char __iomem *)(addr);				\
	u64 __hi = (u64)__builtin_bswap32((u32)__kshim_ioread(__a, 4)) << 32; \
	__hi | __builtin_bswap32((u32)__kshim_ioread(__a + 4, 4));	\
})

#define iowrite8(val, addr)	__kshim_iowrite((u8)(val), addr, 1)
#define iowrite16(val, addr)	__kshim_iowrite((u16)(val), addr, 2)
#define iowrite32(val, addr)	__kshim_iowrite((u32)(val), addr, 4)
#define iowrite64(val, addr)	__kshim_iowrite((u64)(val), addr, 8)
#define iowrite16be(val, addr) \
	__kshim_iowrite(__builtin_bswap16((u16)(val)), addr, 2)
#define iowrite32be(val, addr) \
	__kshim_iowrite(__builtin_bswap32((u32)(val)), addr, 4)
#define iowrite64be(val, addr) \
	__kshim_iowrite(__builtin_bswap64((u64)(val)), addr, 8)
#define iowrite64_lo_hi(val, addr)					\
do {									\
	u64 __v = (val);						\
	char __iomem *__a = (char __iomem *)(addr);					\
	__kshim_iowrite((u32)__v, __a, 4);				\
	__kshim_iowrite((u32)(__v >> 32), __a + 4, 4);			\
} while (0)
#define iowrite64_hi_lo(val, addr)					\
do {									\
	u64 __v = (val);						\
	char __iomem *__a = (char __iomem *)(addr);					\
	__kshim_iowrite((u32)(__v >> 32), __a + 4, 4);			\
	__kshim_iowrite((u32)__v, __a, 4);				\
} while (0)
#define iowrite64be_lo_hi(val, addr)					\
do {									\
	u64 __v = (val);						\
	char __iomem *__a = (char __iomem *)(addr);					\
	__kshim_iowrite(__builtin_bswap32((u32)__v), __a + 4, 4);	\
	__kshim_iowrite(__builtin_bswap32((u32)(__v >> 32)), __a, 4);	\
} while (0)
#define iowrite64be_hi_lo(val, addr)					\
do {									\
	u64 __v = (val);						\
	char __iomem *__a = (char __iomem *)(addr);					\
	__kshim_iowrite(__builtin_bswap32((u32)(__v >> 32)), __a, 4);	\
	__kshim_iowrite(__builtin_bswap32((u32)__v), __a + 4, 4);	\
} while (0)

#define ioread8_rep(port, buf, count) \
	__kshim_mmio_reads((port), (buf), (count), 1, __KSHIM_CALLSITE)
#define ioread16_rep(port, buf, count) \
	__kshim_mmio_reads((port), (buf), (count), 2, __KSHIM_CALLSITE)
#define ioread32_rep(port, buf, count) \
	__kshim_mmio_reads((port), (buf), (count), 4, __KSHIM_CALLSITE)
#define iowrite8_rep(port, buf, count) \
	__kshim_mmio_writes((port), (buf), (count), 1, __KSHIM_CALLSITE)
#define iowrite16_rep(port, buf, count) \
	__kshim_mmio_writes((port), (buf), (count), 2, __KSHIM_CALLSITE)
#define iowrite32_rep(port, buf, count) \
	__kshim_mmio_writes((port), (buf), (count), 4, __KSHIM_CALLSITE)

#include <asm-generic/pci_iomap.h>

/* What the kernel's asm-generic/iomap.h also makes visible. */
#include <asm/io.h>
#include <linux/byteorder/generic.h>
#include <linux/export.h>
#include <linux/instruction_pointer.h>
#include <linux/stringify.h>
#include <linux/swab.h>

#endif /* __GENERIC_IO_H_IOMAP */
