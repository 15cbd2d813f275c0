// SPDX-License-Identifier: GPL-2.0
/* Linux's own kernel/time/timeconv.c, unmodified, from --with-linux-source. */
#include "kernel/time/timeconv.c"
