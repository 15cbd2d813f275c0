/* SPDX-License-Identifier: GPL-2.0 */
/* placeholder: linux/pagemap.h lands with the page lock */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H
#include <linux/mm.h>
#endif /* _LINUX_PAGEMAP_H */
