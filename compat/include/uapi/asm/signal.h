/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm/signal.h - x86's signal numbers.
 *
 * Follows arch/x86/include/uapi/asm/signal.h of 6.x for the numbers only
 * (no sigset_t or sigaction: kshim delivers no signals, the test only
 * marks them pending).  They are spelt the way glibc's <signal.h> spells
 * them, aliases too, so host code may see both in any order.
 */
#ifndef _UAPI_ASM_X86_SIGNAL_H
#define _UAPI_ASM_X86_SIGNAL_H

#define SIGHUP		 1
#define SIGINT		 2
#define SIGQUIT		 3
#define SIGILL		 4
#define SIGTRAP		 5
#define SIGABRT		 6
#define SIGIOT		SIGABRT
#define SIGBUS		 7
#define SIGFPE		 8
#define SIGKILL		 9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGPOLL		29
#define SIGIO		SIGPOLL
#define SIGPWR		30
#define SIGSYS		31

#endif /* _UAPI_ASM_X86_SIGNAL_H */
