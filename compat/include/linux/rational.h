/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rational.h - the best rational approximation of a fraction
 * (include/linux/rational.h of 6.x): used to pick a PLL's or a UART's
 * numerator/denominator pair within register limits.  kshim has no
 * implementation of its own: the kernel's lib/math/rational.c builds
 * against this header unmodified (tests/kunit-src does so from the
 * configured tree).
 */
#ifndef _LINUX_RATIONAL_H
#define _LINUX_RATIONAL_H

void rational_best_approximation(
	unsigned long given_numerator, unsigned long given_denominator,
	unsigned long max_numerator, unsigned long max_denominator,
	unsigned long *best_numerator, unsigned long *best_denominator);

#endif /* _LINUX_RATIONAL_H */
