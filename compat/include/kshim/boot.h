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

/* Returns 0, or -EINVAL (after a message naming the setting) and changes
 * nothing. */
int kshim_boot(const char *setting, ...) __attribute__((__sentinel__));

/* The value a setting currently has, as text (NULL if unknown). */
const char *kshim_setting(const char *name);

#endif /* _KSHIM_BOOT_H */
