// SPDX-License-Identifier: GPL-2.0
/* placeholder until fault injection lands in this file */
#include "mm/internal.h"

bool kshim_fail_page_alloc(gfp_t gfp, unsigned int order, const char *file,
			   int line, const char *func)
{
	return false;
}
