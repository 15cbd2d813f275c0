// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/uuid.c - UUID/GUID generation and parsing as lib/uuid.c (6.1).
 *
 * A generated UUID is 16 random bytes with the variant bits 10 in byte 8
 * and the version 4 in the high nibble of byte 6 (uuid_t, big-endian
 * time_hi) or byte 7 (guid_t, little-endian).  Parsing reads the 16 hex
 * pairs of the text in order and stores them at the byte given by
 * uuid_index (identity) or guid_index (first three fields byte-swapped).
 */
#include <linux/errno.h>
#include <linux/hex.h>
#include <linux/random.h>
#include <linux/uuid.h>

const guid_t guid_null;
const uuid_t uuid_null;

const u8 guid_index[16] = { 3, 2, 1, 0, 5, 4, 7, 6,
			    8, 9, 10, 11, 12, 13, 14, 15 };
const u8 uuid_index[16] = { 0, 1, 2, 3, 4, 5, 6, 7,
			    8, 9, 10, 11, 12, 13, 14, 15 };

/* Random bytes, version 4 in byte @vbyte, the RFC 4122 variant. */
static void random_v4(u8 b[16], unsigned int vbyte)
{
	get_random_bytes(b, 16);
	b[vbyte] = (b[vbyte] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
}

void generate_random_uuid(unsigned char uuid[16])
{
	random_v4(uuid, 6);
}

void generate_random_guid(unsigned char guid[16])
{
	random_v4(guid, 7);
}

void guid_gen(guid_t *lu)
{
	random_v4(lu->b, 7);
}

void uuid_gen(uuid_t *bu)
{
	random_v4(bu->b, 6);
}


static bool is_dash_pos(unsigned int i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

bool uuid_is_valid(const char *uuid)
{
	unsigned int i;

	for (i = 0; i < UUID_STRING_LEN; i++) {
		if (is_dash_pos(i) ? uuid[i] != '-' : hex_to_bin(uuid[i]) < 0)
			return false;
	}
	return true;
}

static int parse_with_index(const char *uuid, u8 b[16], const u8 index[16])
{
	unsigned int i, pos = 0;

	if (!uuid_is_valid(uuid))
		return -EINVAL;
	for (i = 0; i < 16; i++) {
		if (is_dash_pos(pos))
			pos++;
		b[index[i]] = (u8)(hex_to_bin(uuid[pos]) << 4 |
				   hex_to_bin(uuid[pos + 1]));
		pos += 2;
	}
	return 0;
}

int guid_parse(const char *uuid, guid_t *u)
{
	return parse_with_index(uuid, u->b, guid_index);
}

int uuid_parse(const char *uuid, uuid_t *u)
{
	return parse_with_index(uuid, u->b, uuid_index);
}
