// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kunit/main.c - the main() of a test program made only of
 * KUnit files: libkshim's archive supplies it when the program has none.
 */
#include <kshim/kunit.h>

int main(int argc, char **argv)
{
	return kshim_kunit_main(argc, argv);
}
