// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/physmem.c - the host side of simulated physical memory.
 *
 * All RAM lives in one sparse memfd (tmpfs allocates a page only when it
 * is first written).  Address space is reserved with PROT_NONE mappings,
 * and RAM ranges are mapped over them MAP_SHARED|MAP_FIXED, so the same
 * frame can appear at several addresses (direct map, kmap windows, kshim's
 * private "backdoor" view) and an unmapped address faults.  Each test's
 * child process gets a RAM of its own: a fresh memfd holding a copy of
 * the parent's written extents, remapped at the same addresses.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kshim/internal.h"
#include "arch/physmem.h"
#include "arch/kmap_window.h"

#define MAX_RAM_MAPS 64

struct ram_map {
	void *va;
	size_t len;
	off_t off;
};

static int ram_fd = -1;
static size_t ram_size;
static struct ram_map ram_maps[MAX_RAM_MAPS];
static unsigned int nr_ram_maps;

void arch_host_fail(const char *what)
{
	fprintf(stderr, "kshim: %s failed: %s\n", what, strerror(errno));
	exit(99);
}

static int new_memfd(size_t size)
{
	int fd = memfd_create("kshim-ram", MFD_CLOEXEC);

	if (fd < 0)
		arch_host_fail("memfd_create");
	if (ftruncate(fd, size))
		arch_host_fail("ftruncate of the simulated RAM");
	return fd;
}

void arch_ram_create(size_t size)
{
	arch_ram_destroy();
	ram_fd = new_memfd(size);
	ram_size = size;
}

void arch_ram_destroy(void)
{
	unsigned int i;

	for (i = 0; i < nr_ram_maps; i++)
		munmap(ram_maps[i].va, ram_maps[i].len);
	nr_ram_maps = 0;
	if (ram_fd >= 0)
		close(ram_fd);
	ram_fd = -1;
	ram_size = 0;
}

void *arch_reserve(size_t len)
{
	void *p = mmap(NULL, len, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		arch_host_fail("reserving address space");
	return p;
}

void *arch_alloc_sparse(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		arch_host_fail("allocating sparse memory");
	return p;
}

void arch_release(void *va, size_t len)
{
	if (va)
		munmap(va, len);
}

static void map_at(void *va, size_t len, off_t off)
{
	void *p = mmap(va, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
		       ram_fd, off);

	if (p == MAP_FAILED)
		arch_host_fail("mapping simulated RAM");
}

void arch_ram_map(void *va, size_t len, off_t off)
{
	if (nr_ram_maps == MAX_RAM_MAPS) {
		errno = ENOSPC;
		arch_host_fail("recording a RAM mapping");
	}
	map_at(va, len, off);
	ram_maps[nr_ram_maps++] = (struct ram_map){ va, len, off };
}

void arch_ram_map_alias(void *va, size_t len, off_t off)
{
	map_at(va, len, off);
}

void arch_ram_protect(void *va, size_t len, bool accessible)
{
	if (mprotect(va, len, accessible ? PROT_READ | PROT_WRITE : PROT_NONE))
		arch_host_fail("mprotect of simulated RAM");
	/* An access must reach the fault handler (the oops), not memcheck. */
	if (!accessible)
		arch_kmap_hole_for_fault(va, len);
}

/* Copy the written extents of @from into @to (holes stay holes). */
static void copy_extents(int from, int to, size_t size)
{
	static char buf[1 << 16];
	off_t data = 0, hole;

	for (;;) {
		data = lseek(from, data, SEEK_DATA);
		if (data < 0)
			return;		/* ENXIO: no more data */
		hole = lseek(from, data, SEEK_HOLE);
		if (hole < 0)
			hole = size;
		while (data < hole) {
			size_t n = hole - data < (off_t)sizeof(buf) ?
				   (size_t)(hole - data) : sizeof(buf);
			ssize_t r = pread(from, buf, n, data);

			if (r <= 0 || pwrite(to, buf, r, data) != r)
				arch_host_fail("copying simulated RAM");
			data += r;
		}
	}
}

void arch_ram_fork(void)
{
	unsigned int i;
	int fd;

	if (ram_fd < 0)
		return;
	fd = new_memfd(ram_size);
	copy_extents(ram_fd, fd, ram_size);
	close(ram_fd);
	ram_fd = fd;
	for (i = 0; i < nr_ram_maps; i++)
		map_at(ram_maps[i].va, ram_maps[i].len, ram_maps[i].off);
}
