// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/dumpstack.c - the host backtrace in a report's Call Trace.
 *
 * Plays the part of arch/x86/kernel/dumpstack.c (with the file:line that
 * scripts/decode_stacktrace.sh adds): one " symbol+0xoff/0xsize file:line"
 * line per frame of the host stack.  glibc's unwinder walks the stack;
 * elfutils' libdwfl names every function, static ones included, from the
 * symbol table and adds the source line when there is debug information.
 * kshim's own frames on top of the stack are left out, and the walk stops
 * at the harness, so the trace starts and ends with the code under test.
 * A line inside one of kshim's kernel headers is an inlined wrapper
 * (get_page(), alloc_page(), kmap_local_page()...): the frame is shown at
 * the line that called it, walking the DWARF inline chain outwards, so a
 * trace or an oops names the driver's line, never kshim's header.
 * KSHIM_BACKTRACE=0 leaves traces empty.
 */
#include "config.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <execinfo.h>
#include <stdlib.h>
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

#include <linux/printk.h>
#include <asm/current.h>

#include "kshim/internal.h"

#define MAX_FRAMES 48

static pthread_mutex_t dwfl_lock = PTHREAD_MUTEX_INITIALIZER;
static Dwfl *dwfl;

static const Dwfl_Callbacks dwfl_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
};

/* The process's modules; a forked test sees the same mappings. */
static Dwfl *get_dwfl(void)
{
	if (dwfl)
		return dwfl;
	dwfl = dwfl_begin(&dwfl_callbacks);
	if (!dwfl)
		return NULL;
	if (dwfl_linux_proc_report(dwfl, getpid()) ||
	    dwfl_report_end(dwfl, NULL, NULL)) {
		dwfl_end(dwfl);
		dwfl = NULL;
	}
	return dwfl;
}

struct frame {
	const char *name;	/* function, or NULL */
	GElf_Off off;
	GElf_Word size;
	const char *file;	/* source file, or NULL */
	int line;
	uintptr_t ip;
	bool in_program;	/* in the executable libkshim is linked into */
	bool in_header;		/* file/line are still in a kshim header */
	bool raw_header;	/* the innermost line is in a kshim header */
};

static bool starts_with(const char *s, const char *prefix)
{
	return s && !strncmp(s, prefix, strlen(prefix));
}

/*
 * One of kshim's kernel (or test-side) headers, in the tree or installed
 * (<prefix>/include/kshim/linux/mm.h), relative or absolute.
 */
static bool is_kshim_header(const char *file)
{
	return file && (starts_with(file, "compat/include/") ||
			strstr(file, "/compat/include/") ||
			strstr(file, "include/kshim/"));
}

static const char *strip_dot(const char *file)
{
	/* clang joins names to the compilation directory, mapped to "." */
	while (file && !strncmp(file, "./", 2))
		file += 2;
	return file;
}

/*
 * The line @f is at is inside a kshim header: walk the inline chain at
 * @addr outwards (DW_AT_call_file/DW_AT_call_line of each inlined
 * subroutine) to the first call made from a file that is not one.
 */
static void resolve_inlined(Dwfl_Module *mod, Dwarf_Addr addr, struct frame *f)
{
	Dwarf_Addr bias = 0;
	Dwarf_Die *cudie = dwfl_module_addrdie(mod, addr, &bias);
	Dwarf_Die *scopes = NULL, inner;
	Dwarf_Files *files;
	int n, i;

	/* No .debug_aranges (clang): the units' own ranges, as below. */
	if (!cudie) {
		Dwarf_Die *cu = NULL;

		while ((cu = dwfl_module_nextcu(mod, cu, &bias)))
			if (dwarf_haspc(cu, addr - bias) > 0)
				break;
		cudie = cu;
	}
	if (!cudie || dwarf_getsrcfiles(cudie, &files, NULL))
		return;
	/*
	 * The innermost scope at @addr, then every scope around that DIE
	 * (its concrete inlined subroutines, innermost first).
	 */
	n = dwarf_getscopes(cudie, addr - bias, &scopes);
	if (n <= 0)
		return;
	inner = scopes[0];
	free(scopes);
	scopes = NULL;
	n = dwarf_getscopes_die(&inner, &scopes);
	for (i = 0; i < n; i++) {
		Dwarf_Attribute attr;
		Dwarf_Word file_idx, line;
		const char *file;

		if (dwarf_tag(&scopes[i]) != DW_TAG_inlined_subroutine)
			continue;
		if (dwarf_formudata(dwarf_attr(&scopes[i], DW_AT_call_file,
					       &attr), &file_idx) ||
		    dwarf_formudata(dwarf_attr(&scopes[i], DW_AT_call_line,
					       &attr), &line))
			break;
		file = strip_dot(dwarf_filesrc(files, file_idx, NULL, NULL));
		if (!file)
			break;
		f->file = file;
		f->line = (int)line;
		if (!is_kshim_header(file)) {
			f->in_header = false;
			break;
		}
	}
	free(scopes);
}

/*
 * libdw finds the compilation unit of an address through .debug_aranges,
 * which clang writes only with -gdwarf-aranges, a flag gcc rejects: a
 * driver built by clang against a gcc-built kshim (whose kernel_cflags
 * cannot carry it) has none.  Then search the units' own address ranges.
 */
static const char *getsrc_by_ranges(Dwfl_Module *mod, Dwarf_Addr addr,
				    int *line)
{
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;
	Dwarf_Line *l;

	while ((cu = dwfl_module_nextcu(mod, cu, &bias))) {
		if (dwarf_haspc(cu, addr - bias) <= 0)
			continue;
		l = dwarf_getsrc_die(cu, addr - bias);
		if (!l || dwarf_lineno(l, line))
			return NULL;
		return dwarf_linesrc(l, NULL, NULL);
	}
	return NULL;
}

static void resolve(Dwfl *d, uintptr_t ip, struct frame *f)
{
	/* A return address points after the call: look up the call. */
	Dwarf_Addr addr = ip - 1;
	Dwfl_Module *mod = d ? dwfl_addrmodule(d, addr) : NULL;
	Dwfl_Line *l;
	GElf_Sym sym;

	memset(f, 0, sizeof(*f));
	f->ip = ip;
	if (!mod)
		return;
	/* libkshim is a static library: its module is the program's. */
	f->in_program = mod == dwfl_addrmodule(d, (uintptr_t)resolve);
	f->name = dwfl_module_addrinfo(mod, addr, &f->off, &sym, NULL, NULL,
				       NULL);
	if (f->name) {
		f->off++;
		f->size = sym.st_size;
	}
	l = dwfl_module_getsrc(mod, addr);
	if (l)
		f->file = dwfl_lineinfo(l, NULL, &f->line, NULL, NULL, NULL);
	else
		f->file = getsrc_by_ranges(mod, addr, &f->line);
	f->file = strip_dot(f->file);
	if (is_kshim_header(f->file)) {
		f->raw_header = f->in_header = true;
		resolve_inlined(mod, addr, f);
	}
}

/* kshim's own code, not the driver's: its library sources and entries. */
static bool is_kshim_frame(const struct frame *f)
{
	if (starts_with(f->name, "kshim_") || starts_with(f->name, "__kshim_") ||
	    starts_with(f->name, "__interceptor_") ||
	    starts_with(f->name, "__tsan_") || starts_with(f->name, "__asan_") ||
	    starts_with(f->name, "__ubsan_") ||
	    starts_with(f->name, "__sanitizer_") ||
	    starts_with(f->name, "arch_") || starts_with(f->name, "dump_stack") ||
	    starts_with(f->name, "panic"))
		return true;
	/* An out-of-line copy of a header's inline: kshim's too. */
	if (f->in_header)
		return true;
	return starts_with(f->file, "compat/") &&
	       !starts_with(f->file, "compat/include/");
}

static bool is_harness_frame(const struct frame *f)
{
	return starts_with(f->name, "kshim_test_body") ||
	       starts_with(f->name, "__libc_start") ||
	       starts_with(f->name, "_start");
}

static void print_frame(const struct frame *f)
{
	char where[512] = "";

	/* A line inside a kshim header is an inlined helper: not useful. */
	if (f->file && !f->in_header)
		snprintf(where, sizeof(where), " %s:%d", f->file, f->line);
	if (f->name)
		printk(KERN_WARNING " %s+0x%" PRIx64 "/0x%" PRIx64 "%s\n",
		       f->name, (uint64_t)f->off, (uint64_t)f->size, where);
	else
		printk(KERN_WARNING " ? 0x%" PRIxPTR "\n", f->ip);
}

/*
 * The kernel's %pS of a return address: "symbol+0xoff/0xsize" for the call
 * just before @ip (as in "WARNING: at file:line func+0x1c/0x80()"), or the
 * bare address when the symbol is unknown.
 */
void arch_sprint_symbol(char *buf, size_t len, unsigned long ip)
{
	struct frame f;

	pthread_mutex_lock(&dwfl_lock);
	resolve(get_dwfl(), ip, &f);
	pthread_mutex_unlock(&dwfl_lock);
	if (f.name)
		snprintf(buf, len, "%s+0x%" PRIx64 "/0x%" PRIx64, f.name,
			 (uint64_t)f.off, (uint64_t)f.size);
	else
		snprintf(buf, len, "0x%lx", ip);
}

bool arch_lookup_symbol(unsigned long addr, char *name, size_t len,
			unsigned long *off, unsigned long *size)
{
	Dwfl_Module *mod;
	const char *sym_name = NULL;
	GElf_Off sym_off = 0;
	GElf_Sym sym;
	Dwfl *d;

	pthread_mutex_lock(&dwfl_lock);
	d = get_dwfl();
	mod = d ? dwfl_addrmodule(d, addr) : NULL;
	if (mod)
		sym_name = dwfl_module_addrinfo(mod, addr, &sym_off, &sym,
						NULL, NULL, NULL);
	if (sym_name) {
		snprintf(name, len, "%s", sym_name);
		*off = sym_off;
		*size = sym.st_size;
	}
	pthread_mutex_unlock(&dwfl_lock);
	return sym_name;
}

/*
 * Load the symbol and line tables now, in the harness's process: every
 * test's child then inherits them instead of parsing the ELF and DWARF
 * files again (seconds per test under valgrind).
 */
void arch_dump_stack_prepare(void)
{
	struct frame f;

	if (!kshim_config.backtrace)
		return;
	pthread_mutex_lock(&dwfl_lock);
	resolve(get_dwfl(), (uintptr_t)arch_dump_stack_prepare + 1, &f);
	pthread_mutex_unlock(&dwfl_lock);
}

void arch_dump_host_stack(void)
{
	void *ips[MAX_FRAMES];
	bool top = true, faulting = false;
	Dwfl *d;
	int n, i;

	if (!kshim_config.backtrace)
		return;
	n = backtrace(ips, MAX_FRAMES);
	pthread_mutex_lock(&dwfl_lock);
	d = get_dwfl();
	for (i = 0; i < n; i++) {
		struct frame f;

		/* After the oops trampoline: the faulting instruction itself. */
		resolve(d, (uintptr_t)ips[i] + faulting, &f);
		if (faulting && f.name)
			f.off--;
		faulting = f.name && !strcmp(f.name, "arch_oops_trampoline");
		if (is_harness_frame(&f))
			break;
		if (top && is_kshim_frame(&f))
			continue;
		top = false;
		print_frame(&f);
	}
	pthread_mutex_unlock(&dwfl_lock);
}

/*
 * A frame of the driver or a test: a source file of the program that is
 * not kshim's (a driver built out of tree has absolute paths; libraries
 * such as the C library, even with debug information, are other modules).
 */
static bool is_driver_frame(const struct frame *f)
{
	return f->file && f->in_program && !is_kshim_frame(f);
}

static void set_site(const struct frame *f, struct kshim_site *site)
{
	static __thread char func[128], file[256];

	snprintf(func, sizeof(func), "%s", f->name ? f->name : "?");
	snprintf(file, sizeof(file), "%s", f->file);
	site->func = func;
	site->file = file;
	site->line = f->line;
	site->mod = NULL;
}

/*
 * Where a fault at @ip happened, for the oops: the faulting instruction if
 * it is the driver's (or a test's; an inlined kshim wrapper such as
 * get_page() counts as the line that called it), else (a library routine
 * such as memset or kshim's own code faulted) the first driver frame of
 * the stack below the oops entry.  Without line information (code built
 * without -g) it fails, with the faulting function's name in @site->func
 * if known.  Called on the faulting thread, in the oops entry.
 */
bool arch_fault_site(unsigned long ip, struct kshim_site *site)
{
	void *ips[MAX_FRAMES];
	bool found = false, below = false, faulting = false;
	struct frame f;
	int n, i;
	Dwfl *d;

	pthread_mutex_lock(&dwfl_lock);
	d = get_dwfl();
	/* resolve() looks up ip - 1: the faulting instruction is at ip. */
	resolve(d, ip + 1, &f);
	if (is_driver_frame(&f)) {
		set_site(&f, site);
		found = true;
	} else if (f.name) {
		/* No line information (yet): at least the function. */
		f.file = "?";
		f.line = 0;
		set_site(&f, site);
	}
	n = found ? 0 : backtrace(ips, MAX_FRAMES);
	for (i = 0; i < n && !found; i++) {
		resolve(d, (uintptr_t)ips[i] + faulting, &f);
		if (!below) {
			below = f.name &&
				!strcmp(f.name, "arch_oops_trampoline");
			faulting = below;
			continue;
		}
		/* The faulting frame itself was looked at above. */
		if (faulting) {
			faulting = false;
			continue;
		}
		if (is_harness_frame(&f))
			break;
		if (is_driver_frame(&f)) {
			set_site(&f, site);
			found = true;
		}
	}
	pthread_mutex_unlock(&dwfl_lock);
	return found;
}

/* A sanitizer runtime's routine (an atomic, an interceptor, a check). */
static bool is_runtime_frame(const struct frame *f)
{
	/* (C++ internals too: _ZN6__tsan12MemoryAccess...) */
	return f->name && (strstr(f->name, "__tsan") ||
			   strstr(f->name, "__asan") ||
			   strstr(f->name, "__ubsan") ||
			   strstr(f->name, "__sanitizer") ||
			   starts_with(f->name, "__interceptor_"));
}

/*
 * A sanitizer caught an access at @pc and kshim's hook runs inside its
 * report, on the accessing thread: the driver's (or test's) file:line.
 * The instrumented access itself when it is in the driver; when @pc is in
 * the runtime, the C library or kshim (a memcpy() that ASan checks in
 * __asan_memcpy, a kshim copy routine), the first driver frame of this
 * thread's stack, below the hook and the runtime's report frames.  False
 * without one, with @site->func the function at @pc if known.
 */
bool arch_checker_site(unsigned long pc, struct kshim_site *site)
{
	void *ips[MAX_FRAMES];
	bool found = false;
	struct frame f;
	int n, i;
	Dwfl *d;

	pthread_mutex_lock(&dwfl_lock);
	d = get_dwfl();
	/* resolve() looks up @pc - 1: inside the access's instruction */
	resolve(d, pc, &f);
	if (is_driver_frame(&f) && !is_runtime_frame(&f)) {
		set_site(&f, site);
		found = true;
	} else if (f.name) {
		f.file = "?";
		f.line = 0;
		set_site(&f, site);
	}
	n = found ? 0 : backtrace(ips, MAX_FRAMES);
	for (i = 0; i < n && !found; i++) {
		resolve(d, (uintptr_t)ips[i], &f);
		if (is_harness_frame(&f))
			break;
		if (is_driver_frame(&f) && !is_runtime_frame(&f)) {
			set_site(&f, site);
			found = true;
		}
	}
	pthread_mutex_unlock(&dwfl_lock);
	return found;
}

/*
 * A fault at an address kshim does not own, at @ip (or, @ip_is_return,
 * in a library routine called from @ip): true when the access is kernel
 * code's, an oops, rather than the test program's own wild pointer.
 * Kernel code here: an inlined kshim kernel API (get_page(),
 * page_address()...) or kshim's emulation.
 */
bool arch_fault_in_kernel_code(unsigned long ip, bool ip_is_return)
{
	void *ips[MAX_FRAMES];
	bool below = false, faulting = false, kernel = false;
	struct frame f;
	int n, i;
	Dwfl *d;

	pthread_mutex_lock(&dwfl_lock);
	d = get_dwfl();
	resolve(d, ip + !ip_is_return, &f);
	if (!is_runtime_frame(&f)) {
		kernel = f.in_program && (f.raw_header || is_kshim_frame(&f));
		goto out;
	}
	/* A sanitizer's routine faulted for its caller: judge the caller. */
	n = backtrace(ips, MAX_FRAMES);
	for (i = 0; i < n; i++) {
		resolve(d, (uintptr_t)ips[i] + faulting, &f);
		if (!below) {
			below = f.name &&
				!strcmp(f.name, "arch_oops_trampoline");
			faulting = below;
			continue;
		}
		faulting = false;
		if (is_harness_frame(&f))
			break;
		if (is_runtime_frame(&f))
			continue;
		kernel = f.in_program && (f.raw_header || is_kshim_frame(&f));
		break;
	}
out:
	pthread_mutex_unlock(&dwfl_lock);
	return kernel;
}
