// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/list-test.c, unmodified, from --with-linux-source. */
#include "lib/list-test.c"
