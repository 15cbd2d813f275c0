/*
 * tests/common/flags.c - see flags.h.
 */
#include <pthread.h>

#include "flags.h"

static pthread_mutex_t flags_lock = PTHREAD_MUTEX_INITIALIZER;

int flag_load(const int *p)
{
	int v;

	pthread_mutex_lock(&flags_lock);
	v = *p;
	pthread_mutex_unlock(&flags_lock);
	return v;
}

void flag_store(int *p, int v)
{
	pthread_mutex_lock(&flags_lock);
	*p = v;
	pthread_mutex_unlock(&flags_lock);
}

int flag_add(int *p, int v)
{
	int n;

	pthread_mutex_lock(&flags_lock);
	n = *p += v;
	pthread_mutex_unlock(&flags_lock);
	return n;
}
