// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/kunit/kunit-example-test.c, unmodified, from --with-linux-source. */
#include "lib/kunit/kunit-example-test.c"
