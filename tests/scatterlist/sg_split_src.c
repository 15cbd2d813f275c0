// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/sg_split.c, unmodified, from --with-linux-source. */
#include "lib/sg_split.c"
