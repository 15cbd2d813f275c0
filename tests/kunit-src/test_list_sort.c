// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/test_list_sort.c, unmodified, from --with-linux-source. */
#include "lib/test_list_sort.c"
