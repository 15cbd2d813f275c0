// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/math/rational.c, unmodified, from --with-linux-source. */
#include "lib/math/rational.c"
