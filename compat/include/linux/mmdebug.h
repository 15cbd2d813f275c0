/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mmdebug.h - VM_BUG_ON and friends, with CONFIG_DEBUG_VM on.
 *
 * Follows include/linux/mmdebug.h of 6.x: VM_BUG_ON_PAGE(cond, page) dumps
 * the page (dump_page() with reason "VM_BUG_ON_PAGE(<cond>)") and BUGs;
 * VM_WARN_ON* warn.  kshim's own inline helpers call the __kshim_ forms
 * with their caller's file and line, so the report names the driver.
 */
#ifndef _LINUX_MMDEBUG_H
#define _LINUX_MMDEBUG_H

#include <linux/bug.h>
#include <linux/stringify.h>

struct page;

void dump_page(const struct page *page, const char *reason);

__cold __noreturn void __kshim_vm_bug_page(const struct page *page,
					   const char *reason,
					   const char *file, int line,
					   const char *func);
__cold void __kshim_vm_warn_page(const struct page *page, const char *reason,
				 const char *file, int line, const char *func);

#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_WARN_ON(cond)	(void)WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond)	(void)WARN_ON_ONCE(cond)
#define VM_WARN_ONCE(cond, format...) (void)WARN_ONCE(cond, format)
#define VM_WARN(cond, format...) (void)WARN(cond, format)

#define VM_BUG_ON_PAGE(cond, page)					\
	do {								\
		if (unlikely(cond))					\
			__kshim_vm_bug_page(page,			\
				"VM_BUG_ON_PAGE(" __stringify(cond) ")",\
				__FILE__, __LINE__, __func__);		\
	} while (0)

#define VM_WARN_ON_PAGE(cond, page)					\
	({								\
		int __ret_warn = !!(cond);				\
		if (unlikely(__ret_warn))				\
			__kshim_vm_warn_page(page,			\
				"VM_WARN_ON_PAGE(" __stringify(cond) ")",\
				__FILE__, __LINE__, __func__);		\
		unlikely(__ret_warn);					\
	})

#define VM_BUG_ON_FOLIO(cond, folio) VM_BUG_ON_PAGE(cond, &(folio)->page)

struct mm_struct;
/* mm/debug.c's dump of an mm (the fields kshim has, 0 for the others). */
void dump_mm(const struct mm_struct *mm);

#define VM_BUG_ON_MM(cond, mm)						\
	do {								\
		if (unlikely(cond)) {					\
			dump_mm(mm);					\
			BUG();						\
		}							\
	} while (0)

/* What the kernel's linux/mmdebug.h also makes visible. */
#include <linux/jump_label.h>

#endif /* _LINUX_MMDEBUG_H */
