/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/byteorder/generic.h - the kernel's byte-order API on top of the
 * arch's __cpu_to_le32() & co: cpu_to_le16/32/64, le*_to_cpu,
 * cpu_to_be*, be*_to_cpu, their *p (through a pointer) and *s (in place)
 * forms, le/be*_add_cpu() and the 32-bit array conversions.
 *
 * Follows include/linux/byteorder/generic.h of 6.x.  htonl()/ntohl()/
 * htons()/ntohs() are defined for kernel code only: host code gets them
 * from the C library (<arpa/inet.h>, same meaning), whose prototypes a
 * function-like macro of that name would break.
 */
#ifndef _LINUX_BYTEORDER_GENERIC_H
#define _LINUX_BYTEORDER_GENERIC_H

/* The arch's conversions (which include this file back, at their end). */
#include <asm/byteorder.h>

#define cpu_to_le64	__cpu_to_le64
#define le64_to_cpu	__le64_to_cpu
#define cpu_to_le32	__cpu_to_le32
#define le32_to_cpu	__le32_to_cpu
#define cpu_to_le16	__cpu_to_le16
#define le16_to_cpu	__le16_to_cpu
#define cpu_to_be64	__cpu_to_be64
#define be64_to_cpu	__be64_to_cpu
#define cpu_to_be32	__cpu_to_be32
#define be32_to_cpu	__be32_to_cpu
#define cpu_to_be16	__cpu_to_be16
#define be16_to_cpu	__be16_to_cpu
#define cpu_to_le64p	__cpu_to_le64p
#define le64_to_cpup	__le64_to_cpup
#define cpu_to_le32p	__cpu_to_le32p
#define le32_to_cpup	__le32_to_cpup
#define cpu_to_le16p	__cpu_to_le16p
#define le16_to_cpup	__le16_to_cpup
#define cpu_to_be64p	__cpu_to_be64p
#define be64_to_cpup	__be64_to_cpup
#define cpu_to_be32p	__cpu_to_be32p
#define be32_to_cpup	__be32_to_cpup
#define cpu_to_be16p	__cpu_to_be16p
#define be16_to_cpup	__be16_to_cpup
#define cpu_to_le64s	__cpu_to_le64s
#define le64_to_cpus	__le64_to_cpus
#define cpu_to_le32s	__cpu_to_le32s
#define le32_to_cpus	__le32_to_cpus
#define cpu_to_le16s	__cpu_to_le16s
#define le16_to_cpus	__le16_to_cpus
#define cpu_to_be64s	__cpu_to_be64s
#define be64_to_cpus	__be64_to_cpus
#define cpu_to_be32s	__cpu_to_be32s
#define be32_to_cpus	__be32_to_cpus
#define cpu_to_be16s	__cpu_to_be16s
#define be16_to_cpus	__be16_to_cpus

#define ___htonl(x)	__cpu_to_be32(x)
#define ___htons(x)	__cpu_to_be16(x)
#define ___ntohl(x)	__be32_to_cpu(x)
#define ___ntohs(x)	__be16_to_cpu(x)

#ifdef __KERNEL__
#define htonl(x)	___htonl(x)
#define ntohl(x)	___ntohl(x)
#define htons(x)	___htons(x)
#define ntohs(x)	___ntohs(x)
#endif

static inline void le16_add_cpu(__le16 *var, u16 val)
{
	*var = cpu_to_le16(le16_to_cpu(*var) + val);
}

static inline void le32_add_cpu(__le32 *var, u32 val)
{
	*var = cpu_to_le32(le32_to_cpu(*var) + val);
}

static inline void le64_add_cpu(__le64 *var, u64 val)
{
	*var = cpu_to_le64(le64_to_cpu(*var) + val);
}

/* Convert @words 32-bit values of @buf in place (no-ops here). */
static inline void le32_to_cpu_array(u32 *buf, unsigned int words)
{
	for (; words; words--, buf++)
		__le32_to_cpus(buf);
}

static inline void cpu_to_le32_array(u32 *buf, unsigned int words)
{
	for (; words; words--, buf++)
		__cpu_to_le32s(buf);
}

static inline void be16_add_cpu(__be16 *var, u16 val)
{
	*var = cpu_to_be16(be16_to_cpu(*var) + val);
}

static inline void be32_add_cpu(__be32 *var, u32 val)
{
	*var = cpu_to_be32(be32_to_cpu(*var) + val);
}

static inline void be64_add_cpu(__be64 *var, u64 val)
{
	*var = cpu_to_be64(be64_to_cpu(*var) + val);
}

/* @len values from @src, big-endian, into @dst (which may be @src). */
static inline void cpu_to_be32_array(__be32 *dst, const u32 *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = cpu_to_be32(src[i]);
}

static inline void be32_to_cpu_array(u32 *dst, const __be32 *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = be32_to_cpu(src[i]);
}

#endif /* _LINUX_BYTEORDER_GENERIC_H */
