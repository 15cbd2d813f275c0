/* SPDX-License-Identifier: GPL-2.0 */
/*
 * demo - a tiny FIFO of u32 values, the first driver under test.
 */
#ifndef _DEMO_H
#define _DEMO_H

#include <linux/types.h>

#define DEMO_MAX_SLOTS 64

int demo_push(u32 val);
int demo_pop(u32 *val);
unsigned int demo_count(void);
void demo_discard(unsigned int n);

#endif /* _DEMO_H */
