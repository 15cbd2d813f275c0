// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/test_static_key_base.c, unmodified, from --with-linux-source. */
#include "lib/test_static_key_base.c"
