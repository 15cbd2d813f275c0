/*
 * test_scullp - the scullp driver (drivers-under-test/scullp/) driven
 * only as user space drives it: simulated processes (kshim/user.h) open
 * /dev/scullp, /dev/scullp_pfn and its debugfs file, and call read,
 * write, lseek, ioctl, poll, mmap; the test sees what they see (return
 * values, their memory through kshim_user_read(), signals).
 *  - the correct driver is silent in every scenario: data round trips
 *    through read/write/pread/pwrite/lseek, the size ioctls, mmap served
 *    by ->fault (reads and writes through the mapping, SIGBUS beyond the
 *    data) and by remap_pfn_range(), poll, a read blocked on an empty
 *    device woken by a writer process, the same read ended by a signal
 *    (-EINTR), O_NONBLOCK (-EAGAIN), direct I/O through pinned pages,
 *    two readers and a writer at once (race-free under TSan), its
 *    debugfs state, every error path of its load (sweep);
 *  - each planted bug (a module of its own: scullp_<bug>, built from the
 *    same source) is caught with the kernel's text and the driver's
 *    file:line, or, where the kernel has no check, by what the process
 *    sees: ->fault without get_page() (VM_BUG_ON_PAGE when the driver
 *    drops its page), direct I/O leaking its pins (the ledger names the
 *    pinning line), copy_to_user() and wait_event_interruptible() under
 *    a spinlock (might_sleep's BUG with the process's pid and comm), a
 *    direct dereference of a user pointer (the SMAP oops), a
 *    copy_from_user() result ignored (the process's write "succeeds"
 *    from an unmapped buffer), a read ignoring *ppos (the same bytes
 *    again), and no locking (ThreadSanitizer's data race, in
 *    scullp_bugs_child).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <kshim/boot.h>
#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/signal.h>
#include <kshim/sweep.h>
#include <kshim/test.h>
#include <kshim/user.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "../../drivers-under-test/scullp/scullp.h"

#if defined(__SANITIZE_THREAD__)
#define TSAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN_BUILD 1
#endif
#endif

#define SCULLP_C	"drivers-under-test/scullp/scullp.c"
#define PG		4096UL

/* ---- helpers ---- */

/* CU_ASSERT_EQUAL() of two integers that also prints them when they differ. */
#define EQ(a, b)							\
do {									\
	long long a_ = (a), b_ = (b);					\
									\
	if (a_ != b_)							\
		fprintf(stderr, "%s:%d: %s is %lld, not %lld\n",	\
			__FILE__, __LINE__, #a, a_, b_);		\
	CU_ASSERT(a_ == b_);						\
} while (0)

static void pattern(unsigned char *b, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (unsigned char)(i * 7 + seed + (i >> 8));
}


static int open_node(struct kshim_proc *p, const char *node, int flags)
{
	char path[128];

	snprintf(path, sizeof(path), "/dev/%s", node);
	return kshim_open(p, path, flags);
}

static unsigned long ualloc(struct kshim_proc *p, size_t len)
{
	long a = kshim_user_alloc(p, len);

	CU_ASSERT_FATAL(a > 0);
	return (unsigned long)a;
}

/* The process's memory at @addr holds @want. */
static bool user_holds(struct kshim_proc *p, unsigned long addr,
		       const void *want, size_t n)
{
	unsigned char *got = malloc(n);
	bool same;

	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	same = kshim_user_read(p, addr, got, n) == 0 &&
	       memcmp(got, want, n) == 0;
	free(got);
	return same;
}

/* Put @n bytes of pattern @seed at @addr; the pattern in @copy if set. */
static void user_pattern(struct kshim_proc *p, unsigned long addr, size_t n,
			 unsigned int seed, unsigned char *copy)
{
	unsigned char *b = copy ? copy : malloc(n);

	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	pattern(b, n, seed);
	CU_ASSERT_EQUAL_FATAL(kshim_user_write(p, addr, b, n), 0);
	if (!copy)
		free(b);
}

/*
 * A page of @p's for ioctl arguments, mapped once per process (so that
 * it never fills a hole a test made on purpose).
 */
static unsigned long scratch(struct kshim_proc *p)
{
	static struct {
		pid_t pid;
		unsigned long addr;
	} s[16];
	static unsigned int n;
	pid_t pid = kshim_proc_pid(p);
	unsigned int i;

	for (i = 0; i < n && i < 16; i++)
		if (s[i].pid == pid)
			return s[i].addr;
	i = n++ % 16;
	s[i].pid = pid;
	s[i].addr = ualloc(p, PG);
	return s[i].addr;
}

static struct kshim_proc *proc(const char *comm)
{
	struct kshim_proc *p = kshim_proc_create(comm);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	scratch(p);
	return p;
}

static long size_of(struct kshim_proc *p, int fd)
{
	unsigned long arg = scratch(p);
	unsigned long long v = 0;
	long ret = kshim_ioctl(p, fd, SCULLP_IOCGSIZE, arg);

	if (ret)
		return ret;
	EQ(kshim_user_read(p, arg, &v, sizeof(v)), 0);
	return (long)v;
}

static long set_size(struct kshim_proc *p, int fd, unsigned long long v)
{
	unsigned long arg = scratch(p);

	CU_ASSERT_EQUAL_FATAL(kshim_user_write(p, arg, &v, sizeof(v)), 0);
	return kshim_ioctl(p, fd, SCULLP_IOCSSIZE, arg);
}

static long dio(struct kshim_proc *p, int fd, unsigned long buf, size_t len,
		long long offset, bool to_device)
{
	struct scullp_dio d = {
		.buf = buf, .len = len, .offset = offset,
		.to_device = to_device,
	};
	unsigned long arg = scratch(p);

	CU_ASSERT_EQUAL_FATAL(kshim_user_write(p, arg, &d, sizeof(d)), 0);
	return kshim_ioctl(p, fd, SCULLP_IOCDIO, arg);
}

/* The text of /sys/kernel/debug/<mod>/state as @p reads it. */
static const char *state_of(struct kshim_proc *p, const char *mod)
{
	static char text[1024];
	char path[128];
	unsigned long buf = ualloc(p, PG);
	ssize_t n, total = 0;
	int fd;

	text[0] = 0;
	snprintf(path, sizeof(path), "/sys/kernel/debug/%s/state", mod);
	fd = kshim_open(p, path, O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	while ((n = kshim_read(p, fd, buf + total, PG - total)) > 0)
		total += n;
	EQ(n, 0);
	EQ(kshim_user_read(p, buf, text, total), 0);
	text[total] = 0;
	EQ(kshim_close(p, fd), 0);
	kshim_munmap(p, buf, PG);
	return text;
}

static bool state_has(struct kshim_proc *p, const char *mod, const char *line)
{
	const char *s = state_of(p, mod);

	if (!strstr(s, line)) {
		fprintf(stderr, "%s/state has no \"%s\":\n%s", mod, line, s);
		return false;
	}
	return true;
}

static void load(const char *mod, const char *args)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load(mod, args), 0);
}

static void unload(const char *mod)
{
	int ret = kshim_module_unload(mod);

	if (ret)
		fprintf(stderr, "unloading %s: %d\n", mod, ret);
	EQ(ret, 0);
}

/* "file:line" of a marked line of the driver. */
static const char *at(const char *name)
{
	static char buf[4][128];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s:%d", SCULLP_C,
		 marker_line_in(SCULLP_C, name));
	return buf[i];
}

static bool isolated(void)
{
	if (strcmp(kshim_setting("KSHIM_FORK"), "1")) {
		kshim_test_skip("the BUG/oops ends the task: needs KSHIM_FORK=1");
		return false;
	}
	return true;
}

/* ---- the correct driver ---- */

static void load_unload(void *arg)
{
	struct kshim_proc *p;
	int fd;

	if (kshim_module_load("scullp", "max_pages=4"))
		return;
	p = kshim_proc_create("sweep");
	if (p) {
		fd = open_node(p, "scullp", O_RDWR);
		if (fd >= 0) {
			long buf = kshim_user_alloc(p, PG);

			if (buf > 0)
				kshim_write(p, fd, buf, 100);
			kshim_close(p, fd);
		}
		kshim_proc_exit(p);
	}
	kshim_module_unload("scullp");
}

static void test_error_paths_clean(void)
{
	kshim_expect_error_paths_clean(load_unload, NULL);
}

/* The same steps as a test of its own (tests/fail/sweep-drivers.sh). */
static void test_load_unload(void)
{
	load_unload(NULL);
	CU_ASSERT_FALSE(kshim_module_loaded("scullp"));
	EQ(kshim_report_count(NULL), 0);
}

static void test_nodes_and_params(void)
{
	struct kshim_proc *p;
	int fd, fd2;

	EQ(kshim_module_load("scullp", "max_pages=0"), -EINVAL);
	EQ(kshim_module_load("scullp", "max_pages=1025"),
			-EINVAL);
	load("scullp", NULL);
	p = proc("nodes");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT(fd >= 0);
	fd2 = open_node(p, "scullp_pfn", O_RDONLY);
	CU_ASSERT(fd2 >= 0);
	CU_ASSERT(fd2 != fd);
	EQ(open_node(p, "scullp2", O_RDWR), -ENOENT);
	EQ(size_of(p, fd), 0);
	CU_ASSERT_TRUE(state_has(p, "scullp", "size: 0\npages: 0 of 64\n"));
	EQ(kshim_close(p, fd), 0);
	EQ(kshim_close(p, fd2), 0);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

static void test_read_write_seek(void)
{
	unsigned char data[3 * 4096], got[64];
	struct kshim_proc *p;
	unsigned long buf, rbuf;
	int fd;

	load("scullp", "max_pages=4");
	p = proc("rw");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, 3 * PG);
	rbuf = ualloc(p, 3 * PG);
	user_pattern(p, buf, 10000, 1, data);

	/* Written in two calls: the file position moves on. */
	EQ(kshim_write(p, fd, buf, 6000), 6000);
	EQ(kshim_write(p, fd, buf + 6000, 4000), 4000);
	EQ(kshim_lseek(p, fd, 0, SEEK_CUR), 10000);
	EQ(size_of(p, fd), 10000);
	EQ(kshim_read(p, fd, rbuf, 100), 0);	/* at the end */

	/* Read back from the start in pieces across page boundaries. */
	EQ(kshim_lseek(p, fd, 0, SEEK_SET), 0);
	EQ(kshim_read(p, fd, rbuf, 4000), 4000);
	EQ(kshim_read(p, fd, rbuf + 4000, 5000), 5000);
	EQ(kshim_read(p, fd, rbuf + 9000, 5000), 1000);
	CU_ASSERT_TRUE(user_holds(p, rbuf, data, 10000));

	/* pread/pwrite leave the position alone. */
	EQ(kshim_pread(p, fd, rbuf, 64, 4090), 64);
	CU_ASSERT_TRUE(user_holds(p, rbuf, data + 4090, 64));
	EQ(kshim_lseek(p, fd, 0, SEEK_CUR), 10000);
	memcpy(got, "overwritten", 11);
	EQ(kshim_user_write(p, rbuf, got, 11), 0);
	EQ(kshim_pwrite(p, fd, rbuf, 11, 8190), 11);
	EQ(kshim_pread(p, fd, rbuf + 100, 13, 8189), 13);
	EQ(kshim_user_read(p, rbuf + 100, got, 13), 0);
	EQ(got[0], data[8189]);
	EQ(memcmp(got + 1, "overwritten", 11), 0);
	EQ(got[12], data[8201]);

	/* Seeking: from the end, relative, and the refusals. */
	EQ(kshim_lseek(p, fd, -10, SEEK_END), 9990);
	EQ(kshim_read(p, fd, rbuf, 100), 10);
	CU_ASSERT_TRUE(user_holds(p, rbuf, data + 9990, 10));
	EQ(kshim_lseek(p, fd, -20, SEEK_CUR), 9980);
	EQ(kshim_lseek(p, fd, -1, SEEK_SET), -EINVAL);
	EQ(kshim_lseek(p, fd, 4 * PG + 1, SEEK_SET), -EINVAL);
	EQ(kshim_lseek(p, fd, 0, 7), -EINVAL);
	EQ(kshim_lseek(p, fd, 0, SEEK_CUR), 9980);

	/* Beyond the data: a hole of zeroes up to the write. */
	EQ(kshim_pwrite(p, fd, buf, 10, 12000), 10);
	EQ(size_of(p, fd), 12010);
	EQ(kshim_pread(p, fd, rbuf, 64, 11000), 64);
	memset(got, 0, sizeof(got));
	CU_ASSERT_TRUE(user_holds(p, rbuf, got, 64));
	/* Full: what fits, then -ENOSPC. */
	EQ(kshim_pwrite(p, fd, buf, 10000, 4 * PG - 100), 100);
	EQ(kshim_pwrite(p, fd, buf, 10, 4 * PG), -ENOSPC);
	CU_ASSERT_TRUE(state_has(p, "scullp",
				 "size: 16384\npages: 4 of 4\n"));

	EQ(kshim_close(p, fd), 0);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* The errors the process sees: -EFAULT for bad buffers, even partly. */
static void test_bad_buffers_efault(void)
{
	unsigned char data[2 * 4096];
	struct kshim_proc *p;
	unsigned long buf;
	int fd;

	load("scullp", NULL);
	p = proc("efault");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, 2 * PG);
	user_pattern(p, buf, 2 * PG, 3, data);
	EQ(kshim_write(p, fd, buf, 2 * PG), 2 * PG);
	EQ(kshim_munmap(p, buf + PG, PG), 0);
	/*
	 * Nothing readable: -EFAULT.  copy_from_user() zero-filled the
	 * device's bytes it could not copy (as with the kernel's scull).
	 */
	EQ(kshim_pwrite(p, fd, buf + PG, 100, 0), -EFAULT);
	/* Half readable: the half, as copy_from_user() reports it. */
	EQ(kshim_pwrite(p, fd, buf + PG - 50, 100, 2 * PG), 50);
	EQ(size_of(p, fd), 2 * PG + 50);
	/* Reading into memory that is not there. */
	EQ(kshim_pread(p, fd, buf + PG, 100, 0), -EFAULT);
	EQ(kshim_pread(p, fd, buf + PG - 10, 100, 0), 10);
	memset(data, 0, 10);
	CU_ASSERT_TRUE(user_holds(p, buf + PG - 10, data, 10));
	EQ(kshim_pread(p, fd, buf + PG - 10, 10, 100), 10);
	CU_ASSERT_TRUE(user_holds(p, buf + PG - 10, data + 100, 10));
	/* A kernel address is no user buffer (access_ok). */
	EQ(kshim_pread(p, fd, (unsigned long)data, 100, 0),
			-EFAULT);
	EQ(kshim_ioctl(p, fd, SCULLP_IOCGSIZE, buf + PG),
			-EFAULT);
	EQ(kshim_ioctl(p, fd, SCULLP_IOCSSIZE, buf + PG),
			-EFAULT);
	EQ(kshim_ioctl(p, fd, SCULLP_IOCDIO, buf + PG), -EFAULT);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

static void test_ioctls(void)
{
	unsigned char zero[200] = { 0 }, data[300];
	struct kshim_proc *p;
	unsigned long buf;
	int fd;

	load("scullp", "max_pages=2");
	p = proc("ioctl");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	user_pattern(p, buf, 300, 5, data);
	EQ(kshim_write(p, fd, buf, 300), 300);
	/* Truncate to 100, then extend to 200: zeroes, not the old data. */
	EQ(set_size(p, fd, 100), 0);
	EQ(size_of(p, fd), 100);
	EQ(set_size(p, fd, 200), 0);
	EQ(kshim_pread(p, fd, buf, 300, 0), 200);
	CU_ASSERT_TRUE(user_holds(p, buf, data, 100));
	CU_ASSERT_TRUE(user_holds(p, buf + 100, zero, 100));
	EQ(set_size(p, fd, 2 * PG + 1), -ENOSPC);
	EQ(set_size(p, fd, 2 * PG), 0);
	CU_ASSERT_TRUE(state_has(p, "scullp", "pages: 2 of 2\n"));
	EQ(kshim_ioctl(p, fd, SCULLP_IOCRESET, 0), 0);
	EQ(size_of(p, fd), 0);
	CU_ASSERT_TRUE(state_has(p, "scullp", "size: 0\npages: 0 of 2\n"));
	/* Not scullp's: -ENOTTY. */
	EQ(kshim_ioctl(p, fd, _IO(SCULLP_IOC_MAGIC, 9), 0),
			-ENOTTY);
	EQ(kshim_ioctl(p, fd, _IO('x', 0), 0), -ENOTTY);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* mmap through ->fault: the device's own pages, faulted in on touch. */
static void test_mmap_fault(void)
{
	unsigned char data[2 * 4096], b[16];
	struct kshim_proc *p, *q;
	unsigned long buf;
	long map, map2;
	int fd, fdq;

	load("scullp", NULL);
	p = proc("mapper");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, 2 * PG);
	user_pattern(p, buf, 2 * PG, 9, data);
	EQ(kshim_write(p, fd, buf, 2 * PG), 2 * PG);

	map = kshim_mmap(p, 0, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED,
			 fd, 0);
	CU_ASSERT_FATAL(map > 0);
	CU_ASSERT_TRUE(state_has(p, "scullp", "vmas: 1\n"));
	CU_ASSERT_TRUE(state_has(p, "scullp", "faults: 0\n"));
	/* Touching faults the pages in, one by one. */
	CU_ASSERT_TRUE(user_holds(p, map + 10, data + 10, 100));
	CU_ASSERT_TRUE(state_has(p, "scullp", "faults: 1\n"));
	CU_ASSERT_TRUE(user_holds(p, map, data, 2 * PG));
	CU_ASSERT_TRUE(state_has(p, "scullp", "faults: 2\n"));
	/* Beyond the device's pages: SIGBUS (VM_FAULT_SIGBUS). */
	EQ(kshim_user_read(p, map + 2 * PG, b, 1), KSHIM_SIGBUS);
	/* A store through the mapping is the device's data. */
	EQ(kshim_user_write(p, map + PG + 5, "mapped", 6), 0);
	EQ(kshim_pread(p, fd, buf, 8, PG + 4), 8);
	EQ(kshim_user_read(p, buf, b, 8), 0);
	EQ(memcmp(b + 1, "mapped", 6), 0);
	EQ(b[0], data[PG + 4]);
	EQ(b[7], data[PG + 11]);

	/* Another process maps the second page (offset 1): same data. */
	q = proc("other");
	fdq = open_node(q, "scullp", O_RDONLY);
	CU_ASSERT_FATAL(fdq >= 0);
	map2 = kshim_mmap(q, 0, PG, PROT_READ, MAP_SHARED, fdq, PG);
	CU_ASSERT_FATAL(map2 > 0);
	EQ(kshim_user_read(q, map2 + 5, b, 6), 0);
	EQ(memcmp(b, "mapped", 6), 0);
	/* Read-only: a store is SIGSEGV. */
	EQ(kshim_user_write(q, map2, "x", 1), KSHIM_SIGSEGV);
	CU_ASSERT_TRUE(state_has(q, "scullp", "vmas: 2\n"));

	/* A reset while mapped: the mappings keep their pages. */
	EQ(kshim_ioctl(p, fd, SCULLP_IOCRESET, 0), 0);
	EQ(kshim_user_read(q, map2 + 5, b, 6), 0);
	EQ(memcmp(b, "mapped", 6), 0);
	CU_ASSERT_TRUE(user_holds(p, map, data, 100));

	EQ(kshim_munmap(p, map, 3 * PG), 0);
	CU_ASSERT_TRUE(state_has(p, "scullp", "vmas: 1\n"));
	/* exit() unmaps the rest. */
	kshim_proc_exit(q);
	CU_ASSERT_TRUE(state_has(p, "scullp", "vmas: 0\n"));
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* mmap of /dev/scullp_pfn: remap_pfn_range() of every page up front. */
static void test_mmap_pfn(void)
{
	unsigned char data[3 * 4096], b[16];
	struct kshim_proc *p;
	unsigned long buf;
	long map;
	int fd, pfd;

	load("scullp", NULL);
	p = proc("pfnmap");
	fd = open_node(p, "scullp", O_RDWR);
	pfd = open_node(p, "scullp_pfn", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0 && pfd >= 0);
	buf = ualloc(p, 3 * PG);
	user_pattern(p, buf, 3 * PG, 11, data);
	EQ(kshim_write(p, fd, buf, 3 * PG), 3 * PG);

	/* Only what the device holds, and only shared. */
	EQ(kshim_mmap(p, 0, 4 * PG, PROT_READ, MAP_SHARED, pfd,
				   0), -ENXIO);
	EQ(kshim_mmap(p, 0, PG, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE, pfd, 0), -EINVAL);
	map = kshim_mmap(p, 0, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED,
			 pfd, PG);
	CU_ASSERT_FATAL(map > 0);
	CU_ASSERT_TRUE(state_has(p, "scullp", "pfn vmas: 1\nfaults: 0\n"));
	CU_ASSERT_TRUE(user_holds(p, map, data + PG, 2 * PG));
	/* No ->fault: the pages were there from the start. */
	CU_ASSERT_TRUE(state_has(p, "scullp", "faults: 0\n"));
	EQ(kshim_user_write(p, map + PG, "pfn", 3), 0);
	EQ(kshim_pread(p, pfd, buf, 3, 2 * PG), 3);
	EQ(kshim_user_read(p, buf, b, 3), 0);
	EQ(memcmp(b, "pfn", 3), 0);
	/* The pages cannot go while remapped (no references held). */
	EQ(kshim_ioctl(p, fd, SCULLP_IOCRESET, 0), -EBUSY);
	EQ(set_size(p, fd, PG), -EBUSY);
	EQ(set_size(p, fd, 3 * PG - 1), 0);
	EQ(kshim_munmap(p, map, 2 * PG), 0);
	CU_ASSERT_TRUE(state_has(p, "scullp", "pfn vmas: 0\n"));
	EQ(kshim_ioctl(p, fd, SCULLP_IOCRESET, 0), 0);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

static void test_poll(void)
{
	struct kshim_pollfd fds[1];
	struct kshim_proc *p, *w;
	struct kshim_call *c;
	unsigned long buf;
	int fd, wfd;

	load("scullp", "max_pages=1");
	p = proc("poller");
	fd = open_node(p, "scullp", O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	/* Empty: writable, not readable. */
	fds[0] = (struct kshim_pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	EQ(kshim_poll(p, fds, 1, 0), 1);
	EQ(fds[0].revents, POLLOUT);
	fds[0] = (struct kshim_pollfd){ .fd = fd, .events = POLLIN };
	EQ(kshim_poll(p, fds, 1, 0), 0);
	EQ(kshim_poll(p, fds, 1, 50), 0);	/* times out */

	/* A poller asleep is woken by another process's write. */
	c = kshim_call_poll(p, fds, 1, -1);
	CU_ASSERT_TRUE_FATAL(kshim_call_wait_blocked(c));
	w = proc("writer");
	wfd = open_node(w, "scullp", O_WRONLY);
	buf = ualloc(w, PG);
	user_pattern(w, buf, PG, 1, NULL);
	EQ(kshim_write(w, wfd, buf, 10), 10);
	EQ(kshim_call_wait(c), 1);
	EQ(fds[0].revents, POLLIN);
	kshim_call_free(c);
	/* Full: readable only. */
	EQ(kshim_write(w, wfd, buf, PG), PG - 10);
	fds[0] = (struct kshim_pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	EQ(kshim_poll(p, fds, 1, 0), 1);
	EQ(fds[0].revents, POLLIN);
	kshim_proc_exit(w);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* A read of the empty device sleeps until a writer process comes. */
static void test_blocking_read_woken_by_writer(void)
{
	struct kshim_proc *r, *w;
	struct kshim_call *c;
	unsigned long rbuf, wbuf;
	int rfd, wfd;

	load("scullp", NULL);
	r = proc("reader");
	w = proc("writer");
	rfd = open_node(r, "scullp", O_RDONLY);
	wfd = open_node(w, "scullp", O_WRONLY);
	CU_ASSERT_FATAL(rfd >= 0 && wfd >= 0);
	rbuf = ualloc(r, PG);
	wbuf = ualloc(w, PG);
	EQ(kshim_user_write(w, wbuf, "hello, reader", 13), 0);

	c = kshim_call_read(r, rfd, rbuf, 100);
	CU_ASSERT_TRUE_FATAL(kshim_call_wait_blocked(c));
	CU_ASSERT_FALSE(kshim_call_done(c));
	EQ(kshim_write(w, wfd, wbuf, 13), 13);
	EQ(kshim_call_wait(c), 13);
	kshim_call_free(c);
	CU_ASSERT_TRUE(user_holds(r, rbuf, "hello, reader", 13));
	/* Not empty any more: at the end of the data, 0 (no sleep). */
	EQ(kshim_read(r, rfd, rbuf, 100), 0);
	kshim_proc_exit(w);
	kshim_proc_exit(r);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

static void test_nonblocking_read_eagain(void)
{
	struct kshim_proc *p;
	unsigned long buf;
	int fd;

	load("scullp", NULL);
	p = proc("nonblock");
	fd = open_node(p, "scullp", O_RDWR | O_NONBLOCK);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	EQ(kshim_read(p, fd, buf, 10), -EAGAIN);
	EQ(kshim_write(p, fd, buf, 10), 10);
	EQ(kshim_pread(p, fd, buf, 10, 0), 10);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* A signal ends the sleep: the process sees -EINTR, nothing read. */
static void test_signal_interrupts_blocked_read(void)
{
	struct kshim_proc *r;
	struct kshim_call *c;
	unsigned long rbuf;
	int rfd;

	load("scullp", NULL);
	r = proc("sleeper");
	rfd = open_node(r, "scullp", O_RDONLY);
	CU_ASSERT_FATAL(rfd >= 0);
	rbuf = ualloc(r, PG);
	c = kshim_call_read(r, rfd, rbuf, 100);
	CU_ASSERT_TRUE_FATAL(kshim_call_wait_blocked(c));
	EQ(kshim_signal_send(kshim_call_task(c), SIGINT), 0);
	EQ(kshim_call_wait(c), -EINTR);
	kshim_call_free(c);
	EQ(size_of(r, rfd), 0);
	kshim_proc_exit(r);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* Direct I/O: the user's pages pinned, copied through kmap_local_page(). */
static void test_direct_io(void)
{
	unsigned char data[9000], zero[100] = { 0 };
	struct kshim_proc *p;
	unsigned long ubuf, rbuf, gone;
	int fd;

	load("scullp", NULL);
	p = proc("dio");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	ubuf = ualloc(p, 4 * PG);
	rbuf = ualloc(p, 4 * PG);
	/* Unaligned on both sides, three user pages, three device pages. */
	user_pattern(p, ubuf + 100, 9000, 21, data);
	EQ(dio(p, fd, ubuf + 100, 9000, 300, true), 9000);
	EQ(size_of(p, fd), 9300);
	EQ(kshim_pread(p, fd, rbuf, 9000, 300), 9000);
	CU_ASSERT_TRUE(user_holds(p, rbuf, data, 9000));
	EQ(kshim_pread(p, fd, rbuf, 100, 0), 100);
	CU_ASSERT_TRUE(user_holds(p, rbuf, zero, 100));
	/* Back into fresh (never touched) pages: the pins fault them in. */
	EQ(kshim_munmap(p, rbuf, 4 * PG), 0);
	rbuf = ualloc(p, 4 * PG);
	EQ(dio(p, fd, rbuf + 5, 9000, 300, false), 9000);
	CU_ASSERT_TRUE(user_holds(p, rbuf + 5, data, 9000));
	/* A read stops at the end of the data. */
	EQ(dio(p, fd, rbuf, 1000, 9000, false), 300);
	EQ(dio(p, fd, rbuf, 1000, 9300, false), 0);
	/* The refusals. */
	EQ(dio(p, fd, rbuf, 0, 0, false), 0);
	EQ(dio(p, fd, rbuf, 10, -1, false), -EINVAL);
	EQ(dio(p, fd, rbuf, SCULLP_DIO_MAX + 1, 0, false),
			-EINVAL);
	EQ(dio(p, fd, rbuf, 10, 64 * PG - 5, true), -ENOSPC);
	gone = ualloc(p, 2 * PG);
	EQ(kshim_munmap(p, gone + PG, PG), 0);
	EQ(dio(p, fd, gone + PG, 100, 0, true), -EFAULT);
	/* Half of it mapped: nothing moves. */
	EQ(dio(p, fd, gone + PG - 50, 100, 0, true), -EFAULT);
	EQ(kshim_pread(p, fd, rbuf, 100, 0), 100);
	CU_ASSERT_TRUE(user_holds(p, rbuf, zero, 100));
	CU_ASSERT_TRUE(state_has(p, "scullp", "dio: 4\n"));
	kshim_proc_exit(p);
	unload("scullp");
	/* Every pin was dropped: the ledger balances (checked at the end). */
	EQ(kshim_report_count(NULL), 0);
}

/*
 * Two readers and a writer at once, ROUNDS times: in each round the
 * writer (a background write of process "writer") fills one whole page
 * with one byte value while two background reads (processes "reader")
 * read that page; each page read must be uniform (dev->lock makes a
 * page's read and write atomic to each other).  Race-free under
 * ThreadSanitizer.
 */
#define ROUNDS	24
#define NPAGES	4

static void run_concurrently(const char *mod, int *torn)
{
	unsigned char page[4096];
	struct kshim_proc *p[3];
	struct kshim_call *c[3];
	unsigned long buf[3];
	int fd[3], i, j, r;

	*torn = 0;
	for (i = 0; i < 3; i++) {
		p[i] = proc(i ? "reader" : "writer");
		fd[i] = open_node(p[i], mod, O_RDWR);
		CU_ASSERT_FATAL(fd[i] >= 0);
		buf[i] = ualloc(p[i], PG);
		/* Resident: no page allocation inside the rounds. */
		memset(page, 0, sizeof(page));
		CU_ASSERT_EQUAL_FATAL(kshim_user_write(p[i], buf[i], page, PG),
				      0);
	}
	/* Every page there first: the reads never block nor come short. */
	for (i = 0; i < NPAGES; i++) {
		memset(page, 'A' + i, sizeof(page));
		CU_ASSERT_EQUAL_FATAL(kshim_user_write(p[0], buf[0], page, PG),
				      0);
		CU_ASSERT_EQUAL_FATAL(kshim_write(p[0], fd[0], buf[0], PG), PG);
	}
	for (r = 0; r < ROUNDS; r++) {
		loff_t at = (loff_t)(r % NPAGES) * PG;

		memset(page, 'a' + r % 26, sizeof(page));
		CU_ASSERT_EQUAL_FATAL(kshim_user_write(p[0], buf[0], page, PG),
				      0);
		for (i = 0; i < 3; i++)
			CU_ASSERT_EQUAL_FATAL(kshim_lseek(p[i], fd[i], at,
							  SEEK_SET), at);
		c[0] = kshim_call_write(p[0], fd[0], buf[0], PG);
		c[1] = kshim_call_read(p[1], fd[1], buf[1], PG);
		c[2] = kshim_call_read(p[2], fd[2], buf[2], PG);
		for (i = 0; i < 3; i++) {
			CU_ASSERT_PTR_NOT_NULL_FATAL(c[i]);
			EQ(kshim_call_wait(c[i]), PG);
			kshim_call_free(c[i]);
		}
		for (i = 1; i < 3; i++) {
			EQ(kshim_user_read(p[i], buf[i], page, PG),
					0);
			for (j = 1; j < (int)PG; j++)
				if (page[j] != page[0]) {
					(*torn)++;
					break;
				}
		}
	}
	for (i = 0; i < 3; i++)
		kshim_proc_exit(p[i]);
}

static void test_two_readers_one_writer(void)
{
	int torn = -1;

	load("scullp", NULL);
	run_concurrently("scullp", &torn);
	EQ(torn, 0);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* Unload with nothing open after a busy life: every page freed. */
static void test_unload_frees_everything(void)
{
	unsigned char b;
	struct kshim_proc *p;
	unsigned long buf;
	long map;
	int fd;

	load("scullp", NULL);
	p = proc("busy");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, 8 * PG);
	user_pattern(p, buf, 8 * PG, 2, NULL);
	EQ(kshim_write(p, fd, buf, 8 * PG), 8 * PG);
	map = kshim_mmap(p, 0, 8 * PG, PROT_READ, MAP_SHARED, fd, 0);
	CU_ASSERT_FATAL(map > 0);
	EQ(kshim_user_read(p, map + 3 * PG, &b, 1), 0);
	/* The process ends with the mapping and the file. */
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* ---- the planted bugs ---- */

/*
 * ->fault without get_page(): the mapping's reference is the driver's
 * own, so the unmap frees the page under the driver; dropping it later
 * is put_page_testzero()'s VM_BUG_ON_PAGE at the driver's line.
 */
static void test_bug_fault_without_get_page(void)
{
	unsigned char b;
	struct kshim_proc *p;
	unsigned long buf;
	long map;
	int fd;

	if (!isolated())
		return;
	load("scullp_fault_noref", NULL);
	p = proc("noref");
	fd = open_node(p, "scullp_fault_noref", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	user_pattern(p, buf, PG, 4, NULL);
	EQ(kshim_write(p, fd, buf, PG), PG);
	map = kshim_mmap(p, 0, PG, PROT_READ, MAP_SHARED, fd, 0);
	CU_ASSERT_FATAL(map > 0);
	EQ(kshim_user_read(p, map, &b, 1), 0);
	EQ(kshim_munmap(p, map, PG), 0);
	expect_vm_bug_page_in(SCULLP_C,
			      "VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			      "free_page");
	kshim_ioctl(p, fd, SCULLP_IOCRESET, 0);
	CU_FAIL("the reset returned");
}

/* The same steps with get_page(): silent (the positive twin). */
static void test_fault_with_get_page_silent(void)
{
	unsigned char b;
	struct kshim_proc *p;
	unsigned long buf;
	long map;
	int fd;

	load("scullp", NULL);
	p = proc("ref");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	user_pattern(p, buf, PG, 4, NULL);
	EQ(kshim_write(p, fd, buf, PG), PG);
	map = kshim_mmap(p, 0, PG, PROT_READ, MAP_SHARED, fd, 0);
	CU_ASSERT_FATAL(map > 0);
	EQ(kshim_user_read(p, map, &b, 1), 0);
	EQ(kshim_munmap(p, map, PG), 0);
	EQ(kshim_ioctl(p, fd, SCULLP_IOCRESET, 0), 0);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/* Direct I/O to the device never unpins: the ledger names the pin. */
static void test_bug_missing_unpin(void)
{
	struct kshim_proc *p;
	unsigned long buf;
	int fd;

	load("scullp_no_unpin", NULL);
	p = proc("pinleak");
	fd = open_node(p, "scullp_no_unpin", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, 2 * PG);
	user_pattern(p, buf, 2 * PG, 8, NULL);
	/* From the device: unpinned (dirty); to it: leaked, 2 pages. */
	EQ(dio(p, fd, buf, 2 * PG, 0, true), 2 * PG);
	EQ(dio(p, fd, buf, 2 * PG, 0, false), 2 * PG);
	expect_report_at_in(SCULLP_C, KSHIM_REPORT_LEDGER, "", "pin");
	kshim_proc_exit(p);
	unload("scullp_no_unpin");
}

/* copy_to_user() under a spinlock: might_fault()'s might_sleep BUG. */
static void test_bug_copy_to_user_under_spinlock(void)
{
	struct kshim_proc *p;
	unsigned long buf;
	char want[512];
	int fd;

	load("scullp_copy_under_spinlock", NULL);
	p = proc("cto_locked");
	fd = open_node(p, "scullp_copy_under_spinlock", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	user_pattern(p, buf, 100, 6, NULL);
	EQ(kshim_write(p, fd, buf, 100), 100);
	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s\n"
		 "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: %d, name: cto_locked\n",
		 at("copy_to_user"), (int)kshim_proc_pid(p));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	/* The data still arrives (the buffer is resident: no real sleep). */
	EQ(kshim_pread(p, fd, buf + 200, 100, 0), 100);
	kshim_proc_exit(p);
	unload("scullp_copy_under_spinlock");
}

/* Waiting for data with a spinlock held: might_sleep at the wait. */
static void test_bug_wait_event_under_spinlock(void)
{
	struct kshim_proc *p;
	unsigned long buf;
	char want[512];
	int fd;

	load("scullp_wait_under_spinlock", NULL);
	p = proc("wait_locked");
	fd = open_node(p, "scullp_wait_under_spinlock", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	user_pattern(p, buf, 100, 6, NULL);
	EQ(kshim_write(p, fd, buf, 100), 100);
	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s\n"
		 "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: %d, name: wait_locked\n",
		 at("wait_locked"), (int)kshim_proc_pid(p));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	/* There is data: the condition holds, nothing sleeps. */
	EQ(kshim_pread(p, fd, buf + 200, 100, 0), 100);
	kshim_proc_exit(p);
	unload("scullp_wait_under_spinlock");
}

/* The correct read and wait in the same steps: silent. */
static void test_read_and_wait_silent(void)
{
	struct kshim_proc *p;
	unsigned long buf;
	int fd;

	load("scullp", NULL);
	p = proc("positive");
	fd = open_node(p, "scullp", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	user_pattern(p, buf, 100, 6, NULL);
	EQ(kshim_write(p, fd, buf, 100), 100);
	EQ(kshim_pread(p, fd, buf + 200, 100, 0), 100);
	kshim_proc_exit(p);
	unload("scullp");
	EQ(kshim_report_count(NULL), 0);
}

/*
 * *(u64 *)arg in the driver: the SMAP oops (the kernel's lines for a
 * present user page; x86 has no SMAP-specific text), and kshim's line
 * naming the driver's faulting access, in two tests of the same steps.
 */
static void user_deref(bool kernel_lines)
{
	unsigned long long v = 100;
	struct kshim_proc *p;
	unsigned long arg;
	char want[512];
	int fd;

	if (!isolated())
		return;
	load("scullp_user_deref", NULL);
	p = proc("deref");
	fd = open_node(p, "scullp_user_deref", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	arg = ualloc(p, PG);
	/* Resident: the access faults for SMAP, not for a missing page. */
	CU_ASSERT_EQUAL_FATAL(kshim_user_write(p, arg, &v, sizeof(v)), 0);
	if (kernel_lines)
		snprintf(want, sizeof(want),
			 "BUG: unable to handle page fault for address: %016lx\n"
			 "#PF: supervisor read access in kernel mode\n"
			 "#PF: error_code(0x0001) - permissions violation\n",
			 arg);
	else
		snprintf(want, sizeof(want),
			 "kshim: the faulting access: %s (scullp_ioctl)\n"
			 "Oops: 0001 [#1]", at("user_deref"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	kshim_ioctl(p, fd, SCULLP_IOCSSIZE, arg);
	CU_FAIL("the ioctl returned");
}

static void test_bug_user_pointer_dereference(void)
{
	user_deref(true);
}

static void test_bug_user_pointer_dereference_line(void)
{
	user_deref(false);
}

/*
 * copy_from_user()'s result ignored: a write from memory that is not
 * there "succeeds" (zeroes stored) where the kernel's rule is -EFAULT.
 */
static void cfu_scenario(const char *mod, long *whole, long *half,
			 unsigned char *stored)
{
	struct kshim_proc *p;
	unsigned long buf;
	int fd;

	load(mod, NULL);
	p = proc("cfu");
	fd = open_node(p, mod, O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, 2 * PG);
	user_pattern(p, buf, PG, 12, NULL);
	EQ(kshim_munmap(p, buf + PG, PG), 0);
	*whole = kshim_pwrite(p, fd, buf + PG, 100, 0);
	*half = kshim_pwrite(p, fd, buf + PG - 50, 100, 0);
	EQ(kshim_pread(p, fd, buf, 100, 0), size_of(p, fd));
	EQ(kshim_user_read(p, buf, stored, 100), 0);
	kshim_proc_exit(p);
	unload(mod);
}

static void test_bug_copy_from_user_ignored(void)
{
	unsigned char stored[100];
	long whole, half;

	cfu_scenario("scullp_cfu_ignored", &whole, &half, stored);
	/* The process is told its 100 bytes were written, both times. */
	EQ(whole, 100);
	EQ(half, 100);
	/* What copy_from_user() could not copy it zero-filled. */
	EQ(stored[50], 0);
	EQ(stored[99], 0);
	EQ(kshim_report_count(NULL), 0);
}

static void test_copy_from_user_checked(void)
{
	unsigned char stored[100], data[4096];
	long whole, half;

	cfu_scenario("scullp", &whole, &half, stored);
	EQ(whole, -EFAULT);
	EQ(half, 50);
	pattern(data, sizeof(data), 12);
	EQ(memcmp(stored, data + PG - 50, 50), 0);
	EQ(kshim_report_count(NULL), 0);
}

/* A read that ignores *ppos: the same bytes again, never the end. */
static void ppos_scenario(const char *mod, unsigned char got[3][8],
			  long n[3])
{
	struct kshim_proc *p;
	unsigned long buf;
	int fd;

	load(mod, NULL);
	p = proc("ppos");
	fd = open_node(p, mod, O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	buf = ualloc(p, PG);
	EQ(kshim_user_write(p, buf, "0123456789abcdef", 16), 0);
	EQ(kshim_write(p, fd, buf, 16), 16);
	EQ(kshim_lseek(p, fd, 0, SEEK_SET), 0);
	n[0] = kshim_read(p, fd, buf + 100, 8);
	n[1] = kshim_read(p, fd, buf + 200, 8);
	n[2] = kshim_pread(p, fd, buf + 300, 8, 4);
	EQ(kshim_user_read(p, buf + 100, got[0], 8), 0);
	EQ(kshim_user_read(p, buf + 200, got[1], 8), 0);
	EQ(kshim_user_read(p, buf + 300, got[2], 8), 0);
	kshim_proc_exit(p);
	unload(mod);
}

static void test_bug_read_ignores_ppos(void)
{
	unsigned char got[3][8];
	long n[3];

	ppos_scenario("scullp_read_ignores_ppos", got, n);
	EQ(n[0], 8);
	EQ(n[1], 8);
	EQ(n[2], 8);
	/* The second read and pread at 4 get the first bytes again. */
	EQ(memcmp(got[1], "01234567", 8), 0);
	EQ(memcmp(got[2], "01234567", 8), 0);
	EQ(kshim_report_count(NULL), 0);
}

static void test_read_honours_ppos(void)
{
	unsigned char got[3][8];
	long n[3];

	ppos_scenario("scullp", got, n);
	EQ(n[0], 8);
	EQ(n[1], 8);
	EQ(n[2], 8);
	EQ(memcmp(got[0], "01234567", 8), 0);
	EQ(memcmp(got[1], "89abcdef", 8), 0);
	EQ(memcmp(got[2], "456789ab", 8), 0);
	EQ(kshim_report_count(NULL), 0);
}

/* Read and write without dev->lock: ThreadSanitizer's data race. */
#define RACE_SKIP \
	"the unlocked driver's race needs ThreadSanitizer to be seen (configure --enable-tsan)"

static void test_bug_no_lock_race(void)
{
#ifdef TSAN_BUILD
	char path[4096];
	char *argv[] = { path, (char *)"race", NULL };
	const char *env[] = { "KSHIM_BACKTRACE=0", "KSHIM_HIGHMEM=0", NULL };
	struct spawn_result r;
	int tries;

	snprintf(path, sizeof(path), "%s",
		 build_path("tests/drivers/scullp_bugs_child"));
	/* Seen when a write and a read overlap: most runs, so a few runs. */
	for (tries = 0; tries < 5; tries++) {
		CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &r), 0);
		if (strstr(r.err, "WARNING: ThreadSanitizer: data race"))
			break;
		spawn_free(&r);
	}
	CU_ASSERT_FATAL(tries < 5);
	CU_ASSERT_NOT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
				      "WARNING: ThreadSanitizer: data race"));
	/* The two sides: the read's copy out of the page, the write's in. */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " scullp_read "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, at("copy_to_user")));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " scullp_write "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, at("copy_from_user")));
	if (CU_get_number_of_failures())
		fprintf(stderr, "scullp_bugs_child's stderr:\n%s\n", r.err);
	spawn_free(&r);
#else
	kshim_test_skip(RACE_SKIP);
#endif
}

/* The same steps with the correct driver (its dev->lock): race-free. */
static void test_locked_read_write_race_free(void)
{
	char path[4096];
	char *argv[] = { path, (char *)"locked", NULL };
	const char *env[] = { "KSHIM_BACKTRACE=0", "KSHIM_HIGHMEM=0", NULL };
	struct spawn_result r;

	snprintf(path, sizeof(path), "%s",
		 build_path("tests/drivers/scullp_bugs_child"));
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &r), 0);
	EQ(r.status, 0);
	CU_ASSERT_PTR_NULL(strstr(r.err, "ThreadSanitizer"));
	if (CU_get_number_of_failures())
		fprintf(stderr, "scullp_bugs_child's stderr:\n%s\n", r.err);
	spawn_free(&r);
}

static CU_TestInfo scullp_tests[] = {
	/* First: with KSHIM_FORK=0 the sweep forks before any thread exists
	 * (ThreadSanitizer cannot fork a process that has threads). */
	{ "error_paths_clean", test_error_paths_clean },
	{ "load_unload", test_load_unload },
	{ "nodes_and_params", test_nodes_and_params },
	{ "read_write_seek", test_read_write_seek },
	{ "bad_buffers_efault", test_bad_buffers_efault },
	{ "ioctls", test_ioctls },
	{ "mmap_fault", test_mmap_fault },
	{ "mmap_pfn", test_mmap_pfn },
	{ "poll", test_poll },
	{ "blocking_read_woken_by_writer",
	  test_blocking_read_woken_by_writer },
	{ "nonblocking_read_eagain", test_nonblocking_read_eagain },
	{ "signal_interrupts_blocked_read",
	  test_signal_interrupts_blocked_read },
	{ "direct_io", test_direct_io },
	{ "two_readers_one_writer", test_two_readers_one_writer },
	{ "unload_frees_everything", test_unload_frees_everything },
	{ "fault_with_get_page_silent", test_fault_with_get_page_silent },
	{ "read_and_wait_silent", test_read_and_wait_silent },
	{ "copy_from_user_checked", test_copy_from_user_checked },
	{ "read_honours_ppos", test_read_honours_ppos },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo bug_tests[] = {
	{ "fault_without_get_page", test_bug_fault_without_get_page },
	{ "missing_unpin", test_bug_missing_unpin },
	{ "copy_to_user_under_spinlock",
	  test_bug_copy_to_user_under_spinlock },
	{ "wait_event_under_spinlock", test_bug_wait_event_under_spinlock },
	{ "user_pointer_dereference", test_bug_user_pointer_dereference },
	{ "user_pointer_dereference_line",
	  test_bug_user_pointer_dereference_line },
	{ "copy_from_user_ignored", test_bug_copy_from_user_ignored },
	{ "read_ignores_ppos", test_bug_read_ignores_ppos },
	{ "no_lock_race", test_bug_no_lock_race },
	{ "locked_read_write_race_free", test_locked_read_write_race_free },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "scullp", NULL, NULL, NULL, NULL, scullp_tests },
	{ "bugs", NULL, NULL, NULL, NULL, bug_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
