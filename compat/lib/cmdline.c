// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/cmdline.c - memparse(): "64K", "256M", "4G" -> bytes;
 * get_option()/get_options(): "1,3-5,7" -> integers.
 *
 * Behaves as lib/cmdline.c of 6.1:
 *  - memparse(): a number in any C base (simple_strtoull(): no blanks, no
 *    sign), then an optional K/M/G/T/P/E suffix (either case) multiplying
 *    by powers of 1024;
 *  - get_option(): one int, negative with a leading '-', and what follows
 *    it: 0 no number (a lone leading '-' is still consumed), 1 a number
 *    that ends the list, 2 a number and its ',' (consumed), 3 a number
 *    followed by '-' (a range, left for the caller);
 *  - get_options(): a list of numbers and ranges M-N into ints[1..],
 *    ints[0] the count; nints 0 only counts (validates) and stores only
 *    ints[0].  A range expands to M..N-1 here and N comes as the next
 *    number; an empty or reversed range ends the list.
 */
#include <linux/kernel.h>

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *endptr;
	unsigned long long ret = simple_strtoull(ptr, &endptr, 0);
	unsigned int shift = 0;

	switch (*endptr) {
	case 'E': case 'e':
		shift += 10;
		/* fall through */
	case 'P': case 'p':
		shift += 10;
		/* fall through */
	case 'T': case 't':
		shift += 10;
		/* fall through */
	case 'G': case 'g':
		shift += 10;
		/* fall through */
	case 'M': case 'm':
		shift += 10;
		/* fall through */
	case 'K': case 'k':
		shift += 10;
		endptr++;
		break;
	default:
		break;
	}
	ret <<= shift;
	if (retptr)
		*retptr = endptr;
	return ret;
}

int get_option(char **str, int *pint)
{
	char *start = *str;
	unsigned long long value;
	char *digits;

	if (!start || !*start)
		return 0;
	digits = start + (*start == '-');
	/* The unsigned number, negated after a '-', cut to int. */
	value = simple_strtoull(digits, str, 0);
	if (digits != start)
		value = -value;
	if (pint)
		*pint = (int)value;
	if (*str == digits)
		return 0;
	switch (**str) {
	case ',':
		(*str)++;
		return 2;
	case '-':
		return 3;
	default:
		return 1;
	}
}

char *get_options(const char *str, int nints, int *ints)
{
	char *cur = (char *)str;
	bool count_only = nints == 0;
	int i = 1;

	while (count_only || i < nints) {
		/* Counting only: every value lands in ints[0], overwritten. */
		int *slot = count_only ? &ints[0] : &ints[i];
		int res = get_option(&cur, slot);

		if (!res)
			break;
		if (res == 3) {
			int first = *slot, last, room, v;

			cur++;		/* the '-' */
			last = (int)simple_strtol(cur, NULL, 0);
			/* M..N-1 stored while room is left; N is next. */
			room = count_only ? 0 : nints - i;
			for (v = first; room > 0 && v < last; v++, room--)
				*slot++ = v;
			if (last < first)
				break;
			i += (int)((long long)last - first - 1);
		}
		i++;
		if (res == 1)
			break;
	}
	ints[0] = i - 1;
	return cur;
}
