/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/lib/crc_table.h - CRC lookup tables computed by the compiler.
 *
 * kshim-internal (the kernel generates its tables with lib/gen_crc32table.c
 * or ships them as literals).  KSHIM_CRC_TABLE(ENTRY) expands to the 256
 * initialisers ENTRY(0) ... ENTRY(255); the ENTRY macros below compute
 * one entry as eight shift-and-xor steps, each a constant expression.
 */
#ifndef _KSHIM_LIB_CRC_TABLE_H
#define _KSHIM_LIB_CRC_TABLE_H

/* LSB-first: shift right, xor @poly when the bit shifted out was 1. */
#define __KSHIM_CRC_R1(T, c, poly)					\
	((T)(((T)(c) >> 1) ^ (((T)0 - (T)((c) & 1)) & (T)(poly))))
#define __KSHIM_CRC_R2(T, c, p) __KSHIM_CRC_R1(T, __KSHIM_CRC_R1(T, c, p), p)
#define __KSHIM_CRC_R4(T, c, p) __KSHIM_CRC_R2(T, __KSHIM_CRC_R2(T, c, p), p)
#define KSHIM_CRC_REFLECTED(T, i, poly)					\
	__KSHIM_CRC_R4(T, __KSHIM_CRC_R4(T, (T)(i), poly), poly)

/* MSB-first: shift left, xor @poly when @top was set. */
#define __KSHIM_CRC_N1(T, c, poly, top)					\
	((T)(((T)(c) << 1) ^ (((T)0 - (T)(((c) & (top)) != 0)) & (T)(poly))))
#define __KSHIM_CRC_N2(T, c, p, t)					\
	__KSHIM_CRC_N1(T, __KSHIM_CRC_N1(T, c, p, t), p, t)
#define __KSHIM_CRC_N4(T, c, p, t)					\
	__KSHIM_CRC_N2(T, __KSHIM_CRC_N2(T, c, p, t), p, t)
#define KSHIM_CRC_NORMAL(T, c, poly, top)				\
	__KSHIM_CRC_N4(T, __KSHIM_CRC_N4(T, c, poly, top), poly, top)

#define __KSHIM_CRC_ROW(E, r)						\
	E(r + 0), E(r + 1), E(r + 2), E(r + 3), E(r + 4), E(r + 5),	\
	E(r + 6), E(r + 7), E(r + 8), E(r + 9), E(r + 10), E(r + 11),	\
	E(r + 12), E(r + 13), E(r + 14), E(r + 15)
#define KSHIM_CRC_TABLE(E)						\
	__KSHIM_CRC_ROW(E, 0), __KSHIM_CRC_ROW(E, 16),			\
	__KSHIM_CRC_ROW(E, 32), __KSHIM_CRC_ROW(E, 48),			\
	__KSHIM_CRC_ROW(E, 64), __KSHIM_CRC_ROW(E, 80),			\
	__KSHIM_CRC_ROW(E, 96), __KSHIM_CRC_ROW(E, 112),		\
	__KSHIM_CRC_ROW(E, 128), __KSHIM_CRC_ROW(E, 144),		\
	__KSHIM_CRC_ROW(E, 160), __KSHIM_CRC_ROW(E, 176),		\
	__KSHIM_CRC_ROW(E, 192), __KSHIM_CRC_ROW(E, 208),		\
	__KSHIM_CRC_ROW(E, 224), __KSHIM_CRC_ROW(E, 240)

#endif /* _KSHIM_LIB_CRC_TABLE_H */
