/* tests/mempool/mempool_kernel.h - the kernel-code driver's entry points. */
#ifndef _TESTS_MEMPOOL_KERNEL_H
#define _TESTS_MEMPOOL_KERNEL_H

struct mpk_dev;

struct mpk_dev *mpk_create(int min_nr);
int mpk_roundtrip(struct mpk_dev *dev, gfp_t gfp);
void *mpk_get(struct mpk_dev *dev);
void mpk_destroy(struct mpk_dev *dev);

#endif /* _TESTS_MEMPOOL_KERNEL_H */
