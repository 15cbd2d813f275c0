/*
 * kshim/boot.h - configuring the simulated machine.
 *
 * The machine boots before main() from defaults and KSHIM_* environment
 * variables; an invalid variable stops the program with a message naming
 * it.  kshim_boot() reboots it with settings given as "KSHIM_NAME=value"
 * strings (NULL-terminated), overriding the environment.  Called from
 * main() it applies to every test; called inside a test, to that test only.
 */
#ifndef _KSHIM_BOOT_H
#define _KSHIM_BOOT_H

/*
 * Returns 0, or -EINVAL (after a message naming the setting) and changes
 * nothing.  A reboot destroys the machine's memory, mappings and CPUs: it
 * is refused with -EBUSY and a "boot" report at the caller's line when it
 * would pull them from under the caller: from interrupt context, with
 * interrupts or preemption disabled (a spinlock, a kmap_atomic()), or
 * inside a test that still holds what the old machine gave it (pages,
 * kmaps, locks, IRQ lines, tasklets, vmalloc areas, RCU readers...; slab
 * objects alone die with the machine).
 */
int __kshim_boot(const char *file, int line, const char *setting, ...)
	__attribute__((__sentinel__));
#define kshim_boot(...)	__kshim_boot(__FILE__, __LINE__, __VA_ARGS__)
/* The same as a function (where the macro cannot be used). */
int (kshim_boot)(const char *setting, ...) __attribute__((__sentinel__));

/* The value a setting currently has, as text (NULL if unknown). */
const char *kshim_setting(const char *name);

/*
 * The kernel version the machine runs (KERNEL_VERSION(6, 8, 0) unless set):
 * the texts the kernel prints itself (WARN, dump_stack(), might_sleep(),
 * "scheduling while atomic", "page allocation failure") follow it; 2.6.28 -
 * 2.6.36 print 2.6.35's.  kshim/test.h sets it before main() to the test
 * program's KSHIM_LINUX_VERSION_CODE.
 */
void kshim_set_linux_version(unsigned int version);
unsigned int kshim_linux_version(void);

/*
 * The machine's tick rate: jiffies count at @hz (100, 250, 300 or 1000;
 * anything else stops the program with an error).  kshim/test.h sets it
 * before main() to the test program's HZ (linux/param.h: the profile's,
 * or -DKSHIM_HZ=...); 1000 otherwise.  Set it before the machine boots.
 */
void kshim_set_hz(unsigned int hz);
unsigned int kshim_hz(void);

#endif /* _KSHIM_BOOT_H */
