/*
 * compat/arch/dma_owner.h - the CPU's view of DMA buffers the device owns
 * (dma_owner.c).
 *
 * kshim's check beyond the kernel: while a streaming DMA mapping belongs
 * to the device (dma_map_*() or dma_sync_*_for_device() until
 * dma_unmap_*() or dma_sync_*_for_cpu()), the CPU must not touch the
 * buffer.  ASan builds poison it (an access is kshim's report naming the
 * access and the map call, and ends the test), Valgrind's memcheck sees it
 * as a no-access block described as the DMA buffer, created at the map
 * call.  Plain and TSan builds do nothing here.
 */
#ifndef _KSHIM_ARCH_DMA_OWNER_H
#define _KSHIM_ARCH_DMA_OWNER_H

#include <stdbool.h>
#include <stddef.h>

/* One buffer's state, kept in the mapping's record. */
struct arch_dma_owned {
	struct arch_dma_owned *next, *prev;	/* list of poisoned ones */
	char *va;		/* the CPU's range */
	size_t len;
	char *lo, *hi;		/* what ASan poisons: whole granules */
	unsigned int vg_block;	/* memcheck's description block */
	bool on;		/* poisoned now */
	char desc[320];		/* what the buffer is, who mapped it where */
	const char *file;	/* the map call */
	int line;
	const char *func;
};

/* True when ASan or memcheck watches (else the calls below are no-ops). */
bool arch_dma_owner_watched(void);

/*
 * The device owns @va..@va+@len now (@o->desc, filled by the caller, says
 * whose and how; @file:@line is the map call).
 */
void arch_dma_give_device(struct arch_dma_owned *o, void *va, size_t len,
			  const char *file, int line, const char *func);
/* The CPU owns it again (unmap, sync_for_cpu). */
void arch_dma_give_cpu(struct arch_dma_owned *o);

/*
 * ASan caught an access to @addr: when it is a buffer the device owns,
 * kshim's report, and the task ends (no return); false otherwise.
 */
bool arch_dma_owner_checker_error(unsigned long addr, bool write,
				  size_t size, unsigned long pc);

#endif /* _KSHIM_ARCH_DMA_OWNER_H */
