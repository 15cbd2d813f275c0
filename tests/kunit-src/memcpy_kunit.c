// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/memcpy_kunit.c, unmodified, from --with-linux-source. */
#include "lib/memcpy_kunit.c"
