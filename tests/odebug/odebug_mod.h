/* tests/odebug/odebug_mod.h - what the test sees of odebug_mod. */
#ifndef _ODEBUG_MOD_H
#define _ODEBUG_MOD_H

struct timer_list;
/* 0: its static timer, 1: the one in its kmalloc'd device. */
struct timer_list *odebug_mod_timer(int which);

#endif
