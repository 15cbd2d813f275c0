/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit/visibility.h - symbols a file keeps static except for its KUnit
 * tests, as 6.1's with CONFIG_KUNIT (always on in kshim): they stay
 * visible, exported in the EXPORTED_FOR_KUNIT_TESTING namespace.
 */
#ifndef _KUNIT_VISIBILITY_H
#define _KUNIT_VISIBILITY_H

#include <linux/export.h>

#define VISIBLE_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(symbol) \
	EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)

#endif /* _KUNIT_VISIBILITY_H */
