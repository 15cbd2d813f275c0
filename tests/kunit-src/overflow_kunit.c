// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/overflow_kunit.c, unmodified, from --with-linux-source. */
#include "lib/overflow_kunit.c"
