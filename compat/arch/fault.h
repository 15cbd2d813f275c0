/*
 * compat/arch/fault.h - kernel page faults of the simulated machine
 * (fault.c): the host's SIGSEGV on an address kshim owns becomes an oops.
 */
#ifndef _KSHIM_ARCH_FAULT_H
#define _KSHIM_ARCH_FAULT_H

#include <stdbool.h>

/* Install the SIGSEGV handler (once; later calls do nothing). */
void arch_fault_init(void);

/* The oops of an access to @addr the kernel would fault on, at @file:@line. */
__attribute__((__noreturn__)) void arch_oops_at(unsigned long addr,
						bool write, const char *file,
						int line, const char *func);

/*
 * compat/mm/highmem.c: true when a fault at @addr is the simulated
 * kernel's (a kmap window or guard, the highmem part of the direct map).
 * Called in the signal handler: reads only, takes no lock.
 */
bool kshim_fault_is_kernel_address(unsigned long addr);
/* @addr is in a kmap window (mm/highmem_windows.c). */
bool kshim_fault_is_kmap_window(unsigned long addr);
/*
 * A memory checker (ASan) caught kernel code accessing @addr, which the
 * hardware would fault on (a kmap window kept mapped but poisoned): the
 * same oops.  @pc is the checker's report pc (a return address into the
 * accessing code).
 */
extern bool arch_checker_oops;	/* arch_oops_checker() runs: its locks held */
__attribute__((__noreturn__)) void arch_oops_checker(unsigned long addr,
						     bool write,
						     unsigned long pc);
/*
 * compat/mm/ioremap.c: an MMIO accessor makes the access itself on a
 * pointer outside the ioremap area; a fault on it is the oops of this
 * site (the driver's line), set around the access.
 */
struct kshim_site;
extern __thread const struct kshim_site *arch_fault_access_site;

/* Print kshim's explanation of @addr (what it is, whose, where). */
void kshim_fault_explain(unsigned long addr);

/*
 * compat/mm/pgtable.c: @addr lies in a simulated process's user range
 * (signal-safe); its PTE (ARCH_PTE_PRESENT ...) for the error code; and
 * what the oops prints where the kernel walks the page table (the
 * kernel's "PGD ... PTE ..." line, then kshim's explanation: a user
 * address that kernel code dereferenced without uaccess, as SMAP
 * catches it).
 */
#define ARCH_PTE_PRESENT	1ULL
bool kshim_fault_is_user_address(unsigned long addr);
unsigned long long kshim_fault_user_pte(unsigned long addr);
void kshim_fault_user_explain(unsigned long addr);

/*
 * compat/mm/page_poison.c, KSHIM_DEBUG_PAGEALLOC=1: true when @addr is in
 * the lowmem direct map (where freed pages are unmapped; signal-safe), and
 * the explanation of a fault there (false when it has none to give).
 */
bool kshim_debug_pagealloc_owns(unsigned long addr);
bool kshim_debug_pagealloc_explain(unsigned long addr);

#endif /* _KSHIM_ARCH_FAULT_H */
