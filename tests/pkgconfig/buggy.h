/* SPDX-License-Identifier: GPL-2.0 */
/* buggy - the out-of-tree driver's interface to its tests. */
#ifndef _BUGGY_H
#define _BUGGY_H

int buggy_peek_freed(void);
void buggy_poke(void);
unsigned long buggy_events(void);
int buggy_irq(void);

#endif /* _BUGGY_H */
