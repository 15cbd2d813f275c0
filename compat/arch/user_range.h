/*
 * compat/arch/user_range.h - the host side of simulated user address
 * spaces (user_range.c): the range a process's mm owns.
 */
#ifndef _KSHIM_ARCH_USER_RANGE_H
#define _KSHIM_ARCH_USER_RANGE_H

#include <stddef.h>

/*
 * Reserve @len bytes of address space that is never made accessible: a
 * user address is a place in the simulated page tables, not host memory.
 * Memcheck is told it is addressable (so a raw access by kernel code
 * reaches the host fault and kshim's oops, as SMAP makes it fault), and
 * AddressSanitizer sees ordinary unpoisoned memory there (the access
 * faults before ASan could object).  NULL when the host refuses.
 */
void *arch_user_range_reserve(size_t len);
void arch_user_range_release(void *va, size_t len);

#endif /* _KSHIM_ARCH_USER_RANGE_H */
