// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/test_hash.c, unmodified, from --with-linux-source. */
#include "lib/test_hash.c"
