/*
 * compat/arch/fault.h - kernel page faults of the simulated machine
 * (fault.c): the host's SIGSEGV on an address kshim owns becomes an oops.
 */
#ifndef _KSHIM_ARCH_FAULT_H
#define _KSHIM_ARCH_FAULT_H

#include <stdbool.h>

/* Install the SIGSEGV handler (once; later calls do nothing). */
void arch_fault_init(void);

/*
 * compat/mm/highmem.c: true when a fault at @addr is the simulated
 * kernel's (a kmap window or guard, the highmem part of the direct map).
 * Called in the signal handler: reads only, takes no lock.
 */
bool kshim_fault_is_kernel_address(unsigned long addr);
/* Print kshim's explanation of @addr (what it is, whose, where). */
void kshim_fault_explain(unsigned long addr);

#endif /* _KSHIM_ARCH_FAULT_H */
