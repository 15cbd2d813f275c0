// SPDX-License-Identifier: GPL-2.0
/* placeholder: the page lock lands in this file */
#include <linux/pagemap.h>
