// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/fault.c - kernel page faults: the oops.
 *
 * Reproduces the report of arch/x86/mm/fault.c (page_fault_oops(),
 * show_fault_oops()) and arch/x86/kernel/dumpstack.c (__die_header()) of
 * 6.8 for a kernel-mode access to an unmapped address:
 *	BUG: unable to handle page fault for address: <addr>
 *	    (BUG: kernel NULL pointer dereference, address: <addr> below 4K)
 *	#PF: supervisor write access in kernel mode
 *	#PF: error_code(0x0002) - not-present page
 *	Oops: 0002 [#1] PREEMPT SMP NOPTI
 * with kshim's explanation of the address where the kernel prints its page
 * table walk (which kmap window, which frame, where it was mapped and
 * unmapped: compat/mm; then the faulting line), then the CPU line, RIP,
 * the call trace, CR2 and the end marker; the report names the faulting
 * driver line.  The task then dies as an oops kills it: the test fails
 * (unless it expected the "oops" report) and the next test still runs.
 *
 * A wild pointer dereferenced by kernel code (an inlined kernel API such
 * as get_page() or page_address(), or kshim's emulation of the kernel) is
 * an oops too: "BUG: unable to handle page fault for address: ..." for a
 * canonical address; for a non-canonical one the host, like the CPU,
 * raises a general protection fault without the address, so the faulting
 * instruction's memory operand is decoded as the kernel's
 * get_kernel_gp_address() does: "general protection fault, probably for
 * non-canonical address 0x...: 0000 [#1] ...".
 *
 * An address of kshim's ioremap area (compat/arch/mmio.c) is always the
 * kernel's: a plain dereference of an __iomem pointer, or an accessor on
 * a mapping already unmapped, is the same oops, explained by
 * compat/mm/ioremap.c (which mapping, mapped and unmapped where).  An
 * accessor's own access to a pointer outside the area names the
 * accessor's caller (arch_fault_access_site).
 *
 * The host side: a SIGSEGV handler.  Faults at addresses kshim does not
 * own, in code that is not the kernel's (the test program's own wild
 * pointers, kshim's harness, other libraries), go to the handler that was
 * there before (AddressSanitizer's, which lets programs install their own
 * with its default allow_user_segv_handler=1) or to the default action,
 * as they would without kshim.  Under valgrind the fault reaches this
 * handler too: kmap windows and the highmem hole are marked addressable
 * for memcheck (kmap_window.c).
 */
#define _GNU_SOURCE 1
#include <link.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#include <linux/printk.h>
#include <linux/panic.h>
#include <asm/current.h>

#include "kshim/internal.h"
#include "kshim/site.h"
#include "arch/fault.h"
#include "arch/kmap_window.h"
#include "arch/mmio.h"

/* x86 page-fault error code bits (arch/x86/include/asm/trap_pf.h). */
#define X86_PF_PROT	(1UL << 0)
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_INSTR	(1UL << 4)

#define KSHIM_NULL_LIMIT 4096UL		/* PAGE_SIZE: a NULL dereference */

static struct sigaction prev_segv;
static bool installed;
static int die_counter;

/* What the handler saw, for the oops entry on the same thread. */
enum fault_kind {
	FAULT_KERNEL,		/* an address kshim owns, or the NULL page */
	FAULT_MAYBE,		/* a foreign address: kernel code's or not */
	FAULT_USER,		/* a simulated process's user address (SMAP) */
};
static __thread enum fault_kind fault_kind;
static __thread bool fault_gp;		/* general protection, not #PF */
static __thread int gp_hint;		/* GP_* below */
static __thread unsigned long fault_ip;	/* code to judge the fault by */
static __thread bool fault_ip_is_return;
static __thread const struct kshim_site *given_site; /* arch_oops_at() */
__thread const struct kshim_site *arch_fault_access_site;
static __thread siginfo_t saved_si;	/* to pass a foreign fault on */
static __thread ucontext_t saved_uc;

enum { GP_NO_HINT, GP_NON_CANONICAL, GP_CANONICAL };

/* The executable's code (driver, tests and libkshim are linked into it). */
#define MAX_TEXT 8
static struct { uintptr_t start, end; } program_text[MAX_TEXT];
static int nr_program_text;

static int find_program_text(struct dl_phdr_info *info, size_t size,
			     void *data)
{
	int i;

	/* The first object is the executable itself. */
	for (i = 0; i < info->dlpi_phnum && nr_program_text < MAX_TEXT; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];

		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		program_text[nr_program_text].start = info->dlpi_addr +
						      ph->p_vaddr;
		program_text[nr_program_text].end = info->dlpi_addr +
						    ph->p_vaddr + ph->p_memsz;
		nr_program_text++;
	}
	return 1;
}

/* Signal-safe: reads the table filled at init. */
static bool in_program_text(uintptr_t ip)
{
	int i;

	for (i = 0; i < nr_program_text; i++)
		if (ip >= program_text[i].start && ip < program_text[i].end)
			return true;
	return false;
}

static bool is_canonical(unsigned long addr)
{
	return (unsigned long)((long)(addr << 16) >> 16) == addr;
}

/* General registers in the encoding's order: rax, rcx, ... r15. */
static const int reg_of[16] = {
	REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI,
	REG_RDI, REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13,
	REG_R14, REG_R15,
};

static int32_t load_s32(const uint8_t *p)
{
	int32_t v;

	memcpy(&v, p, sizeof(v));	/* displacements are unaligned */
	return v;
}

/*
 * The top word of the interrupted stack (a leaf routine's return
 * address): below the handler's own frame, in whatever state the
 * interrupted code left it, so not for AddressSanitizer to judge.
 */
__attribute__((__no_sanitize_address__))
static uintptr_t stack_top_word(const greg_t *r)
{
	return *(const volatile uintptr_t *)r[REG_RSP];
}

/*
 * The memory operand of the instruction at @ip: what get_kernel_gp_address()
 * finds with the kernel's instruction decoder, for the common forms
 * (legacy, REX, VEX and EVEX prefixes; ModRM/SIB addressing; string
 * instructions).  False when it cannot tell.
 */
static bool gp_address(const greg_t *r, unsigned long *addr)
{
	const uint8_t *p = (const uint8_t *)r[REG_RIP];
	unsigned int rex_x = 0, rex_b = 0, op, mod, rm, base, index, scale;
	unsigned long a = 0;
	int i;

	for (i = 0; i < 14; i++, p++) {
		if (*p == 0x66 || *p == 0x67 || *p == 0xf0 || *p == 0xf2 ||
		    *p == 0xf3 || *p == 0x2e || *p == 0x36 || *p == 0x3e ||
		    *p == 0x26)
			continue;
		if (*p == 0x64 || *p == 0x65)
			return false;	/* %fs/%gs-based */
		break;
	}
	if ((*p & 0xf0) == 0x40) {		/* REX */
		rex_x = (*p >> 1) & 1;
		rex_b = *p & 1;
		p++;
	}
	if (*p == 0xc5) {			/* 2-byte VEX: map 0F */
		p += 3;
	} else if (*p == 0xc4 || *p == 0x62) {	/* 3-byte VEX, EVEX */
		rex_x = !((p[1] >> 6) & 1);
		rex_b = !((p[1] >> 5) & 1);
		p += *p == 0xc4 ? 4 : 5;
	} else {
		op = *p++;
		if (op >= 0xa4 && op <= 0xaf) {	/* movs, cmps, stos, lods, scas */
			unsigned long si = r[REG_RSI], di = r[REG_RDI];

			*addr = (op == 0xac || op == 0xad) ? si :
				(op >= 0xaa) ? di :
				!is_canonical(si) ? si : di;
			return true;
		}
		if (op == 0x0f) {
			op = *p++;
			if (op == 0x38 || op == 0x3a)
				p++;
		}
	}
	mod = *p >> 6;
	rm = *p & 7;
	p++;
	if (mod == 3)
		return false;
	if (rm == 4) {				/* SIB */
		scale = *p >> 6;
		index = ((*p >> 3) & 7) | rex_x << 3;
		base = (*p & 7) | rex_b << 3;
		p++;
		if (index != 4)
			a += (unsigned long)r[reg_of[index]] << scale;
		if ((base & 7) == 5 && mod == 0) {
			a += (unsigned long)(long)load_s32(p);
			*addr = a;
			return true;
		}
		a += r[reg_of[base]];
	} else if (rm == 5 && mod == 0) {
		return false;			/* %rip-relative: canonical */
	} else {
		a += r[reg_of[rm | rex_b << 3]];
	}
	if (mod == 1)
		a += (unsigned long)(long)*(const int8_t *)p;
	else if (mod == 2)
		a += (unsigned long)(long)load_s32(p);
	*addr = a;
	return true;
}

static void print_die_header(const char *str, unsigned long err)
{
	printk(KERN_DEFAULT "%s: %04lx [#%d] PREEMPT SMP%s NOPTI\n", str,
	       err & 0xffff, ++die_counter,
	       kshim_config.debug_pagealloc ? " DEBUG_PAGEALLOC" : "");
}

/* page_fault_oops(); "arch_" keeps it out of the printed call trace. */
static __attribute__((__noreturn__)) void
arch_page_fault_oops(unsigned long addr, unsigned long err, unsigned long ip)
{
	struct kshim_site site = { "?", 0, "?", NULL };
	bool have_site;
	char gp[128];

	if (given_site) {
		site = *given_site;
		have_site = true;
	} else {
		have_site = arch_fault_site(ip, &site);
	}

	kshim_report_begin(KSHIM_REPORT_OOPS, have_site ? site.file : NULL,
			   site.line, have_site ? site.func : NULL);
	if (fault_gp) {
		/* exc_general_protection(): no #PF lines, no CR2 */
		if (gp_hint == GP_NO_HINT)
			snprintf(gp, sizeof(gp), "general protection fault");
		else
			snprintf(gp, sizeof(gp),
				 "general protection fault, %s 0x%lx",
				 gp_hint == GP_NON_CANONICAL ?
				 "probably for non-canonical address" :
				 "maybe for address", addr);
		print_die_header(gp, 0);
		if (have_site)
			printk(KERN_ALERT "kshim: the faulting access: %s:%d (%s)\n",
			       site.file, site.line, site.func);
	} else {
		if (fault_kind == FAULT_USER && kshim_fault_user_pte(addr) &
						 ARCH_PTE_PRESENT)
			err |= X86_PF_PROT;	/* SMAP: present, yet no access */
		if (addr < KSHIM_NULL_LIMIT)
			printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %016lx\n",
			       addr);
		else
			printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n",
			       addr);
		printk(KERN_ALERT "#PF: %s %s in %s mode\n",
		       (err & X86_PF_USER) ? "user" : "supervisor",
		       (err & X86_PF_INSTR) ? "instruction fetch" :
		       (err & X86_PF_WRITE) ? "write access" : "read access",
		       "kernel");
		printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", err,
		       !(err & X86_PF_PROT) ? "not-present page" :
					      "permissions violation");
		/* Where the kernel walks the page tables: what it is. */
		if (kshim_debug_pagealloc_explain(addr)) {
			/* a freed lowmem page, unmapped */
		} else if (fault_kind == FAULT_USER) {
			kshim_fault_user_explain(addr);
		} else if (arch_mmio_owns(addr)) {
			/* MMIO: what the mapping is or was */
			if (!kshim_mmio_fault_explain(addr))
				printk(KERN_ALERT "kshim: nothing of the simulated machine is at %#lx: a wild pointer\n",
				       addr);
		} else if (fault_kind == FAULT_MAYBE) {
			printk(KERN_ALERT "kshim: nothing of the simulated machine is at %#lx: a wild pointer\n",
			       addr);
		} else if (addr < KSHIM_NULL_LIMIT) {
			/* Only the driver's own access can be page_address()'s. */
			if (!given_site && have_site &&
			    !arch_fault_in_kernel_code(ip, false))
				printk(KERN_ALERT "kshim: (page_address() of a highmem page that is not kmapped is NULL)\n");
		} else {
			kshim_fault_explain(addr);
		}
		if (have_site)
			printk(KERN_ALERT "kshim: the faulting access: %s:%d (%s)\n",
			       site.file, site.line, site.func);
		else
			printk(KERN_ALERT "kshim: the faulting access: in %s (no line information)\n",
			       site.func);
		print_die_header("Oops", err);
	}
	kshim_print_cpu_line();
	printk(KERN_WARNING "RIP: 0010:%s %s:%d\n", site.func, site.file,
	       site.line);
	kshim_print_trace();
	kshim_print_modules();
	if (!fault_gp)
		printk(KERN_WARNING "CR2: %016lx\n", addr);
	kshim_print_end_trace();
	add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	kshim_report_end();
	kshim_task_die();
}

/* What the kernel's error code would be: not present, write or read. */
static unsigned long fault_error_code(const ucontext_t *uc)
{
	/* The host's own bit 0 says "PROT_NONE page": kshim's not-present. */
	return (unsigned long)uc->uc_mcontext.gregs[REG_ERR] &
	       (X86_PF_WRITE | X86_PF_INSTR);
}

static void chain(int sig, siginfo_t *si, void *uc)
{
	if (prev_segv.sa_flags & SA_SIGINFO) {
		if (prev_segv.sa_sigaction) {
			prev_segv.sa_sigaction(sig, si, uc);
			return;
		}
	} else if (prev_segv.sa_handler != SIG_DFL &&
		   prev_segv.sa_handler != SIG_IGN) {
		prev_segv.sa_handler(sig);
		return;
	}
	/* The default action, now (a raise()d signal would not come back). */
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Not the kernel's fault after all: what chain() would have done in the
 * handler, from the oops entry, with the context the handler saw.  A
 * sanitizer's handler reports and exits; the default action kills.
 */
static __attribute__((__noreturn__)) void chain_saved(void)
{
	chain(SIGSEGV, &saved_si, &saved_uc);
	signal(SIGSEGV, SIG_DFL);
	raise(SIGSEGV);
	abort();
}

/*
 * The oops does not run in the signal handler: printing it allocates and
 * locks, which is not safe there (ThreadSanitizer reports every such
 * call).  The handler points the interrupted context at this entry
 * instead and returns; the faulting code "calls" it.  Its CFI says that
 * the caller's stack pointer is in %rbx and its return address (the
 * faulting instruction) in %r12, so unwinders walk from the oops into
 * the faulting function and its callers as from any call.
 */
void arch_oops_trampoline(void);
void arch_page_fault_oops_entry(unsigned long addr, unsigned long err,
				unsigned long ip);

__asm__(".text\n"
	".globl arch_oops_trampoline\n"
	".type arch_oops_trampoline, @function\n"
	"arch_oops_trampoline:\n"
	"	.cfi_startproc\n"
	/*
	 * Like a signal frame: the "return address" is the faulting
	 * instruction itself, not the one after a call, so unwinders look
	 * up its own unwind data (which matters at a function's first
	 * instruction).
	 */
	"	.cfi_signal_frame\n"
	"	.cfi_def_cfa 3, 0\n"		/* CFA = %rbx */
	"	.cfi_register 16, 12\n"	/* return address = %r12 */
	"	andq $-16, %rsp\n"
	"	call arch_page_fault_oops_entry\n"
	"	ud2\n"
	"	.cfi_endproc\n"
	".size arch_oops_trampoline, .-arch_oops_trampoline\n");

void arch_page_fault_oops_entry(unsigned long addr, unsigned long err,
				unsigned long ip)
{
	if (arch_fault_access_site) {
		/* an MMIO accessor's own access: the driver's line */
		given_site = arch_fault_access_site;
		arch_fault_access_site = NULL;
	} else if (fault_kind == FAULT_MAYBE &&
		   !arch_fault_in_kernel_code(fault_ip, fault_ip_is_return)) {
		chain_saved();
	}
	arch_page_fault_oops(addr, err, ip);
}

static void arch_segv_handler(int sig, siginfo_t *si, void *ctx)
{
	static __thread bool in_oops;
	ucontext_t *uc = ctx;
	greg_t *r = uc->uc_mcontext.gregs;
	unsigned long addr = (unsigned long)si->si_addr;
	uintptr_t ret;

	/* A fault while printing the oops, or a raise()d signal: pass on. */
	if (in_oops || si->si_code <= 0) {
		chain(sig, si, ctx);
		return;
	}
	fault_gp = si->si_code == SI_KERNEL;
	if (fault_gp) {
		/* #GP: the host gives no address; decode the instruction. */
		addr = 0;
		gp_hint = GP_NO_HINT;
		if (gp_address(r, &addr))
			gp_hint = is_canonical(addr) ? GP_CANONICAL :
						       GP_NON_CANONICAL;
	}
	if (!fault_gp && (addr < KSHIM_NULL_LIMIT ||
			  kshim_fault_is_kernel_address(addr) ||
			  arch_mmio_owns(addr) ||
			  kshim_debug_pagealloc_owns(addr))) {
		fault_kind = FAULT_KERNEL;
	} else if (!fault_gp && kshim_fault_is_user_address(addr)) {
		/* user pages are never host-mapped: only kernel code faults */
		fault_kind = FAULT_USER;
	} else {
		/*
		 * A foreign address: the kernel's fault if kernel code made
		 * the access, itself or through a library routine it called
		 * (a leaf such as memset: its return address is on top of
		 * the stack).  The oops entry decides, with the debug
		 * information; the context is kept to pass the fault on.
		 */
		ret = stack_top_word(r);
		if (in_program_text(r[REG_RIP])) {
			fault_ip = r[REG_RIP];
			fault_ip_is_return = false;
		} else if (in_program_text(ret)) {
			fault_ip = ret;
			fault_ip_is_return = true;
		} else {
			chain(sig, si, ctx);
			return;
		}
		fault_kind = FAULT_MAYBE;
		saved_si = *si;
		saved_uc = *uc;
		if (uc->uc_mcontext.fpregs) {
			memcpy(&saved_uc.__fpregs_mem, uc->uc_mcontext.fpregs,
			       sizeof(saved_uc.__fpregs_mem));
			saved_uc.uc_mcontext.fpregs = &saved_uc.__fpregs_mem;
		}
	}
	in_oops = true;
	/* Resume in arch_oops_trampoline(addr, err, ip), never returning. */
	r[REG_RDI] = (greg_t)addr;
	r[REG_RSI] = (greg_t)fault_error_code(uc);
	r[REG_RDX] = r[REG_RIP];
	r[REG_RBX] = r[REG_RSP];
	r[REG_R12] = r[REG_RIP];
	r[REG_RIP] = (greg_t)arch_oops_trampoline;
}

/*
 * kshim's own code is about to make the access the kernel's would fault
 * on (__free_pages(NULL, 0) reads page->flags): the same oops, at the
 * driver's line that called it, even when no frame of the driver is left
 * on the stack (a tail call).
 */
void arch_oops_at(unsigned long addr, bool write, const char *file,
		  int line, const char *func)
{
	static __thread struct kshim_site site;

	site.file = file;
	site.line = line;
	site.func = func;
	site.mod = NULL;
	given_site = &site;
	fault_kind = FAULT_KERNEL;
	fault_gp = false;
	arch_page_fault_oops(addr, write ? X86_PF_WRITE : 0, 0);
}

bool arch_checker_oops;

void arch_oops_checker(unsigned long addr, bool write, unsigned long pc)
{
	arch_checker_oops = true;
	given_site = NULL;
	fault_kind = FAULT_KERNEL;
	fault_gp = false;
	/* The call into the checker: its own line is the access's. */
	arch_page_fault_oops(addr, write ? X86_PF_WRITE : 0, pc - 1);
}

void arch_fault_init(void)
{
	struct sigaction sa;

	if (installed)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = arch_segv_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, &prev_segv) == 0)
		installed = true;
	dl_iterate_phdr(find_program_text, NULL);
	/* Under memcheck a NULL dereference must reach the oops too. */
	arch_kmap_hole_for_fault((void *)0, KSHIM_NULL_LIMIT);
}
