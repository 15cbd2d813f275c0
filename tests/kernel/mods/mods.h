/* What the loader-test modules saw, for the tests to check. */
#ifndef _MODS_H
#define _MODS_H

#include <stdbool.h>

struct params_seen {
	int p_int;
	unsigned int p_uint;
	long p_long;
	unsigned long p_ulong;
	short p_short;
	unsigned short p_ushort;
	unsigned char p_byte;
	unsigned long long p_ullong;
	unsigned int p_hex;
	bool p_bool;
	bool p_invbool;
	const char *p_charp;
	char p_string[8];
	int p_array[4];
	unsigned int p_array_n;
	bool p_barray[3];
	unsigned int p_barray_n;
	int p_named;
};
extern struct params_seen params_seen;

struct mod_calls {
	int init;
	int exit;
};
extern struct mod_calls good_calls, failing_calls, eexist_calls,
	positive_calls, noexit_calls, proprietary_calls;

#endif /* _MODS_H */
