// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/namei.c - the name hashes of fs/namei.c (6.1):
 * full_name_hash() and hashlen_string() (linux/stringhash.h).
 *
 * The values are those of a 64-bit kernel with CONFIG_DCACHE_WORD_ACCESS
 * (x86-64): the name is taken in little-endian 8-byte words, each mixed
 * into a two-word state (x, y) whose y starts as the salt; the last,
 * partial word (the bytes before the end or the NUL, zero-padded) is
 * xored into x without a mix; x and y are folded to 32 bits with
 * GOLDEN_RATIO_64.  The words are assembled byte by byte, so no byte past
 * the name is read and a big-endian host gets the same values.
 */
#include <linux/bitops.h>
#include <linux/export.h>
#include <linux/stringhash.h>

struct name_hash_state {
	u64 x, y;
};

/* Mix one whole word into the state. */
static inline void name_hash_mix(struct name_hash_state *s, u64 word)
{
	s->x ^= word;
	s->y ^= s->x;
	s->x = rol64(s->x, 12);
	s->x += s->y;
	s->y = rol64(s->y, 45);
	s->y *= 9;
}

static inline unsigned int name_hash_fold(const struct name_hash_state *s)
{
	u64 y = s->y ^ (s->x * GOLDEN_RATIO_64);

	return (u32)((y * GOLDEN_RATIO_64) >> 32);
}

/* @n (0..8) bytes at @p as a little-endian word, the rest zero. */
static inline u64 name_word(const char *p, unsigned int n)
{
	u64 word = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		word |= (u64)(unsigned char)p[i] << (8 * i);
	return word;
}

unsigned int full_name_hash(const void *salt, const char *name,
			    unsigned int len)
{
	struct name_hash_state s = { 0, (unsigned long)salt };

	for (; len >= sizeof(u64); len -= sizeof(u64), name += sizeof(u64))
		name_hash_mix(&s, name_word(name, sizeof(u64)));
	if (len)
		s.x ^= name_word(name, len);
	return name_hash_fold(&s);
}
EXPORT_SYMBOL(full_name_hash);

u64 hashlen_string(const void *salt, const char *name)
{
	struct name_hash_state s = { 0, (unsigned long)salt };
	unsigned long len = 0;
	unsigned int n;

	for (;;) {
		/* The bytes of the next word before the NUL, if any. */
		for (n = 0; n < sizeof(u64) && name[len + n]; n++)
			;
		if (n < sizeof(u64))
			break;
		name_hash_mix(&s, name_word(name + len, n));
		len += n;
	}
	s.x ^= name_word(name + len, n);
	return hashlen_create(name_hash_fold(&s), len + n);
}
EXPORT_SYMBOL(hashlen_string);
