/*
 * ds_kernel.h - entry points of ds_kernel.c, kernel code that uses the
 * core data-structure headers as a driver does.  Each returns 0 when every
 * check passed, else the (negative) line number of the first failure.
 */
#ifndef TESTS_LIB_DS_KERNEL_H
#define TESTS_LIB_DS_KERNEL_H

int ds_kernel_rbtree(unsigned int seed);
int ds_kernel_llist(void);
int ds_kernel_hashtable(void);
int ds_kernel_sort(void);

#endif /* TESTS_LIB_DS_KERNEL_H */
