// SPDX-License-Identifier: GPL-2.0
/*
 * lib/ctype.c - the kernel's character class table, _ctype[], as
 * lib/ctype.c of 6.x fills it: the C locale's classes for ASCII, none for
 * 0x80-0x9F, Latin-1 classes for 0xA0-0xFF.
 */
#include <linux/ctype.h>
#include <linux/export.h>

const unsigned char _ctype[256] = {
	/* ASCII control characters; tab, LF, VT, FF and CR are spaces. */
	[0x00 ... 0x08]	= _C,
	['\t' ... '\r']	= _C | _S,	/* \t \n \v \f \r */
	[0x0e ... 0x1f]	= _C,
	[0x7f]		= _C,
	/* The space is also the "hard space" that isprint() accepts. */
	[' ']		= _S | _SP,
	['!' ... '/']	= _P,
	['0' ... '9']	= _D,
	[':' ... '@']	= _P,
	['A' ... 'F']	= _U | _X,
	['G' ... 'Z']	= _U,
	['[' ... '`']	= _P,
	['a' ... 'f']	= _L | _X,
	['g' ... 'z']	= _L,
	['{' ... '~']	= _P,
	/* 0x80-0x9f: C1 controls, in no class at all. */
	/* Latin-1: no-break space, symbols, letters. */
	[0xa0]		= _S | _SP,
	[0xa1 ... 0xbf]	= _P,
	[0xc0 ... 0xd6]	= _U,
	[0xd7]		= _P,		/* multiplication sign */
	[0xd8 ... 0xde]	= _U,
	[0xdf ... 0xf6]	= _L,		/* from sharp s */
	[0xf7]		= _P,		/* division sign */
	[0xf8 ... 0xff]	= _L,
};
EXPORT_SYMBOL(_ctype);
