// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/string_helpers.c - string_get_size() and memcpy_and_pad().
 *
 * Reproduces lib/string_helpers.c of 6.1.  string_get_size() gives the
 * kernel's exact text: @size * @blk_size is formed as coefficient *
 * divisor^exponent, each factor first cut below 2^32 (truncating, as the
 * kernel does), then reduced below the divisor while keeping the last
 * remainder; the fraction shows as many digits as make three significant
 * figures (none at three integer digits), rounded half up from the
 * remainder in thousandths (binary remainders scaled by 1000/1024 and
 * truncated first).  A zero size or block size is "0 B"; past the ninth
 * unit the unit is "UNK".
 */
#include <stdio.h>
#include <string.h>

#include <linux/string.h>
#include <linux/string_helpers.h>

void string_get_size(u64 size, u64 blk_size, enum string_size_units units,
		     char *buf, int len)
{
	static const char *const names[2][9] = {
		[STRING_UNITS_10] = { "B", "kB", "MB", "GB", "TB", "PB", "EB",
				      "ZB", "YB" },
		[STRING_UNITS_2] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB",
				     "EiB", "ZiB", "YiB" },
	};
	const u32 base = units == STRING_UNITS_2 ? 1024 : 1000;
	unsigned int exp = 0, digits = 0;
	u32 rem = 0, whole;
	char frac[8] = "";

	if (!blk_size)
		size = 0;
	if (size) {
		u32 probe, half;

		for (; blk_size >> 32; exp++)
			blk_size /= base;
		for (; size >> 32; exp++)
			size /= base;
		size *= blk_size;
		for (; size >= base; exp++) {
			rem = (u32)(size % base);
			size /= base;
		}
		/* Fraction digits for three significant figures. */
		for (probe = (u32)size; probe < 100; probe *= 10)
			digits++;
		if (units == STRING_UNITS_2)
			rem = (rem * 1000) >> 10;
		/* Half a unit of the last digit shown: 500, 50 or 5. */
		half = digits == 0 ? 500 : digits == 1 ? 50 : 5;
		rem += half;
		if (rem >= 1000) {
			rem -= 1000;
			size++;
		}
		if (digits) {
			snprintf(frac, sizeof(frac), ".%03u", rem);
			frac[digits + 1] = '\0';
		}
	}
	whole = (u32)size;
	snprintf(buf, len, "%u%s %s", whole, frac,
		 exp < 9 ? names[units][exp] : "UNK");
}

void memcpy_and_pad(void *dest, size_t dest_len, const void *src,
		    size_t count, int pad)
{
	if (dest_len > count) {
		memcpy(dest, src, count);
		memset((char *)dest + count, pad, dest_len - count);
	} else {
		memcpy(dest, src, dest_len);
	}
}
