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
 * The host side: a SIGSEGV handler.  Faults at addresses kshim does not
 * own go to the handler that was there before (AddressSanitizer's, which
 * lets programs install their own with its default
 * allow_user_segv_handler=1) or to the default action, so kshim's own
 * bugs and a driver's wild pointers crash as they would without kshim.
 * Under valgrind the fault reaches this handler too: kmap windows and the
 * highmem hole are marked addressable for memcheck (kmap_window.c).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#include <linux/printk.h>
#include <linux/panic.h>
#include <asm/current.h>

#include "kshim/internal.h"
#include "arch/fault.h"
#include "arch/kmap_window.h"

/* x86 page-fault error code bits (arch/x86/include/asm/trap_pf.h). */
#define X86_PF_PROT	(1UL << 0)
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_INSTR	(1UL << 4)

#define KSHIM_NULL_LIMIT 4096UL		/* PAGE_SIZE: a NULL dereference */

static struct sigaction prev_segv;
static bool installed;
static int die_counter;

/* page_fault_oops(); "arch_" keeps it out of the printed call trace. */
static __attribute__((__noreturn__)) void
arch_page_fault_oops(unsigned long addr, unsigned long err, unsigned long ip)
{
	struct kshim_site site = { "?", 0, "?", NULL };
	bool have_site = arch_fault_site(ip, &site);

	kshim_report_begin(KSHIM_REPORT_OOPS, have_site ? site.file : NULL,
			   site.line, have_site ? site.func : NULL);
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
	/* Where the kernel walks the page tables: what the address is. */
	kshim_fault_explain(addr);
	if (have_site)
		printk(KERN_ALERT "kshim: the faulting access: %s:%d (%s)\n",
		       site.file, site.line, site.func);
	else
		printk(KERN_ALERT "kshim: the faulting access: in %s (no line information)\n",
		       site.func);
	printk(KERN_DEFAULT "Oops: %04lx [#%d] PREEMPT SMP NOPTI\n",
	       err & 0xffff, ++die_counter);
	kshim_print_cpu_line();
	printk(KERN_WARNING "RIP: 0010:%s %s:%d\n", site.func, site.file,
	       site.line);
	kshim_print_trace();
	kshim_print_modules();
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
	arch_page_fault_oops(addr, err, ip);
}

static void arch_segv_handler(int sig, siginfo_t *si, void *ctx)
{
	static __thread bool in_oops;
	ucontext_t *uc = ctx;
	greg_t *r = uc->uc_mcontext.gregs;
	unsigned long addr = (unsigned long)si->si_addr;

	/* A fault while printing the oops, or not the kernel's: pass on. */
	if (in_oops || si->si_code <= 0 ||
	    (addr >= KSHIM_NULL_LIMIT && !kshim_fault_is_kernel_address(addr))) {
		chain(sig, si, ctx);
		return;
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
	/* Under memcheck a NULL dereference must reach the oops too. */
	arch_kmap_hole_for_fault((void *)0, KSHIM_NULL_LIMIT);
}
