// SPDX-License-Identifier: GPL-2.0
/* placeholder until poisoning lands in this file */
#include "mm/internal.h"

void kshim_page_free_poison(struct page *page, unsigned int order)
{
}

void kshim_page_alloc_poison_check(struct page *page, unsigned int order)
{
}
