// SPDX-License-Identifier: GPL-2.0
/* Linux's own kernel/time/time_test.c, unmodified, from --with-linux-source. */
#include "kernel/time/time_test.c"
