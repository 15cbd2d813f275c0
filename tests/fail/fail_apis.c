/*
 * fail_apis - print kshim's registry of fallible APIs, for
 * tests/fail/check-fallible.sh.
 *
 * One line per API, in kshim_fail_api()'s order: its func= name, then the
 * errors the kernel returns there ("request_irq -ENOMEM -EBUSY -EINVAL").
 * Exit status 1 when the registry is malformed: no API at all, an API
 * with no name, no error or an error that is not a negative errno, or an
 * API listed twice.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/fail.h>

#include "lib/fault-inject.h"	/* fault_errno_name() */

#define MAX_ERRNO 4095

int main(void)
{
	const char *name, *prev;
	const int *errors;
	unsigned int i, j;
	char buf[32];
	int bad = 0;

	for (i = 0; (name = kshim_fail_api(i, &errors)); i++) {
		if (!*name) {
			fprintf(stderr, "fail_apis: API %u has no name\n", i);
			bad = 1;
		}
		for (j = 0; j < i; j++) {
			prev = kshim_fail_api(j, NULL);
			if (!strcmp(prev, name)) {
				fprintf(stderr, "fail_apis: %s is listed twice\n",
					name);
				bad = 1;
			}
		}
		printf("%s", name);
		if (!errors || !errors[0]) {
			fprintf(stderr, "fail_apis: %s lists no error\n", name);
			bad = 1;
		}
		for (j = 0; errors && errors[j]; j++) {
			printf(" %s", fault_errno_name(errors[j], buf,
							sizeof(buf)));
			if (errors[j] > 0 || errors[j] < -MAX_ERRNO) {
				fprintf(stderr, "fail_apis: %s: %d is not a negative errno\n",
					name, errors[j]);
				bad = 1;
			}
		}
		printf("\n");
	}
	if (!i) {
		fprintf(stderr, "fail_apis: the registry is empty\n");
		bad = 1;
	}
	return bad;
}
