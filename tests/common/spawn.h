/*
 * tests/common/spawn.h - run a program with a chosen KSHIM_* environment
 * and collect its exit status, stdout and stderr (for tests of the
 * harness itself and of programs built against kshim), or a function in
 * a child process (for faults that end the process).
 */
#ifndef _TESTS_SPAWN_H
#define _TESTS_SPAWN_H

#include <stdbool.h>

struct spawn_result {
	int status;	/* exit status, or 128 + signal */
	bool signaled;
	char *out;	/* stdout, NUL-terminated */
	char *err;	/* stderr, NUL-terminated */
};

/*
 * Run @argv with the current environment minus every KSHIM_* variable,
 * plus @env ("NAME=value", NULL-terminated, may be NULL).
 */
int spawn_run(char *const argv[], const char *const env[],
	      struct spawn_result *res);
/*
 * Call @fn(@arg) in a forked child (no core file) that then exits 0,
 * collecting its status and output like spawn_run().
 */
int spawn_call(void (*fn)(void *), void *arg, struct spawn_result *res);
void spawn_free(struct spawn_result *res);

/* Path of a file in the build or source tree (static buffer per call). */
const char *build_path(const char *rel);
const char *src_path(const char *rel);

/* Line number of the first line of @file containing @marker, or -1. */
int find_marker_line(const char *file, const char *marker);

#endif /* _TESTS_SPAWN_H */
