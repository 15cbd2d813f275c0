// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/cpumask_kunit.c, unmodified, from --with-linux-source. */
#include "lib/cpumask_kunit.c"
