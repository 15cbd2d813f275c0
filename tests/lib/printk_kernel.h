/*
 * printk_kernel - kernel code (built with KERNEL_CPPFLAGS, so its
 * sprintf/snprintf/printk are the kernel's) for test_vsprintf,
 * test_hexdump and test_ratelimit.  Every format is a literal in
 * printk_kernel.c, checked by -Wformat as the kernel's are.
 */
#ifndef _PRINTK_KERNEL_H
#define _PRINTK_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

/* One named case: what the kernel code formatted. */
typedef int (*pk_case_fn)(char *buf, size_t size);
struct pk_case {
	const char *name;
	pk_case_fn fn;
	const char *want;	/* NULL: checked by the test itself */
};
extern const struct pk_case pk_int_cases[], pk_str_cases[],
	pk_ptr_cases[];

void pk_target(void);		/* a function for %pS */
int pk_sym(char *buf, size_t size, const char *which, void *addr);
int pk_ptr(char *buf, size_t size, const void *ptr);	/* "%p" */
int pk_ptr_k(char *buf, size_t size, const void *ptr);	/* "%pK" */
int pk_pe(char *buf, size_t size, const void *ptr);	/* "%pe" */
int pk_pgp(char *buf, size_t size, const unsigned long *flags);
int pk_pgg(char *buf, size_t size, unsigned int gfp);
int pk_pv(char *buf, size_t size, const char *fmt, ...)
	__attribute__((__format__(__printf__, 3, 4)));
int pk_percent_n(char *buf, size_t size);
int pk_huge_width(char *buf, size_t size);
int pk_unsupported(char *buf, size_t size);
int pk_scanf(const char *in, int *a, char *word, unsigned int *x);
void pk_set_kptr_restrict(int v);
int pk_sprintf_len(char *buf);

/* printk family */
void pk_printk_plain(const void *p);
void pk_pr_levels(void);
void pk_pr_once(int times);
void pk_printk_ratelimited(int times);
int pk_printk_ratelimit(int times);
void pk_no_printk(void);
void pk_dump_stack(void);
void pk_level_as_arg(void);

/* hexdump */
void pk_print_hex_dump(int prefix_type, int rowsize, int groupsize,
		       const void *buf, size_t len, bool ascii);
void pk_print_hex_dump_bytes(const void *buf, size_t len);

/* ratelimit: a state the test drives */
struct ratelimit_state;
struct ratelimit_state *pk_rs_new(int interval, int burst);
int pk_ratelimit(struct ratelimit_state *rs);
void pk_rs_age(struct ratelimit_state *rs);	/* the interval has passed */
int pk_rs_missed(struct ratelimit_state *rs);
void pk_rs_on_release(struct ratelimit_state *rs);
void pk_rs_exit(struct ratelimit_state *rs);

#endif /* _PRINTK_KERNEL_H */
