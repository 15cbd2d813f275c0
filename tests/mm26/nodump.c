/*
 * tests/mm26/nodump.c - see nodump.h.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "nodump.h"

static bool either_has(const struct spawn_result *res, const char *s)
{
	return strstr(res->out, s) || strstr(res->err, s);
}

void assert_bug_without_dump(const char *self, const char *name)
{
	char path[4096], test[256];
	char *argv[3] = { path, test, NULL };
	struct spawn_result res;

	snprintf(path, sizeof(path), "%s", build_path(self));
	snprintf(test, sizeof(test), "%s", name);
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, NULL, &res), 0);
	CU_ASSERT_EQUAL(res.status, 0);
	CU_ASSERT_TRUE(either_has(&res, CUT_HERE "kernel BUG at "));
	CU_ASSERT_FALSE(either_has(&res, "page dumped because"));
	CU_ASSERT_FALSE(either_has(&res, " refcount:"));
	if (res.status != 0 || either_has(&res, "page dumped because"))
		fprintf(stderr, "%s %s:\n%s%s", path, test, res.out, res.err);
	spawn_free(&res);
}
