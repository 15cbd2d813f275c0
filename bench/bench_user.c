/*
 * bench_user - a driver seen from a simulated process (issue 14's
 * targets), each next to the host's own operation in the same run:
 *
 *   read() of 4 KiB from scullp (its copy_to_user())    vs the host's
 *     pread() of 4 KiB from a memfd                      <= 3x
 *   the first touch of a page mmapped from scullp,      vs the host's
 *     served by its ->fault (a load by the process)      first load from
 *                                                        a fresh anonymous
 *                                                        mapping, <= 3x
 *     (the stores, a fault that dirties the page there and allocates and
 *     clears one on the host, for information)
 *   pin_user_pages_fast() + unpin_user_pages() of 16    absolute, <= 1 us
 *     resident pages, in a thread of the process
 *
 * The machine has no highmem unless KSHIM_HIGHMEM is set: scullp's and
 * the process's pages would be highmem, and every access through
 * kmap_local_page() a window mapping (bench_highmem measures that cost);
 * here the copies themselves are measured.
 *
 * Each time is the best of several rounds, the rounds of an operation and
 * of its baseline alternating.  A MISS is information, not a failure: the
 * exit status is 0 unless the machine or the driver cannot be set up.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <kshim/module.h>
#include <kshim/user.h>
#include <linux/mm.h>

#define ROUNDS		7
#define READ_ITERS	20000UL
#define FAULT_PAGES	256UL
#define PIN_PAGES	16
#define PIN_ITERS	20000UL
#define PG		4096UL

static volatile unsigned char sink;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double best(double a, double b)
{
	return a < b ? a : b;
}

static void line(const char *what, double t, const char *base, double tb,
		 double target)
{
	double r = t / tb;

	printf("%-40s %8.0f ns   %-34s %8.0f ns   %.2fx (target <= %gx) %s\n",
	       what, t, base, tb, r, target, r <= target ? "ok" : "MISS");
}

/* ---- read() of 4 KiB ---- */

static double bench_host_pread(int memfd, unsigned char *buf)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < READ_ITERS; i++)
		if (pread(memfd, buf, PG, 0) != (ssize_t)PG)
			abort();
	return (now_ns() - t) / READ_ITERS;
}

static double bench_scullp_read(struct kshim_proc *p, int fd,
				unsigned long buf)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < READ_ITERS; i++)
		if (kshim_pread(p, fd, buf, PG, 0) != (ssize_t)PG)
			abort();
	return (now_ns() - t) / READ_ITERS;
}

/* ---- first touch ---- */

static double bench_host_touch(bool store)
{
	unsigned char *m = mmap(NULL, FAULT_PAGES * PG, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;
	double t;

	if (m == MAP_FAILED)
		abort();
	t = now_ns();
	for (i = 0; i < FAULT_PAGES; i++) {
		if (store)
			((volatile unsigned char *)m)[i * PG] = 1;
		else
			sink = ((volatile unsigned char *)m)[i * PG];
	}
	t = (now_ns() - t) / FAULT_PAGES;
	munmap(m, FAULT_PAGES * PG);
	return t;
}

static double bench_scullp_touch(struct kshim_proc *p, int fd, bool store)
{
	unsigned char b = 1;
	unsigned long i;
	double t;
	long m = kshim_mmap(p, 0, FAULT_PAGES * PG, PROT_READ | PROT_WRITE,
			    MAP_SHARED, fd, 0);

	if (m <= 0)
		abort();
	t = now_ns();
	for (i = 0; i < FAULT_PAGES; i++) {
		if (store ? kshim_user_write(p, m + i * PG, &b, 1) :
			    kshim_user_read(p, m + i * PG, &b, 1))
			abort();
	}
	t = (now_ns() - t) / FAULT_PAGES;
	if (kshim_munmap(p, m, FAULT_PAGES * PG))
		abort();
	return t;
}

/* ---- pin + unpin of 16 pages, in a thread of the process ---- */

struct pin_arg {
	unsigned long addr;
	double ns;
};

static long pin_loop(struct kshim_proc *p, void *arg)
{
	struct pin_arg *a = arg;
	struct page *pages[PIN_PAGES];
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < PIN_ITERS; i++) {
		if (pin_user_pages_fast(a->addr, PIN_PAGES, FOLL_WRITE,
					pages) != PIN_PAGES)
			return -1;
		unpin_user_pages(pages, PIN_PAGES);
	}
	a->ns = (now_ns() - t) / PIN_ITERS;
	return 0;
}

static double bench_pin(struct kshim_proc *p, unsigned long addr)
{
	struct pin_arg a = { .addr = addr };
	struct kshim_call *c = kshim_call_start(p, pin_loop, &a);

	if (!c || kshim_call_wait(c))
		abort();
	kshim_call_free(c);
	return a.ns;
}

int main(int argc, char **argv)
{
	double host_rd = 1e30, drv_rd = 1e30, host_ld = 1e30, drv_ld = 1e30;
	double host_st = 1e30, drv_st = 1e30, pin = 1e30;
	unsigned char *hbuf = malloc(PG);
	struct kshim_proc *p;
	unsigned long buf, big;
	int i, fd, memfd;

	/* kshim reads its settings at startup: again, with the setting. */
	if (!getenv("KSHIM_HIGHMEM")) {
		setenv("KSHIM_HIGHMEM", "0", 1);
		execv("/proc/self/exe", argv);
		perror("bench_user: execv");
		return 1;
	}
	if (kshim_module_load("scullp", "max_pages=256")) {
		fprintf(stderr, "bench_user: cannot set up the machine\n");
		return 1;
	}
	p = kshim_proc_create("bench");
	fd = p ? kshim_open(p, "/dev/scullp", O_RDWR) : -1;
	memfd = memfd_create("bench_user", 0);
	if (fd < 0 || memfd < 0 || !hbuf) {
		fprintf(stderr, "bench_user: cannot open the device\n");
		return 1;
	}
	/* The device's pages, the process's buffers, all resident. */
	memset(hbuf, 0x5a, PG);
	if (pwrite(memfd, hbuf, PG, 0) != (ssize_t)PG)
		return 1;
	big = kshim_user_alloc(p, FAULT_PAGES * PG);
	buf = kshim_user_alloc(p, PG);
	for (i = 0; i < (int)FAULT_PAGES; i++)
		if (kshim_user_write(p, big + i * PG, hbuf, PG))
			return 1;
	if (kshim_user_write(p, buf, hbuf, PG) ||
	    kshim_write(p, fd, big, FAULT_PAGES * PG) !=
	    (ssize_t)(FAULT_PAGES * PG))
		return 1;

	bench_scullp_read(p, fd, buf);	/* warm up */
	bench_host_pread(memfd, hbuf);
	for (i = 0; i < ROUNDS; i++) {
		host_rd = best(host_rd, bench_host_pread(memfd, hbuf));
		drv_rd = best(drv_rd, bench_scullp_read(p, fd, buf));
		host_ld = best(host_ld, bench_host_touch(false));
		drv_ld = best(drv_ld, bench_scullp_touch(p, fd, false));
		host_st = best(host_st, bench_host_touch(true));
		drv_st = best(drv_st, bench_scullp_touch(p, fd, true));
		pin = best(pin, bench_pin(p, big));
	}
	line("read() 4 KiB from scullp", drv_rd, "host pread() 4 KiB from a memfd",
	     host_rd, 3.0);
	line("first load of a scullp page (->fault)", drv_ld,
	     "host first load, fresh anonymous", host_ld, 3.0);
	printf("%-40s %8.0f ns   %-34s %8.0f ns   %.2fx (information)\n",
	       "first store to a scullp page (->fault)", drv_st,
	       "host first store, fresh anonymous", host_st, drv_st / host_st);
	printf("%-40s %8.0f ns   absolute (target <= 1000 ns) %s\n",
	       "pin_user_pages_fast + unpin, 16 pages", pin,
	       pin <= 1000 ? "ok" : "MISS");

	kshim_close(p, fd);
	kshim_proc_exit(p);
	kshim_module_unload("scullp");
	close(memfd);
	free(hbuf);
	return 0;
}
