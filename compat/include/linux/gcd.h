/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/gcd.h - gcd() (include/linux/gcd.h of 6.x; lib/math/gcd.c).
 */
#ifndef _GCD_H
#define _GCD_H

#include <linux/compiler.h>

unsigned long gcd(unsigned long a, unsigned long b) __attribute_const__;

#endif /* _GCD_H */
