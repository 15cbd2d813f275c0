/*
 * tests/common/flags.h - a test's own progress flags shared between its
 * threads.  They go through one mutex, not atomics: helgrind only
 * understands pthread synchronisation.
 */
#ifndef _TESTS_FLAGS_H
#define _TESTS_FLAGS_H

int flag_load(const int *p);
void flag_store(int *p, int v);
/* Add @v to *@p and return the new value. */
int flag_add(int *p, int v);

#endif /* _TESTS_FLAGS_H */
