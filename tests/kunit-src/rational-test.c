// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/math/rational-test.c, unmodified, from --with-linux-source. */
#include "lib/math/rational-test.c"
