/*
 * xa_kernel.h - entry points of xa_kernel.c, kernel code that uses the
 * XArray, IDR/IDA and radix tree headers as a driver does.
 */
#ifndef TESTS_LIB_XA_KERNEL_H
#define TESTS_LIB_XA_KERNEL_H

#include <linux/types.h>

struct xarray;
struct idr;
struct ida;

#define XA_KERNEL_FILE	"tests/lib/xa_kernel.c"

int xa_kernel_usage(void);
void *xa_kernel_store(struct xarray *xa, unsigned long index, void *entry);
void *xa_kernel_cmpxchg(struct xarray *xa, unsigned long index, void *entry);
int xa_kernel_insert(struct xarray *xa, unsigned long index, void *entry);
int xa_kernel_alloc(struct xarray *xa, u32 *id, void *entry);
void *xa_kernel_mk_value(unsigned long v);
void *xa_kernel_store_locked(struct xarray *xa, unsigned long index,
			     void *entry, gfp_t gfp);
void *xa_kernel_store_xa_locked(struct xarray *xa, unsigned long index,
				void *entry, gfp_t gfp, bool other);
void *xa_kernel_store_recursive(struct xarray *xa);
int xa_kernel_idr_alloc(struct idr *idr, void *ptr, int start, int end,
			gfp_t gfp);
int xa_kernel_idr_alloc_locked(struct idr *idr, void *ptr, gfp_t gfp);
void xa_kernel_idr_preload(gfp_t gfp);
void xa_kernel_ida_free(struct ida *ida, unsigned int id);
int xa_kernel_ida_alloc_locked(struct ida *ida, gfp_t gfp);
int xa_kernel_radix_preload(gfp_t gfp);
int xa_kernel_radix_insert(struct xarray *root, unsigned long index,
			   void *item);
void *xa_kernel_radix_tag_set(struct xarray *root, unsigned long index);

/* In the tests: reports named at the snippets' LINE: markers. */
#define expect_at(cls, what, marker)					\
	expect_report_at_in(XA_KERNEL_FILE, cls, what, marker)
#define assert_last_at(cls, marker)					\
	assert_report_at_in(XA_KERNEL_FILE, cls, marker)

#endif /* TESTS_LIB_XA_KERNEL_H */
