// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/bitfield_kunit.c, unmodified, from --with-linux-source. */
#include "lib/bitfield_kunit.c"
