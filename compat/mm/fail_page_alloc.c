// SPDX-License-Identifier: GPL-2.0
/* placeholder until fault injection lands in this file */
#include "kshim/internal.h"
#include "mm/internal.h"

int kshim_parse_fail_page_alloc(const char *val, struct kshim_config *c)
{
	c->fail_page_alloc = val;
	return 0;
}

bool kshim_fail_page_alloc(gfp_t gfp, unsigned int order, const char *file,
			   int line, const char *func)
{
	return false;
}
