/*
 * compat/arch/stack.h - where the running host thread's stack is
 * (stack.c).
 *
 * The kernel knows each task's stack (task_stack_page(),
 * object_is_on_stack()); a kshim task is a host thread, whose stack the
 * C library knows.  Under AddressSanitizer a function's locals may live
 * on its "fake stack" (detect_stack_use_after_return): those count as
 * the thread's stack too.
 */
#ifndef _KSHIM_ARCH_STACK_H
#define _KSHIM_ARCH_STACK_H

#include <stdbool.h>

/* The lowest address of this thread's stack (NULL if unknown). */
void *arch_stack_base(void);
/* @addr is on this thread's stack (or its ASan fake stack). */
bool arch_on_stack(const void *addr);

#endif /* _KSHIM_ARCH_STACK_H */
