// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/vsprintf.c - the kernel's printf: vsnprintf() and friends.
 *
 * Reproduces lib/vsprintf.c of 6.x (kshim's own code): kernel code calls
 * these through linux/sprintf.h (its sprintf() is kshim_sprintf() here,
 * never glibc's) and printk() formats with them, so the output is the
 * kernel's, to the byte:
 *  - integers as the kernel's number(): "%#x" of 0 is "0x0", a precision
 *    never suppresses the last digit ("%.0d" of 0 is "0"), "%.*d" with a
 *    negative precision is precision 0; qualifiers hh h l ll L z t only;
 *  - "%s" of NULL is "(null)", of an address in the first page or an
 *    error pointer "(efault)" (cut to 16 characters unless a precision is
 *    given);
 *  - "%n", floating point and any other conversion the kernel lacks: the
 *    kernel's WARN_ONCE "Please remove unsupported %<c> in format string"
 *    and the output stops there; a width or precision out of the kernel's
 *    24/16-bit range likewise WARNs ("field width %d too large");
 *  - the %p extensions of Documentation/core-api/printk-formats.rst: %p,
 *    %pK (kptr_restrict), %px, %pS/%ps/%pSR/%pB, %pV, %ph[CDN], %pb[l],
 *    %pM[RF]/%pm[R], %pI4/%pi4[hnbl], %pI6/%pi6/%pI6c, %pU[bBlL], %pa[pd],
 *    %pe, %pGp/%pGg, %pks/%pus, %pR/%pr.  An extension the kernel has but
 *    kshim does not model (%pE, %pd, %pD, %pg, %pt, %pC, %pN, %p4cc, %pO,
 *    %pfw, %pIS, %pGv, %pA) is loud: a WARN_ONCE naming it, and
 *    "(%p<c>?)" in the text.
 *
 * %p hashing: the kernel prints siphash_1u64(ptr, key) & 0xffffffff with a
 * random key, as 16 hex digits on 64-bit (the upper 32 bits zero), and
 * "(____ptrval____)" while the key is not ready.  kshim's key is ready at
 * boot and fixed (the SipHash-2-4 key below), so a pointer hashes to the
 * same value in every run and every test: reports are reproducible, and a
 * test can compute the text with scnprintf("%p").  NULL and error pointers
 * are printed raw, as the kernel does.
 *
 * %pS and friends name the symbol through compat/arch/dumpstack.c (the
 * host's symbol tables): "name+0xoff/0xsize".  The kernel appends
 * " [module]" for module text; kshim links drivers into the test program,
 * so no module name is printed.
 *
 * sscanf()/vsscanf() of kernel code are kshim_sscanf()/kshim_vsscanf(),
 * backed by glibc's: for the conversions the kernel supports (d i u x o c
 * s n [ and the h/hh/l/ll/z qualifiers, widths, '*') glibc parses the
 * same way.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <asm/bug.h>

#include "kshim/internal.h"
#include "mm/internal.h"

/* The kernel's printf_spec flags. */
#define SIGN	1	/* signed conversion */
#define LEFT	2	/* '-' */
#define PLUS	4	/* '+' */
#define SPACE	8	/* ' ' */
#define ZEROPAD	16	/* '0' */
#define SMALL	32	/* lower-case hex */
#define SPECIAL	64	/* '#': 0x / 0 prefix */

/* The kernel keeps width in 24 bits and precision in 16, both signed. */
#define FIELD_WIDTH_MAX	((1 << 23) - 1)
#define PRECISION_MAX	((1 << 15) - 1)

enum conv {
	CONV_NONE, CONV_CHAR, CONV_STR, CONV_PTR, CONV_PERCENT, CONV_INVALID,
	CONV_LLONG, CONV_ULONG, CONV_LONG, CONV_UBYTE, CONV_BYTE, CONV_USHORT,
	CONV_SHORT, CONV_UINT, CONV_INT, CONV_SIZE, CONV_SSIZE, CONV_PTRDIFF,
};

struct spec {
	enum conv conv;
	int width;		/* -1: none */
	int precision;		/* -1: none */
	unsigned int flags;
	unsigned int base;
};

/* The output: characters past @size are counted, not stored. */
struct out {
	char *buf;
	size_t size;
	size_t pos;
};

static inline void put(struct out *o, char c)
{
	if (o->pos < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_n(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static const char digits_upper[] = "0123456789ABCDEF";

static void number(struct out *o, unsigned long long num, struct spec s)
{
	char tmp[24];
	int n = 0, width = s.width, prec = s.precision;
	bool zero = num == 0;
	bool prefix = (s.flags & SPECIAL) && s.base != 10;
	char lower = (s.flags & SMALL) ? 0x20 : 0;
	char sign = 0;

	if (s.flags & LEFT)
		s.flags &= ~ZEROPAD;
	if (s.flags & SIGN) {
		if ((long long)num < 0) {
			sign = '-';
			num = 0 - num;
		} else if (s.flags & PLUS) {
			sign = '+';
		} else if (s.flags & SPACE) {
			sign = ' ';
		}
		if (sign)
			width--;
	}
	if (prefix) {
		if (s.base == 16)
			width -= 2;
		else if (!zero)
			width--;
	}
	do {
		tmp[n++] = digits_upper[num % s.base] | lower;
		num /= s.base;
	} while (num);

	/* at least every digit: "%2d" of 100 is "100" */
	if (prec < n)
		prec = n;
	width -= prec;
	if (!(s.flags & (ZEROPAD | LEFT))) {
		put_n(o, ' ', width);
		width = 0;
	}
	if (sign)
		put(o, sign);
	if (prefix) {
		if (s.base == 16 || !zero)
			put(o, '0');
		if (s.base == 16)
			put(o, 'X' | lower);
	}
	if (!(s.flags & LEFT)) {
		put_n(o, (s.flags & ZEROPAD) ? '0' : ' ', width);
		width = 0;
	}
	put_n(o, '0', prec - n);
	while (n > 0)
		put(o, tmp[--n]);
	put_n(o, ' ', width);
}

/* "0x" and 2 * @size hex digits. */
static void special_hex_number(struct out *o, unsigned long long num,
			       int size)
{
	struct spec s = {
		.conv = CONV_PTR, .width = 2 + 2 * size, .precision = -1,
		.flags = SPECIAL | SMALL | ZEROPAD, .base = 16,
	};

	number(o, num, s);
}

/* At most @s.precision characters of @str, padded to @s.width. */
static void string_nocheck(struct out *o, const char *str, struct spec s)
{
	int len = 0;

	while ((s.precision < 0 || len < s.precision) && str[len])
		len++;
	if (!(s.flags & LEFT))
		put_n(o, ' ', s.width - len);
	for (int i = 0; i < len; i++)
		put(o, str[i]);
	if (s.flags & LEFT)
		put_n(o, ' ', s.width - len);
}

/* The kernel's error_string(): short messages for what cannot be shown. */
static void error_string(struct out *o, const char *msg, struct spec s)
{
	if (s.precision == -1)
		s.precision = 2 * sizeof(void *);
	string_nocheck(o, msg, s);
}

/* NULL and the first page, or an error pointer: not dereferenceable. */
static bool check_pointer(struct out *o, const void *ptr, struct spec s)
{
	const char *msg = NULL;

	if (!ptr)
		msg = "(null)";
	else if ((unsigned long)ptr < PAGE_SIZE || IS_ERR_VALUE(ptr))
		msg = "(efault)";
	if (!msg)
		return true;
	error_string(o, msg, s);
	return false;
}

static void string(struct out *o, const char *str, struct spec s)
{
	if (check_pointer(o, str, s))
		string_nocheck(o, str, s);
}

static void pointer_string(struct out *o, const void *ptr, struct spec s)
{
	s.base = 16;
	s.flags |= SMALL;
	if (s.width == -1) {
		s.width = 2 * sizeof(ptr);
		s.flags |= ZEROPAD;
	}
	number(o, (unsigned long)ptr, s);
}

/* ---- %p hashing: SipHash-2-4 of the address, kshim's fixed key ---- */

static const uint64_t ptr_key[2] = {
	0x6b7368696d2d7074ULL, 0x722d686173682d31ULL,	/* "kshim-ptr-hash-1" */
};

#define SIPROUND(v0, v1, v2, v3)					\
	do {								\
		v0 += v1; v1 = rol64(v1, 13); v1 ^= v0;			\
		v0 = rol64(v0, 32);					\
		v2 += v3; v3 = rol64(v3, 16); v3 ^= v2;			\
		v0 += v3; v3 = rol64(v3, 21); v3 ^= v0;			\
		v2 += v1; v1 = rol64(v1, 17); v1 ^= v2;			\
		v2 = rol64(v2, 32);					\
	} while (0)

/* SipHash-2-4 of one 64-bit word (an 8-byte message). */
static uint64_t siphash_u64(uint64_t m, const uint64_t key[2])
{
	uint64_t v0 = 0x736f6d6570736575ULL ^ key[0];
	uint64_t v1 = 0x646f72616e646f6dULL ^ key[1];
	uint64_t v2 = 0x6c7967656e657261ULL ^ key[0];
	uint64_t v3 = 0x7465646279746573ULL ^ key[1];
	uint64_t b = 8ULL << 56;	/* the length byte, no tail */

	v3 ^= m;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= m;
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

int ptr_to_hashval(const void *ptr, unsigned long *hashval_out)
{
	*hashval_out = siphash_u64((uintptr_t)ptr, ptr_key) & 0xffffffffUL;
	return 0;
}

static void default_pointer(struct out *o, const void *ptr, struct spec s)
{
	unsigned long hash;

	/* NULL and error pointers are not addresses: printed as they are */
	if (IS_ERR_OR_NULL(ptr)) {
		pointer_string(o, ptr, s);
		return;
	}
	ptr_to_hashval(ptr, &hash);
	pointer_string(o, (const void *)hash, s);
}

int kptr_restrict;

static void restricted_pointer(struct out *o, const void *ptr, struct spec s)
{
	switch (READ_ONCE(kptr_restrict)) {
	case 0:
		default_pointer(o, ptr, s);
		return;
	case 1:
		/* CAP_SYSLOG cannot be judged in interrupt context */
		if (in_hardirq() || in_serving_softirq() || in_nmi()) {
			if (s.width == -1)
				s.width = 2 * sizeof(ptr);
			error_string(o, "pK-error", s);
			return;
		}
		/* kshim's tasks have every capability: the real value */
		break;
	default:
		ptr = NULL;
		break;
	}
	pointer_string(o, ptr, s);
}

/* ---- the extensions ---- */

/* WARN_ONCE for an extension kshim does not model, then "(%p<c>?)". */
static void unsupported(struct out *o, const char *fmt, struct spec s)
{
	static bool warned[128];
	unsigned char c = (unsigned char)fmt[0] & 0x7f;
	char msg[] = "(%p_?)";

	if (!__atomic_exchange_n(&warned[c], true, __ATOMIC_RELAXED))
		__kshim_warn(__FILE__, __LINE__, __func__, NULL, TAINT_WARN,
			     "kshim: printk format %%p%c is not supported\n",
			     fmt[0]);
	msg[3] = fmt[0];
	error_string(o, msg, s);
}

static void symbol_string(struct out *o, void *ptr, struct spec s,
			  const char *fmt)
{
	unsigned long addr = (unsigned long)ptr;
	unsigned long off, size;
	bool backtrace = fmt[0] == 'B';
	char name[256], sym[300];

	/* %pB: a return address names the call before it */
	if (arch_lookup_symbol(addr - backtrace, name, sizeof(name), &off,
			       &size)) {
		if (fmt[0] == 's')
			snprintf(sym, sizeof(sym), "%s", name);
		else
			/* the kernel's "%#lx": 0 is "0x0" */
			snprintf(sym, sizeof(sym), "%s+0x%lx/0x%lx", name,
				 off + backtrace, size);
	} else {
		snprintf(sym, sizeof(sym), "0x%lx", addr);
	}
	string_nocheck(o, sym, s);
}

static void hex_string(struct out *o, const unsigned char *addr,
		       struct spec s, const char *fmt)
{
	int len = 1, i;
	char sep;

	if (s.width == 0)
		return;
	if (!check_pointer(o, addr, s))
		return;
	switch (fmt[1]) {
	case 'C':
		sep = ':';
		break;
	case 'D':
		sep = '-';
		break;
	case 'N':
		sep = 0;
		break;
	default:
		sep = ' ';
		break;
	}
	if (s.width > 0)
		len = s.width < 64 ? s.width : 64;
	for (i = 0; i < len; i++) {
		put(o, hex_asc_hi(addr[i]));
		put(o, hex_asc_lo(addr[i]));
		if (sep && i != len - 1)
			put(o, sep);
	}
}

static bool bitmap_test(const unsigned long *map, int bit)
{
	return (map[bit / BITS_PER_LONG] >> (bit % BITS_PER_LONG)) & 1;
}

/* %*pb: 32-bit hex chunks, most significant first, comma separated. */
static void bitmap_string(struct out *o, const unsigned long *map,
			  struct spec s)
{
	int nbits = s.width > 0 ? s.width : 0;
	int chunk = nbits % 32 ? nbits % 32 : 32;
	int i;

	if (!check_pointer(o, map, s))
		return;
	for (i = ((nbits + 31) & ~31) - 32; i >= 0; i -= 32) {
		struct spec d = {
			.width = (chunk + 3) / 4, .precision = -1,
			.flags = SMALL | ZEROPAD, .base = 16,
		};
		unsigned int val = 0;
		int b;

		for (b = 0; b < chunk; b++)
			val |= (unsigned int)bitmap_test(map, i + b) << b;
		if (i != ((nbits + 31) & ~31) - 32)
			put(o, ',');
		number(o, val, d);
		chunk = 32;
	}
}

/* %*pbl: the set bits as ranges, "0,3-6,8-10". */
static void bitmap_list_string(struct out *o, const unsigned long *map,
			       struct spec s)
{
	struct spec d = { .width = -1, .precision = -1, .base = 10 };
	int nbits = s.width > 0 ? s.width : 0;
	bool first = true;
	int bit = 0;

	if (!check_pointer(o, map, s))
		return;
	while (bit < nbits) {
		int start;

		if (!bitmap_test(map, bit)) {
			bit++;
			continue;
		}
		start = bit;
		while (bit < nbits && bitmap_test(map, bit))
			bit++;
		if (!first)
			put(o, ',');
		first = false;
		number(o, start, d);
		if (bit - 1 != start) {
			put(o, '-');
			number(o, bit - 1, d);
		}
	}
}

static void mac_address_string(struct out *o, const unsigned char *addr,
			       struct spec s, const char *fmt)
{
	char mac[sizeof("xx:xx:xx:xx:xx:xx")], *p = mac;
	bool reversed = fmt[1] == 'R';
	char sep = fmt[1] == 'F' ? '-' : ':';
	int i;

	if (!check_pointer(o, addr, s))
		return;
	for (i = 0; i < 6; i++) {
		p = hex_byte_pack(p, addr[reversed ? 5 - i : i]);
		if (fmt[0] == 'M' && i != 5)
			*p++ = sep;
	}
	*p = '\0';
	string_nocheck(o, mac, s);
}

/* Dotted quad; %pi4 with leading zeros; [hl]: byte order of a u32. */
static char *ip4_string(char *p, const unsigned char *addr, const char *fmt)
{
	int idx = 0, step = 1, i;

	/* 'h' is host order: little-endian on x86 */
	if (fmt[2] == 'h' || fmt[2] == 'l') {
		idx = 3;
		step = -1;
	}
	for (i = 0; i < 4; i++, idx += step)
		p += sprintf(p, fmt[0] == 'i' ? "%03u%s" : "%u%s", addr[idx],
			     i < 3 ? "." : "");
	return p;
}

static unsigned int ip6_word(const unsigned char *addr, int i)
{
	return (addr[2 * i] << 8) | addr[2 * i + 1];
}

/* RFC 5952: longest run (two words or more) of zero words as "::". */
static void ip6_compressed(char *p, const unsigned char *addr)
{
	static const unsigned char v4mapped[12] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
	};
	bool v4 = !memcmp(addr, v4mapped, 12) ||
		  /* ISATAP: interface id 0000:5efe or 0200:5efe */
		  ((addr[8] | 0x02) == 0x02 && addr[9] == 0 &&
		   addr[10] == 0x5e && addr[11] == 0xfe);
	int words = v4 ? 6 : 8, best = 1, at = -1, i, j;
	bool colon = false;

	for (i = 0; i < words; i++) {
		for (j = i; j < words && !ip6_word(addr, j); j++)
			;
		if (j - i > best) {
			best = j - i;
			at = i;
		}
	}
	for (i = 0; i < words; i++) {
		if (i == at) {
			if (colon || i == 0)
				*p++ = ':';
			*p++ = ':';
			colon = false;
			i += best - 1;
			continue;
		}
		if (colon)
			*p++ = ':';
		p += sprintf(p, "%x", ip6_word(addr, i));
		colon = true;
	}
	if (v4) {
		if (colon)
			*p++ = ':';
		p = ip4_string(p, addr + 12, "I4");
	}
	*p = '\0';
}

static void ip_addr_string(struct out *o, const unsigned char *addr,
			   struct spec s, const char *fmt)
{
	char ip[sizeof("xxxx:xxxx:xxxx:xxxx:xxxx:xxxx:255.255.255.255")];
	char *p = ip;
	int i;

	if (!check_pointer(o, addr, s))
		return;
	switch (fmt[1]) {
	case '4':
		ip4_string(ip, addr, fmt);
		break;
	case '6':
		if (fmt[0] == 'I' && fmt[2] == 'c') {
			ip6_compressed(ip, addr);
			break;
		}
		for (i = 0; i < 8; i++) {
			p = hex_byte_pack(p, addr[2 * i]);
			p = hex_byte_pack(p, addr[2 * i + 1]);
			if (fmt[0] == 'I' && i != 7)
				*p++ = ':';
		}
		*p = '\0';
		break;
	case 'S':
		unsupported(o, fmt, s);
		return;
	default:
		error_string(o, fmt[0] == 'i' ? "(%pi?)" : "(%pI?)", s);
		return;
	}
	string_nocheck(o, ip, s);
}

static void uuid_string(struct out *o, const unsigned char *addr,
			struct spec s, const char *fmt)
{
	static const unsigned char guid_order[16] = {
		3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15
	};
	bool upper = fmt[1] == 'B' || fmt[1] == 'L';
	bool guid = fmt[1] == 'l' || fmt[1] == 'L';
	char uuid[37], *p = uuid;
	int i;

	if (!check_pointer(o, addr, s))
		return;
	for (i = 0; i < 16; i++) {
		unsigned char b = addr[guid ? guid_order[i] : i];

		p = upper ? hex_byte_pack_upper(p, b) : hex_byte_pack(p, b);
		if (i == 3 || i == 5 || i == 7 || i == 9)
			*p++ = '-';
	}
	*p = '\0';
	string_nocheck(o, uuid, s);
}

static void address_val(struct out *o, const void *addr, struct spec s,
			const char *fmt)
{
	if (!check_pointer(o, addr, s))
		return;
	if (fmt[1] == 'd')
		special_hex_number(o, *(const dma_addr_t *)addr,
				   sizeof(dma_addr_t));
	else
		special_hex_number(o, *(const phys_addr_t *)addr,
				   sizeof(phys_addr_t));
}

/*
 * %pR (flags decoded) and %pr (raw flags): "[mem 0x10000000-0x1000ffff
 * 64bit pref]", "[io  0x0cf8-0x0cff]", "[irq 5]", "[mem size 0x1000]"
 * for a resource with no address yet; the kernel's digit counts.
 */
static void resource_string(struct out *o, const struct resource *res,
			    struct spec s, const char *fmt)
{
	static const struct {
		unsigned long flag;
		const char *name;
		int width;		/* hex digits with "0x"; 0: decimal */
	} kinds[] = {
		{ IORESOURCE_IO, "io  ", 6 },
		{ IORESOURCE_MEM, "mem ", 10 },
		{ IORESOURCE_IRQ, "irq ", 0 },
		{ IORESOURCE_DMA, "dma ", 0 },
		{ IORESOURCE_BUS, "bus ", -2 },	/* two digits, no "0x" */
	};
	char text[112];
	struct out b = { text, sizeof(text) - 1, 0 };
	struct spec num = { CONV_PTR, 10, -1, SPECIAL | SMALL | ZEROPAD, 16 };
	struct spec flags = { CONV_PTR, -1, -1, SPECIAL | SMALL, 16 };
	const char *name = "??? ";
	bool decode = fmt[0] == 'R';
	size_t i;

	if (!check_pointer(o, res, s))
		return;
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (res->flags & kinds[i].flag)
			break;
	if (i < ARRAY_SIZE(kinds)) {
		name = kinds[i].name;
		if (kinds[i].width > 0) {
			num.width = kinds[i].width;
		} else if (kinds[i].width < 0) {
			num.width = -kinds[i].width;
			num.flags = SMALL | ZEROPAD;
		} else {
			num.width = -1;
			num.flags = 0;
			num.base = 10;
		}
	} else {
		decode = false;
	}
	put(&b, '[');
	for (; *name; name++)
		put(&b, *name);
	if (!decode || !(res->flags & IORESOURCE_UNSET)) {
		number(&b, res->start, num);
		if (res->end != res->start) {	/* a range */
			put(&b, '-');
			number(&b, res->end, num);
		}
	} else {			/* no address yet: its size */
		for (name = "size "; *name; name++)
			put(&b, *name);
		number(&b, resource_size(res), num);
	}
	if (decode) {
		static const struct {
			unsigned long flag;
			const char *word;
		} attrs[] = {
			{ IORESOURCE_MEM_64, " 64bit" },
			{ IORESOURCE_PREFETCH, " pref" },
			{ IORESOURCE_WINDOW, " window" },
			{ IORESOURCE_DISABLED, " disabled" },
		};

		for (i = 0; i < ARRAY_SIZE(attrs); i++)
			for (name = attrs[i].word;
			     (res->flags & attrs[i].flag) && *name; name++)
				put(&b, *name);
	} else {
		for (name = " flags "; *name; name++)
			put(&b, *name);
		number(&b, res->flags, flags);
	}
	put(&b, ']');
	text[min(b.pos, sizeof(text) - 1)] = '\0';
	string_nocheck(o, text, s);
}

/* -ENOMEM and friends (lib/errname.c), both signs of the number. */
#define E(e) [e] = #e
static const char *const errnames[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES),
	E(EFAULT), E(ENOTBLK), E(EBUSY), E(EEXIST), E(EXDEV), E(ENODEV),
	E(ENOTDIR), E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY),
	E(ETXTBSY), E(EFBIG), E(ENOSPC), E(ESPIPE), E(EROFS), E(EMLINK),
	E(EPIPE), E(EDOM), E(ERANGE), E(EDEADLK), E(ENAMETOOLONG), E(ENOLCK),
	E(ENOSYS), E(ENOTEMPTY), E(ELOOP), E(ENOMSG), E(EIDRM), E(ECHRNG),
	E(EL2NSYNC), E(EL3HLT), E(EL3RST), E(ELNRNG), E(EUNATCH), E(ENOCSI),
	E(EL2HLT), E(EBADE), E(EBADR), E(EXFULL), E(ENOANO), E(EBADRQC),
	E(EBADSLT), E(EBFONT), E(ENOSTR), E(ENODATA), E(ETIME), E(ENOSR),
	E(ENONET), E(ENOPKG), E(EREMOTE), E(ENOLINK), E(EADV), E(ESRMNT),
	E(ECOMM), E(EPROTO), E(EMULTIHOP), E(EDOTDOT), E(EBADMSG),
	E(EOVERFLOW), E(ENOTUNIQ), E(EBADFD), E(EREMCHG), E(ELIBACC),
	E(ELIBBAD), E(ELIBSCN), E(ELIBMAX), E(ELIBEXEC), E(EILSEQ),
	E(ERESTART), E(ESTRPIPE), E(EUSERS), E(ENOTSOCK), E(EDESTADDRREQ),
	E(EMSGSIZE), E(EPROTOTYPE), E(ENOPROTOOPT), E(EPROTONOSUPPORT),
	E(ESOCKTNOSUPPORT), E(EOPNOTSUPP), E(EPFNOSUPPORT), E(EAFNOSUPPORT),
	E(EADDRINUSE), E(EADDRNOTAVAIL), E(ENETDOWN), E(ENETUNREACH),
	E(ENETRESET), E(ECONNABORTED), E(ECONNRESET), E(ENOBUFS), E(EISCONN),
	E(ENOTCONN), E(ESHUTDOWN), E(ETOOMANYREFS), E(ETIMEDOUT),
	E(ECONNREFUSED), E(EHOSTDOWN), E(EHOSTUNREACH), E(EALREADY),
	E(EINPROGRESS), E(ESTALE), E(EUCLEAN), E(ENOTNAM), E(ENAVAIL),
	E(EISNAM), E(EREMOTEIO), E(EDQUOT), E(ENOMEDIUM), E(EMEDIUMTYPE),
	E(ECANCELED), E(ENOKEY), E(EKEYEXPIRED), E(EKEYREVOKED),
	E(EKEYREJECTED), E(EOWNERDEAD), E(ENOTRECOVERABLE), E(ERFKILL),
	E(EHWPOISON),
};
static const char *const errnames_512[] = {
	[ERESTARTSYS - 512] = "ERESTARTSYS",
	[ERESTARTNOINTR - 512] = "ERESTARTNOINTR",
	[ERESTARTNOHAND - 512] = "ERESTARTNOHAND",
	[ENOIOCTLCMD - 512] = "ENOIOCTLCMD",
	[ERESTART_RESTARTBLOCK - 512] = "ERESTART_RESTARTBLOCK",
	[EPROBE_DEFER - 512] = "EPROBE_DEFER",
	[EOPENSTALE - 512] = "EOPENSTALE",
	[ENOPARAM - 512] = "ENOPARAM",
	[EBADHANDLE - 512] = "EBADHANDLE",
	[ENOTSYNC - 512] = "ENOTSYNC",
	[EBADCOOKIE - 512] = "EBADCOOKIE",
	[ENOTSUPP - 512] = "ENOTSUPP",
	[ETOOSMALL - 512] = "ETOOSMALL",
	[ESERVERFAULT - 512] = "ESERVERFAULT",
	[EBADTYPE - 512] = "EBADTYPE",
	[EJUKEBOX - 512] = "EJUKEBOX",
	[EIOCBQUEUED - 512] = "EIOCBQUEUED",
	[ERECALLCONFLICT - 512] = "ERECALLCONFLICT",
};
#undef E

static const char *errname(unsigned int err)
{
	if (err < ARRAY_SIZE(errnames))
		return errnames[err];
	if (err >= 512 && err - 512 < ARRAY_SIZE(errnames_512))
		return errnames_512[err - 512];
	return NULL;
}

static void err_ptr(struct out *o, const void *ptr, struct spec s)
{
	long err = PTR_ERR(ptr);
	const char *name = errname((unsigned int)-err);
	char sym[32];

	if (name) {
		snprintf(sym, sizeof(sym), "-%s", name);
		string_nocheck(o, sym, s);
		return;
	}
	/* no name: the number */
	s.flags |= SIGN;
	s.base = 10;
	number(o, (unsigned long long)err, s);
}

/* names, '|' between them, then the bits no name covers, in hex */
static void format_flags(struct out *o, unsigned long flags,
			 const struct kshim_flag_name *names)
{
	static const struct spec name_spec = { .width = -1, .precision = -1 };
	static const struct spec hex_spec = {
		.width = -1, .precision = -1, .base = 16,
		.flags = SPECIAL | SMALL,
	};

	for (; flags && names->name; names++) {
		if ((flags & names->mask) != names->mask || !names->mask)
			continue;
		string_nocheck(o, names->name, name_spec);
		flags &= ~names->mask;
		if (flags)
			put(o, '|');
	}
	if (flags)
		number(o, flags, hex_spec);
}

/* %pGp: 0x<flags>(<names>|node=N|zone=Z) */
static void page_flags_string(struct out *o, const unsigned long *flagsp)
{
	static const struct spec hex_spec = {
		.width = -1, .precision = -1, .base = 16,
		.flags = SPECIAL | SMALL,
	};
	static const struct spec dec_spec = {
		.width = -1, .precision = -1, .base = 10,
	};
	unsigned long flags = READ_ONCE(*flagsp);
	int nid, zone;

	number(o, flags, hex_spec);
	put(o, '(');
	if (flags)
		format_flags(o, flags, kshim_pageflag_names);
	/* kshim keeps node and zone outside the flags word: ask its page */
	if (kshim_page_of_flags(flagsp, &nid, &zone)) {
		if (flags)
			put(o, '|');
		string_nocheck(o, "node=", dec_spec);
		number(o, nid, dec_spec);
		string_nocheck(o, "|zone=", dec_spec);
		number(o, zone, dec_spec);
	}
	put(o, ')');
}

static void flags_string(struct out *o, const void *ptr, struct spec s,
			 const char *fmt)
{
	if (!check_pointer(o, ptr, s))
		return;
	switch (fmt[1]) {
	case 'p':
		page_flags_string(o, ptr);
		break;
	case 'g':
		format_flags(o, *(const gfp_t *)ptr, kshim_gfpflag_names);
		break;
	case 'v':
		unsupported(o, fmt, s);
		break;
	default:
		error_string(o, "(%pG?)", s);
		break;
	}
}

static void format(struct out *o, const char *fmt, va_list args);

static void va_format(struct out *o, const struct va_format *vaf,
		      struct spec s)
{
	va_list va;

	if (!check_pointer(o, vaf, s))
		return;
	va_copy(va, *vaf->va);
	format(o, vaf->fmt, va);
	va_end(va);
}

/* One %p<ext>: @fmt points after the 'p'. */
static void pointer(struct out *o, const char *fmt, void *ptr, struct spec s)
{
	switch (fmt[0]) {
	case 'S':
	case 's':
	case 'B':
		symbol_string(o, ptr, s, fmt);
		return;
	case 'h':
		hex_string(o, ptr, s, fmt);
		return;
	case 'b':
		if (fmt[1] == 'l')
			bitmap_list_string(o, ptr, s);
		else
			bitmap_string(o, ptr, s);
		return;
	case 'M':
	case 'm':
		mac_address_string(o, ptr, s, fmt);
		return;
	case 'I':
	case 'i':
		ip_addr_string(o, ptr, s, fmt);
		return;
	case 'U':
		uuid_string(o, ptr, s, fmt);
		return;
	case 'V':
		va_format(o, ptr, s);
		return;
	case 'K':
		restricted_pointer(o, ptr, s);
		return;
	case 'a':
		address_val(o, ptr, s, fmt);
		return;
	case 'G':
		flags_string(o, ptr, s, fmt);
		return;
	case 'x':
		pointer_string(o, ptr, s);
		return;
	case 'e':
		/* a pointer that is no error is an ordinary %p */
		if (IS_ERR(ptr))
			err_ptr(o, ptr, s);
		else
			default_pointer(o, ptr, s);
		return;
	case 'u':
	case 'k':
		if (fmt[1] == 's')
			string(o, ptr, s);
		else
			error_string(o, "(einval)", s);
		return;
	case 'R':
	case 'r':
		resource_string(o, ptr, s, fmt);
		return;
	case 'E': case 'd': case 'D': case 'g':
	case 't': case 'C': case 'N': case '4': case 'O': case 'f':
	case 'A':
		unsupported(o, fmt, s);
		return;
	default:
		default_pointer(o, ptr, s);
		return;
	}
}

static int skip_atoi(const char **s)
{
	long long n = 0;

	while (**s >= '0' && **s <= '9') {
		if (n <= FIELD_WIDTH_MAX)
			n = n * 10 + (*(*s)++ - '0');
		else
			(*s)++;
	}
	return n > FIELD_WIDTH_MAX ? FIELD_WIDTH_MAX : (int)n;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Decode one conversion at @fmt (just past its '%'), fetching '*' widths
 * and precisions from @args.  Returns where the format goes on; for an
 * unsupported conversion s->conv is CONV_INVALID.
 */
static const char *decode(const char *fmt, struct spec *s, va_list *args)
{
	char qual = 0;

	s->flags = 0;
	for (;; fmt++) {
		if (*fmt == '-')
			s->flags |= LEFT;
		else if (*fmt == '+')
			s->flags |= PLUS;
		else if (*fmt == ' ')
			s->flags |= SPACE;
		else if (*fmt == '#')
			s->flags |= SPECIAL;
		else if (*fmt == '0')
			s->flags |= ZEROPAD;
		else
			break;
	}

	s->width = -1;
	if (is_digit(*fmt)) {
		s->width = skip_atoi(&fmt);
	} else if (*fmt == '*') {
		int w = va_arg(*args, int);

		fmt++;
		if (WARN_ONCE(w > FIELD_WIDTH_MAX || w < -FIELD_WIDTH_MAX - 1,
			      "field width %d too large", w))
			w = w > 0 ? FIELD_WIDTH_MAX : -FIELD_WIDTH_MAX;
		if (w < 0) {
			w = -w;
			s->flags |= LEFT;
		}
		s->width = w;
	}

	s->precision = -1;
	if (*fmt == '.') {
		fmt++;
		if (is_digit(*fmt)) {
			s->precision = skip_atoi(&fmt);
			if (s->precision > PRECISION_MAX)
				s->precision = PRECISION_MAX;
		} else if (*fmt == '*') {
			int p = va_arg(*args, int);

			fmt++;
			if (WARN_ONCE(p > PRECISION_MAX || p < -PRECISION_MAX - 1,
				      "precision %d too large", p))
				p = p > 0 ? PRECISION_MAX : 0;
			/* the kernel: a negative precision is 0 */
			s->precision = p < 0 ? 0 : p;
		}
	}

	if (*fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'z' ||
	    *fmt == 't') {
		qual = *fmt++;
		if (qual == *fmt && qual == 'l') {
			qual = 'L';
			fmt++;
		} else if (qual == *fmt && qual == 'h') {
			qual = 'H';
			fmt++;
		}
	}

	s->base = 10;
	switch (*fmt) {
	case 'c':
		s->conv = CONV_CHAR;
		return fmt + 1;
	case 's':
		s->conv = CONV_STR;
		return fmt + 1;
	case 'p':
		s->conv = CONV_PTR;
		return fmt + 1;
	case '%':
		s->conv = CONV_PERCENT;
		return fmt + 1;
	case 'o':
		s->base = 8;
		break;
	case 'x':
		s->flags |= SMALL;
		s->base = 16;
		break;
	case 'X':
		s->base = 16;
		break;
	case 'd':
	case 'i':
		s->flags |= SIGN;
		break;
	case 'u':
		break;
	default:
		/* %n too: a greater risk than use, as the kernel says */
		WARN_ONCE(1, "Please remove unsupported %%%c in format string\n",
			  *fmt);
		s->conv = CONV_INVALID;
		return fmt;
	}

	switch (qual) {
	case 'L':
		s->conv = CONV_LLONG;
		break;
	case 'l':
		s->conv = (s->flags & SIGN) ? CONV_LONG : CONV_ULONG;
		break;
	case 'z':
		s->conv = (s->flags & SIGN) ? CONV_SSIZE : CONV_SIZE;
		break;
	case 't':
		s->conv = CONV_PTRDIFF;
		break;
	case 'H':
		s->conv = (s->flags & SIGN) ? CONV_BYTE : CONV_UBYTE;
		break;
	case 'h':
		s->conv = (s->flags & SIGN) ? CONV_SHORT : CONV_USHORT;
		break;
	default:
		s->conv = (s->flags & SIGN) ? CONV_INT : CONV_UINT;
		break;
	}
	return fmt + 1;
}

static void format(struct out *o, const char *fmt, va_list args)
{
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		struct spec s;
		unsigned long long num;

		if (*fmt != '%') {
			put(o, *fmt++);
			continue;
		}
		fmt = decode(fmt + 1, &s, &ap);
		switch (s.conv) {
		case CONV_CHAR: {
			char c;

			if (!(s.flags & LEFT))
				put_n(o, ' ', s.width - 1);
			c = (unsigned char)va_arg(ap, int);
			put(o, c);
			if (s.flags & LEFT)
				put_n(o, ' ', s.width - 1);
			continue;
		}
		case CONV_STR:
			string(o, va_arg(ap, const char *), s);
			continue;
		case CONV_PTR:
			pointer(o, fmt, va_arg(ap, void *), s);
			while (is_alnum(*fmt))
				fmt++;
			continue;
		case CONV_PERCENT:
			put(o, '%');
			continue;
		case CONV_INVALID:
			/* the arguments can no longer be matched: stop */
			va_end(ap);
			return;
		case CONV_LLONG:
			num = va_arg(ap, long long);
			break;
		case CONV_ULONG:
			num = va_arg(ap, unsigned long);
			break;
		case CONV_LONG:
			num = va_arg(ap, long);
			break;
		case CONV_SIZE:
			num = va_arg(ap, size_t);
			break;
		case CONV_SSIZE:
			num = va_arg(ap, ssize_t);
			break;
		case CONV_PTRDIFF:
			num = va_arg(ap, ptrdiff_t);
			break;
		case CONV_UBYTE:
			num = (unsigned char)va_arg(ap, int);
			break;
		case CONV_BYTE:
			num = (signed char)va_arg(ap, int);
			break;
		case CONV_USHORT:
			num = (unsigned short)va_arg(ap, int);
			break;
		case CONV_SHORT:
			num = (short)va_arg(ap, int);
			break;
		case CONV_INT:
			num = va_arg(ap, int);
			break;
		default:
			num = va_arg(ap, unsigned int);
			break;
		}
		number(o, num, s);
	}
	va_end(ap);
}

int kshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size };

	if (WARN_ON_ONCE(size > INT_MAX))
		return 0;
	format(&o, fmt, args);
	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return (int)o.pos;
}

int kshim_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = kshim_vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int kshim_vsprintf(char *buf, const char *fmt, va_list args)
{
	return kshim_vsnprintf(buf, INT_MAX, fmt, args);
}

int kshim_sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = kshim_vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n;

	if (!size)
		return 0;
	n = kshim_vsnprintf(buf, size, fmt, args);
	return (size_t)n < size ? n : (int)(size - 1);
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
int kshim_vsscanf(const char *buf, const char *fmt, va_list args)
{
	return vsscanf(buf, fmt, args);
}
#pragma GCC diagnostic pop

int kshim_sscanf(const char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = kshim_vsscanf(buf, fmt, args);
	va_end(args);
	return n;
}
