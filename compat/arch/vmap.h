/*
 * compat/arch/vmap.h - the host side of the vmalloc address range
 * (vmap.c): reserving it, aliasing RAM frames into it, making parts of it
 * fault again, and what the memory checkers are told about it.
 */
#ifndef _KSHIM_ARCH_VMAP_H
#define _KSHIM_ARCH_VMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Reserve @len bytes of address space that faults until something is
 * mapped in it (memcheck is told it is addressable, so an access reaches
 * the host fault and kshim's oops rather than memcheck's report).
 */
void *arch_vmap_reserve(size_t len);
void arch_vmap_release(void *va, size_t len);

/*
 * Alias RAM file bytes [@off, @off + @len) at @va, inside the reserved
 * range (MAP_SHARED | MAP_FIXED), writable unless @readonly.
 */
void arch_vmap_map(void *va, size_t len, off_t off, bool readonly);
/*
 * [@va, @va + @len) faults again: an anonymous PROT_NONE mapping like the
 * reservation's, so the kernel merges it back into one region and the
 * process does not run out of mappings however many areas come and go.
 */
void arch_vmap_unmap(void *va, size_t len);

/*
 * KASAN-grade view of an area's last page: under AddressSanitizer and
 * memcheck the bytes past the requested size are inaccessible (the
 * kernel's KASAN_VMALLOC poisons them too); arch_vmap_unpoison() undoes
 * it before the range is unmapped.  No effect in plain builds.
 */
void arch_vmap_poison(void *va, size_t len);
void arch_vmap_unpoison(void *va, size_t len);

/*
 * True when @p lies in a read-only segment of a loaded object (a string
 * literal, a const table): kshim's stand-in for is_kernel_rodata(), which
 * kstrdup_const()/kfree_const() need.
 */
bool arch_is_rodata(const void *p);

#endif /* _KSHIM_ARCH_VMAP_H */
