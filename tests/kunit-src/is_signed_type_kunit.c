// SPDX-License-Identifier: GPL-2.0
/* Linux's own lib/is_signed_type_kunit.c, unmodified, from --with-linux-source. */
#include "lib/is_signed_type_kunit.c"
