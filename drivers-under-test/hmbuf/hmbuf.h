/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hmbuf - a byte buffer kept in highmem pages, the kmap driver under test.
 */
#ifndef _HMBUF_H
#define _HMBUF_H

#include <linux/types.h>

#define HMBUF_MAX_PAGES 64

/* Copy @len bytes at byte @off of the buffer to or from @buf. */
int hmbuf_write(size_t off, const void *buf, size_t len);
int hmbuf_read(size_t off, void *buf, size_t len);
/* The sum of every byte (safe in interrupt context). */
u32 hmbuf_checksum(void);
/* The byte at @off, read through the "fast path" when fast_peek=1. */
int hmbuf_peek(size_t off);
size_t hmbuf_size(void);

#endif /* _HMBUF_H */
