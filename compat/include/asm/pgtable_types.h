/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/pgtable_types.h - page protections, as far as drivers name them
 * (arch/x86/include/asm/pgtable_types.h of 6.1, x86-64): pgprot_t and the
 * PAGE_KERNEL family that vmap() and __vmalloc_node_range() take.  kshim
 * honours only the write bit (a PAGE_KERNEL_RO vmap() is read-only); the
 * other bits are kept for code that compares or prints them.
 */
#ifndef _ASM_X86_PGTABLE_DEFS_H
#define _ASM_X86_PGTABLE_DEFS_H

#include <linux/const.h>
#include <linux/types.h>

#define _PAGE_PRESENT	(_AT(u64, 1) << 0)
#define _PAGE_RW	(_AT(u64, 1) << 1)
#define _PAGE_USER	(_AT(u64, 1) << 2)
#define _PAGE_PWT	(_AT(u64, 1) << 3)
#define _PAGE_PCD	(_AT(u64, 1) << 4)
#define _PAGE_ACCESSED	(_AT(u64, 1) << 5)
#define _PAGE_DIRTY	(_AT(u64, 1) << 6)
#define _PAGE_PSE	(_AT(u64, 1) << 7)
#define _PAGE_GLOBAL	(_AT(u64, 1) << 8)
#define _PAGE_NX	(_AT(u64, 1) << 63)

typedef u64 pgprotval_t;
typedef struct pgprot { pgprotval_t pgprot; } pgprot_t;

#define pgprot_val(x)		((x).pgprot)
#define __pgprot(x)		((pgprot_t) { (x) })

#define __PAGE_KERNEL_RO	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_NX | \
				 _PAGE_GLOBAL)
#define __PAGE_KERNEL		(__PAGE_KERNEL_RO | _PAGE_RW | _PAGE_DIRTY)
#define __PAGE_KERNEL_EXEC	(__PAGE_KERNEL & ~_PAGE_NX)

#define PAGE_KERNEL		__pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_RO		__pgprot(__PAGE_KERNEL_RO)
#define PAGE_KERNEL_EXEC	__pgprot(__PAGE_KERNEL_EXEC)
#define PAGE_KERNEL_NOCACHE	__pgprot(__PAGE_KERNEL | _PAGE_PCD)

#define pgprot_nx(prot)		__pgprot(pgprot_val(prot) | _PAGE_NX)
#define pgprot_noncached(prot)	__pgprot(pgprot_val(prot) | _PAGE_PCD)
/*
 * arch/x86/mm/pat/memtype.c with the kernel's PAT layout: write-combining
 * is PAT entry 1, selected by _PAGE_PWT alone.
 */
#define pgprot_writecombine(prot) __pgprot(pgprot_val(prot) | _PAGE_PWT)
#define pgprot_device(prot)	pgprot_noncached(prot)	/* linux/pgtable.h */

/* A user PTE (pte_t) and the levels above, as the kernel's types. */
typedef u64 pteval_t;
typedef u64 pmdval_t;
typedef u64 pudval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pudval_t pud; } pud_t;
#define pte_val(x)		((x).pte)
#define __pte(x)		((pte_t) { (x) })

/*
 * User page protections (x86-64, 6.1): what vm_get_page_prot() hands out
 * for each VM_READ/VM_WRITE/VM_EXEC/VM_SHARED combination.  A private
 * writable mapping gets PAGE_COPY (read-only: the first write faults and
 * copies); PAGE_NONE is not present (_PAGE_PROTNONE is _PAGE_GLOBAL).
 */
#define _PAGE_PROTNONE		_PAGE_GLOBAL
#define PAGE_NONE		__pgprot(_PAGE_ACCESSED | _PAGE_PROTNONE)
#define PAGE_SHARED		__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
					 _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_SHARED_EXEC	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
					 _PAGE_ACCESSED)
#define PAGE_COPY_NOEXEC	__pgprot(_PAGE_PRESENT | _PAGE_USER | \
					 _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_COPY_EXEC		__pgprot(_PAGE_PRESENT | _PAGE_USER | \
					 _PAGE_ACCESSED)
#define PAGE_COPY		PAGE_COPY_NOEXEC
#define PAGE_READONLY		PAGE_COPY_NOEXEC
#define PAGE_READONLY_EXEC	PAGE_COPY_EXEC

/*
 * The vmalloc range (asm/pgtable_64_types.h): where the simulated machine
 * reserved it at boot, a variable as with CONFIG_DYNAMIC_MEMORY_LAYOUT.
 * VMALLOC_END is the last byte, as the kernel's.
 */
extern unsigned long vmalloc_base;
extern unsigned long kshim_vmalloc_size;
#define VMALLOC_START		vmalloc_base
#define VMALLOC_END		(VMALLOC_START + kshim_vmalloc_size - 1)

/* What the kernel's asm/pgtable_types.h also makes visible. */
#include <asm/page_types.h>
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/stringify.h>

#endif /* _ASM_X86_PGTABLE_DEFS_H */
