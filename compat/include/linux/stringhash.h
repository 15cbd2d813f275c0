/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/stringhash.h - hashing of names (path components) and strings.
 *
 * Follows include/linux/stringhash.h of 6.1.  The incremental hash
 * (init_name_hash(salt), partial_name_hash(c, prev), end_name_hash()) is
 * the kernel's inline one.  full_name_hash(salt, name, len) and
 * hashlen_string(salt, name) (compat/fs/namei.c) compute the values an
 * x86-64 kernel (CONFIG_DCACHE_WORD_ACCESS, 64-bit) computes: the salt (in
 * the kernel the parent dentry) seeds the hash, so one name under two
 * salts hashes differently, and hashlen_hash(hashlen_string(s, name)) ==
 * full_name_hash(s, name, strlen(name)).  Unlike the kernel, kshim reads no
 * byte past the name (the kernel reads whole words, which sanitizers would
 * see as out of bounds).  A "hashlen" is the 32-bit hash in the low half
 * and the length in the high half of a u64.
 */
#ifndef __LINUX_STRINGHASH_H
#define __LINUX_STRINGHASH_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/hash.h>

#define init_name_hash(salt)		(unsigned long)(salt)

/* Add one character @c to @prevhash (about 4 bits per character). */
static inline unsigned long
partial_name_hash(unsigned long c, unsigned long prevhash)
{
	return (prevhash + (c << 4) + (c >> 4)) * 11;
}

/* The 32-bit result of an incremental hash. */
static inline unsigned int end_name_hash(unsigned long hash)
{
	return hash_long(hash, 32);
}

unsigned int __pure full_name_hash(const void *salt, const char *name,
				   unsigned int len);

#define hashlen_hash(hashlen)	((u32)(hashlen))
#define hashlen_len(hashlen)	((u32)((hashlen) >> 32))
#define hashlen_create(hash, len) ((u64)(len) << 32 | (u32)(hash))

u64 __pure hashlen_string(const void *salt, const char *name);

#endif /* __LINUX_STRINGHASH_H */
