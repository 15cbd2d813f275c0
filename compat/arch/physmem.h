/*
 * compat/arch/physmem.h - host services for simulated RAM (physmem.c).
 */
#ifndef _KSHIM_ARCH_PHYSMEM_H
#define _KSHIM_ARCH_PHYSMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* A host call kshim cannot go on without failed: say which, and exit. */
__attribute__((__noreturn__)) void arch_host_fail(const char *what);

/* The RAM file: @size bytes, all holes until written. */
void arch_ram_create(size_t size);
void arch_ram_destroy(void);
/* Map RAM bytes [@off, @off + @len) at @va (inside a reservation). */
void arch_ram_map(void *va, size_t len, off_t off);
/*
 * Map RAM bytes [@off, @off + @len) at @va for a while (a kmap window):
 * not remapped by arch_ram_fork(), the owner unmaps it before tests fork.
 */
void arch_ram_map_alias(void *va, size_t len, off_t off);
/* Make a mapped range (in)accessible: DEBUG_PAGEALLOC. */
void arch_ram_protect(void *va, size_t len, bool accessible);
/* In a test's child: a private copy of RAM behind the same addresses. */
void arch_ram_fork(void);

/* Address space that faults until something is mapped in it. */
void *arch_reserve(size_t len);
/* Zero-filled memory that costs nothing until touched. */
void *arch_alloc_sparse(size_t len);
void arch_release(void *va, size_t len);

#endif /* _KSHIM_ARCH_PHYSMEM_H */
