// SPDX-License-Identifier: GPL-2.0
/*
 * printk_kernel.c - kernel code for the printk tests: the kernel's
 * snprintf (linux/sprintf.h), printk and pr_*() with a pr_fmt, the hex
 * dumps and ratelimit states.  Built with KERNEL_CPPFLAGS and DEBUG (so
 * pr_debug() and print_hex_dump_bytes() print).
 */
#define DEBUG
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

#include "printk_kernel.h"

/* Integers and characters: the kernel's number(), not glibc's. */
#define INT_CASES(X)							\
	X(d, "42|-42|0", "%d|%d|%d", 42, -42, 0)			\
	X(width, "[   42][42   ][-0042]", "[%5d][%-5d][%05d]", 42, 42, -42) \
	X(plus_space, "+5| 5|-5", "%+d|% d|% d", 5, 5, -5)		\
	X(hex_zero_special, "0x0|0|0x1f|0X1F", "%#x|%#o|%#x|%#X", 0, 0, 31, 31) \
	X(octal, "17|017", "%o|%#o", 15, 15)				\
	X(hex, "abc|ABC", "%x|%X", 0xabc, 0xabc)			\
	X(precision_zero, "0|0", "%.0d|%.0x", 0, 0)			\
	X(precision_pads, "[  005][005  ][-005]", "[%5.3d][%-5.3d][%.3d]", \
	  5, 5, -5)							\
	X(star_width, "[42   ][   42]", "[%*d][%*d]", -5, 42, 5, 42)	\
	X(hh, "44|255|-1", "%hhd|%hhu|%hhd", (signed char)300,		\
	  (unsigned char)-1, (signed char)255)				\
	X(h, "2345|-1", "%hx|%hd", (unsigned short)0x12345, (short)65535) \
	X(l, "-9223372036854775808|18446744073709551615",		\
	  "%ld|%lu", LONG_MIN, ULONG_MAX)				\
	X(ll, "-1|ffffffffffffffff", "%lld|%llx", -1LL, ~0ULL)		\
	X(Ld, "1234567890123", "%Ld", 1234567890123LL)			\
	X(z, "-1|18446744073709551615|ff", "%zd|%zu|%zx", (ssize_t)-1,	\
	  (size_t)-1, (size_t)255)					\
	X(t, "2560|a00", "%td|%tx", (ptrdiff_t)2560, (ptrdiff_t)2560)	\
	X(c, "[a][  b][c  ]", "[%c][%3c][%-3c]", 'a', 'b', 'c')	\
	X(percent, "100%", "%d%%", 100)

/* Strings and what cannot be dereferenced. */
#define STR_CASES(X)							\
	X(s, "abc|[  abc][abc  ]|ab", "%s|[%5s][%-5s]|%.2s", "abc",	\
	  "abc", "abc", "abc")						\
	X(s_null, "(null)|(nu|  (null)", "%s|%.3s|%8s", (char *)NULL,	\
	  (char *)NULL, (char *)NULL)					\
	X(s_efault, "(efault)|(efault)", "%s|%s", (char *)16,		\
	  (char *)ERR_PTR(-EINVAL))					\
	X(s_star_negative_precision, "[]", "[%.*s]", -1, "abc")	\
	X(pks_pus, "kernel|user|(einval)", "%pks|%pus|%pkx", "kernel",	\
	  "user", "x")

static const u8 bytes[64] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
	19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
	36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
	53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63
};
static const u8 ip4[4] = { 1, 2, 3, 4 };
static const u32 ip4_host = 0x01020304;
static const u8 ip6_a[16] = { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7,
			      0, 8 };
static const u8 ip6_doc[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0,
				0, 0, 0, 0, 0, 1 };
static const u8 ip6_runs[16] = { 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
				 0, 1 };
static const u8 ip6_single[16] = { 0, 1, 0, 0, 0, 2, 0, 3, 0, 4, 0, 5,
				   0, 6, 0, 7 };
static const u8 ip6_zero[16];
static const u8 ip6_mapped[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
				   0xff, 1, 2, 3, 4 };
static const unsigned long bitmap[2] = { 0x779, 0x5 };
static const phys_addr_t phys = 0x0123456789abcdefULL;
static const dma_addr_t dma = 0x1234;

/* The %p extensions with fixed output (printk-formats.rst). */
#define PTR_CASES(X)							\
	X(px, "0123456789abcdef|0000000000000000", "%px|%px",		\
	  (void *)0x0123456789abcdefUL, NULL)				\
	X(p_null_err, "0000000000000000|ffffffffffffffea", "%p|%p", NULL,\
	  ERR_PTR(-EINVAL))						\
	X(pe, "-ENOSPC|-EPROBE_DEFER|-1234|[ -EIO]", "%pe|%pe|%pe|[%5pe]", \
	  ERR_PTR(-ENOSPC), ERR_PTR(-EPROBE_DEFER), ERR_PTR(-1234),	\
	  ERR_PTR(-EIO))						\
	X(pe_eagain, "-EAGAIN|-EDEADLK", "%pe|%pe", ERR_PTR(-EWOULDBLOCK),\
	  ERR_PTR(-EDEADLOCK))						\
	X(ph, "00 01 02 03|00:01:02:03|00-01-02-03|00010203|00",	\
	  "%*ph|%*phC|%*phD|%*phN|%ph", 4, bytes, 4, bytes, 4, bytes, 4,	\
	  bytes, bytes)							\
	X(ph_zero_null, "[]|(null)", "[%*ph]|%*ph", 0, bytes, 2, NULL)	\
	X(pb, "0779|00000005,00000000,00000779|1",	\
	  "%*pb|%*pb|%*pb", 16, bitmap, 96, bitmap, 3, bitmap)		\
	X(pbl, "0,3-6,8-10|0,3-6,8-10,64,66|", "%*pbl|%*pbl|%*pbl", 16,	\
	  bitmap, 128, bitmap, 0, bitmap)				\
	X(pM, "00:01:02:03:04:05|05:04:03:02:01:00|00-01-02-03-04-05",	\
	  "%pM|%pMR|%pMF", bytes, bytes, bytes)				\
	X(pm, "000102030405|050403020100", "%pm|%pmR", bytes, bytes)	\
	X(pI4, "1.2.3.4|001.002.003.004|1.2.3.4|1.2.3.4|4.3.2.1",	\
	  "%pI4|%pi4|%pI4h|%pI4n|%pI4l", ip4, ip4, &ip4_host, ip4, ip4)	\
	X(pI6, "0001:0002:0003:0004:0005:0006:0007:0008|"		\
	  "00010002000300040005000600070008|1:2:3:4:5:6:7:8",		\
	  "%pI6|%pi6|%pI6c", ip6_a, ip6_a, ip6_a)			\
	X(pI6c, "2001:db8::1|1::1:0:0:1|1:0:2:3:4:5:6:7|::|::ffff:1.2.3.4",\
	  "%pI6c|%pI6c|%pI6c|%pI6c|%pI6c", ip6_doc, ip6_runs, ip6_single,	\
	  ip6_zero, ip6_mapped)						\
	X(pI_bad, "(%pI?)|(%pi?)", "%pIx|%pix", ip4, ip4)		\
	X(pU, "00010203-0405-0607-0809-0a0b0c0d0e0f|"			\
	  "00010203-0405-0607-0809-0A0B0C0D0E0F|"			\
	  "03020100-0504-0706-0809-0a0b0c0d0e0f|"			\
	  "03020100-0504-0706-0809-0A0B0C0D0E0F|"			\
	  "00010203-0405-0607-0809-0a0b0c0d0e0f",			\
	  "%pUb|%pUB|%pUl|%pUL|%pU", bytes, bytes, bytes, bytes, bytes)	\
	X(pa, "0x0123456789abcdef|0x0123456789abcdef|0x0000000000001234",\
	  "%pa|%pap|%pad", &phys, &phys, &dma)				\
	X(ext_null, "(null)|(null)|(efault)|(null)", "%pM|%pI4|%pUb|%pa",\
	  NULL, NULL, (void *)1, NULL)					\
	X(alnum_consumed, "00:01:02:03:04:05 x", "%pMabc x", bytes)	\
	X(pG_bad, "(%pG?)", "%pGz", bytes)

#define DEFINE_CASE(name, want, fmt, ...)				\
	static int case_##name(char *b, size_t n)			\
	{								\
		return snprintf(b, n, fmt, ##__VA_ARGS__);		\
	}
#define CASE_ENTRY(name, want, fmt, ...) { #name, case_##name, want },

INT_CASES(DEFINE_CASE)
STR_CASES(DEFINE_CASE)
PTR_CASES(DEFINE_CASE)

const struct pk_case pk_int_cases[] = { INT_CASES(CASE_ENTRY) { NULL } };
const struct pk_case pk_str_cases[] = { STR_CASES(CASE_ENTRY) { NULL } };
const struct pk_case pk_ptr_cases[] = { PTR_CASES(CASE_ENTRY) { NULL } };

/* a few instructions: offsets 0..3 are inside it */
noinline void pk_target(void)
{
	static volatile int v;

	v = v + 1;
	v = v + 2;
}

int pk_sym(char *buf, size_t size, const char *which, void *addr)
{
	switch (which[0]) {
	case 'S':
		if (which[1] == 'R')
			return snprintf(buf, size, "%pSR", addr);
		return snprintf(buf, size, "%pS", addr);
	case 's':
		return snprintf(buf, size, "%ps", addr);
	default:
		return snprintf(buf, size, "%pB", addr);
	}
}

int pk_ptr(char *buf, size_t size, const void *ptr)
{
	return snprintf(buf, size, "%p", ptr);
}

int pk_ptr_k(char *buf, size_t size, const void *ptr)
{
	return snprintf(buf, size, "%pK", ptr);
}

int pk_pe(char *buf, size_t size, const void *ptr)
{
	return snprintf(buf, size, "%pe", ptr);
}

int pk_pgp(char *buf, size_t size, const unsigned long *flags)
{
	return snprintf(buf, size, "%pGp", flags);
}

int pk_pgg(char *buf, size_t size, unsigned int gfp)
{
	gfp_t g = gfp;

	return scnprintf(buf, size, "gfp:%#x(%pGg)", g, &g);
}

int pk_pv(char *buf, size_t size, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;
	int n;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	n = snprintf(buf, size, "<%pV>", &vaf);
	va_end(args);
	return n;
}

int pk_percent_n(char *buf, size_t size)
{
	int where = -1;

	return snprintf(buf, size, "a%nb%d", &where, 1);
}

int pk_huge_width(char *buf, size_t size)
{
	return snprintf(buf, size, "%*d", 1 << 24, 1);
}

int pk_unsupported(char *buf, size_t size)
{
	return snprintf(buf, size, "%pC|%pC", bytes, bytes);
}

int pk_scanf(const char *in, int *a, char *word, unsigned int *x)
{
	return sscanf(in, "%d %15s %x", a, word, x);
}

void pk_set_kptr_restrict(int v)
{
	kptr_restrict = v;
}

int pk_sprintf_len(char *buf)
{
	return sprintf(buf, "%s-%d-%p", "abc", 7, NULL);
}

/* ---- printk ---- */

void pk_printk_plain(const void *p)
{
	printk(KERN_INFO "plain %p %s\n", p, "end");
	pr_info("with pr_fmt %d\n", 1);
	pr_cont("no pr_fmt on a continuation ");
	pr_cont("%s\n", "done");
}

void pk_pr_levels(void)
{
	pr_emerg("emerg\n");
	pr_alert("alert\n");
	pr_crit("crit\n");
	pr_err("err\n");
	pr_warn("warn\n");
	pr_notice("notice\n");
	pr_info("info\n");
	pr_debug("debug\n");
	pr_devel("devel\n");
}

void pk_pr_once(int times)
{
	int i;

	for (i = 0; i < times; i++) {
		pr_info_once("once %d\n", i);
		pr_warn_once("warn once %d\n", i);
		printk_once(KERN_ERR "printk_once %d\n", i);
		pr_debug_once("debug once %d\n", i);
	}
}

void pk_printk_ratelimited(int times)
{
	int i;

	for (i = 0; i < times; i++)
		pr_err_ratelimited("limited %d\n", i);
}

int pk_printk_ratelimit(int times)
{
	int i, ok = 0;

	for (i = 0; i < times; i++)
		ok += !!printk_ratelimit();
	return ok;
}

void pk_no_printk(void)
{
	no_printk("never %d\n", 1);
}

void pk_dump_stack(void)
{
	dump_stack();
	barrier();	/* a frame of its own, no tail call */
}

/* The level as a "%s" argument, as print_hex_dump() passes it. */
void pk_level_as_arg(void)
{
	printk("%slevel from an argument\n", KERN_ERR);
}

/* ---- hexdump ---- */

void pk_print_hex_dump(int prefix_type, int rowsize, int groupsize,
		       const void *buf, size_t len, bool ascii)
{
	print_hex_dump(KERN_INFO, "pfx: ", prefix_type, rowsize, groupsize,
		       buf, len, ascii);
}

void pk_print_hex_dump_bytes(const void *buf, size_t len)
{
	print_hex_dump_bytes("bytes: ", DUMP_PREFIX_OFFSET, buf, len);
}

/* ---- ratelimit ---- */

static struct ratelimit_state states[16];
static int nr_states;

struct ratelimit_state *pk_rs_new(int interval, int burst)
{
	struct ratelimit_state *rs = &states[nr_states++ % 16];

	ratelimit_state_init(rs, interval, burst);
	return rs;
}

int pk_ratelimit(struct ratelimit_state *rs)
{
	return __ratelimit(rs);
}

void pk_rs_age(struct ratelimit_state *rs)
{
	rs->begin = jiffies - rs->interval - 1;
}

int pk_rs_missed(struct ratelimit_state *rs)
{
	return rs->missed;
}

void pk_rs_on_release(struct ratelimit_state *rs)
{
	ratelimit_set_flags(rs, RATELIMIT_MSG_ON_RELEASE);
}

void pk_rs_exit(struct ratelimit_state *rs)
{
	ratelimit_state_exit(rs);
}
