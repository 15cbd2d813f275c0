/*
 * kunit_kernel - the kernel's own KUnit suites (lib/list-test.c and the
 * others linked in, see Makemodule.am), each case a kshim test: its own
 * process from the clean machine, kshim's checks and ledger at its end.
 * Arguments select as kunit.py's filter does ("suite" or "suite.case",
 * shell patterns); --list lists.
 */
#include <kshim/kunit.h>

int main(int argc, char **argv)
{
	return kshim_kunit_main(argc, argv);
}
