// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/cmdline_kunit.c, unmodified, from --with-linux-source. */
#include "lib/cmdline_kunit.c"
