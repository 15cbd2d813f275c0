/*
 * test_seqfs - seq_file, /proc and debugfs as a user process reads them
 * (issue 14 item 6).  The entries are created here as a driver creates
 * them; a simulated process (kshim/user.h) opens "/proc/..." or
 * "/sys/kernel/debug/..." and reads the text:
 *  - seq_file: every record exactly once across reads of any size
 *    (record boundaries inside a read), ->start/->stop balanced, a record
 *    larger than the page buffer shown again in a doubled buffer,
 *    SEQ_SKIP, an error from ->show, lseek()/pread() replaying up to the
 *    offset, a ->next that does not advance (the kernel's message);
 *  - procfs: proc_create_single_data/seq/proc_ops with pde_data(), the
 *    kernel's WARNs at the caller's line (duplicate, missing name,
 *    non-empty directory), removal while a file is open (->proc_release
 *    at removal, then -EIO), lookup errors, the ledger of entries left;
 *  - debugfs: value files' text and writes, read-only/write-only modes,
 *    ERR_PTR semantics, "already present" messages, removal while open
 *    (-EIO), recursive removal, the ledger.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "common/expect_bug.h"

#define expect_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)

/* ---- a process that reads a file ---- */

static struct kshim_proc *proc;
static long ubuf;
#define UBUF_SIZE	(64 * 1024)

static void setup(void)
{
}

static void teardown(void)
{
}

static void proc_begin(void)
{
	proc = kshim_proc_create("cat");
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc);
	ubuf = kshim_user_alloc(proc, UBUF_SIZE);
	CU_ASSERT_FATAL(ubuf > 0);
}

static void proc_end(void)
{
	kshim_proc_exit(proc);
	proc = NULL;
}

/* read(2) of up to @n bytes into @dst; the count or -errno. */
static ssize_t uread(int fd, char *dst, size_t n)
{
	ssize_t r = kshim_read(proc, fd, ubuf, n);

	if (r > 0)
		CU_ASSERT_EQUAL(kshim_user_read(proc, ubuf, dst, r), 0);
	return r;
}

static ssize_t uwrite(int fd, const char *src)
{
	size_t n = strlen(src);

	CU_ASSERT_EQUAL(kshim_user_write(proc, ubuf, src, n), 0);
	return kshim_write(proc, fd, ubuf, n);
}

/* The whole file in @chunk-byte reads, NUL-terminated; the length. */
static ssize_t read_all(int fd, char *dst, size_t size, size_t chunk)
{
	size_t len = 0;
	ssize_t r;

	while ((r = uread(fd, dst + len, min(chunk, size - 1 - len))) > 0)
		len += r;
	dst[len] = '\0';
	return r < 0 ? r : (ssize_t)len;
}

static ssize_t cat(const char *path, char *dst, size_t size)
{
	int fd = kshim_open(proc, path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = read_all(fd, dst, size, 4096);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);
	return n;
}

/* ---- a seq_file over records 0..nr-1 ---- */

static struct {
	int nr;			/* records */
	int big;		/* this record is 5000 bytes, -1: none */
	int skip_odd;		/* SEQ_SKIP for odd records */
	int fail_at;		/* ->show returns -EIO here, -1: never */
	bool stuck_next;	/* ->next forgets to advance *pos */
	int starts, stops, big_shows;
	size_t big_size;	/* the buffer the big record fit in */
} sq;

static void sq_reset(int nr)
{
	memset(&sq, 0, sizeof(sq));
	sq.nr = nr;
	sq.big = -1;
	sq.fail_at = -1;
}

static void *sq_start(struct seq_file *m, loff_t *pos)
{
	sq.starts++;
	return *pos < sq.nr ? (void *)(long)(*pos + 1) : NULL;
}

static void *sq_next(struct seq_file *m, void *v, loff_t *pos)
{
	if (!sq.stuck_next)
		++*pos;
	return *pos < sq.nr && !sq.stuck_next ? (void *)(long)(*pos + 1)
					       : NULL;
}

static void sq_stop(struct seq_file *m, void *v)
{
	sq.stops++;
}

static int sq_show(struct seq_file *m, void *v)
{
	int i = (long)v - 1;

	if (i == sq.fail_at)
		return -EIO;
	if (i == sq.big) {
		char chunk[101];

		sq.big_shows++;
		memset(chunk, 'x', 100);
		chunk[100] = '\0';
		for (int k = 0; k < 50; k++)
			seq_puts(m, chunk);
		if (!seq_has_overflowed(m))
			sq.big_size = m->size;
		seq_putc(m, '\n');
		return 0;
	}
	seq_printf(m, "record %03d\n", i);
	return sq.skip_odd && (i & 1) ? SEQ_SKIP : 0;
}

static const struct seq_operations sq_ops = {
	.start = sq_start,
	.next = sq_next,
	.stop = sq_stop,
	.show = sq_show,
};

/* What the file must read as. */
static size_t sq_expected(char *dst, size_t size)
{
	size_t len = 0;

	for (int i = 0; i < sq.nr; i++) {
		if (sq.skip_odd && (i & 1))
			continue;
		if (i == sq.big) {
			memset(dst + len, 'x', 5000);
			len += 5000;
			dst[len++] = '\n';
			continue;
		}
		len += snprintf(dst + len, size - len, "record %03d\n", i);
	}
	dst[len] = '\0';
	return len;
}

static char got[64 * 1024], want[64 * 1024];
static char s_world[] = "world", s_private[] = "private",
	    s_gone[] = "gone soon", s_data[] = "data";

static int open_seq(void)
{
	int fd;

	CU_ASSERT_PTR_NOT_NULL_FATAL(proc_create_seq("kshim_seq", 0444, NULL,
						     &sq_ops));
	fd = kshim_open(proc, "/proc/kshim_seq", O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	return fd;
}

static void close_seq(int fd)
{
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);
	remove_proc_entry("kshim_seq", NULL);
}

/* Records split across small reads: each exactly once, in order. */
static void test_seq_small_reads(void)
{
	static const size_t chunks[] = { 1, 7, 11, 64, 4096 };

	proc_begin();
	for (unsigned int c = 0; c < ARRAY_SIZE(chunks); c++) {
		int fd;

		sq_reset(300);	/* 3300 bytes: most of a page */
		fd = open_seq();
		CU_ASSERT_EQUAL(read_all(fd, got, sizeof(got), chunks[c]),
				(ssize_t)sq_expected(want, sizeof(want)));
		CU_ASSERT_STRING_EQUAL(got, want);
		CU_ASSERT_EQUAL(sq.starts, sq.stops);
		/* at EOF it stays at EOF */
		CU_ASSERT_EQUAL(uread(fd, got, 10), 0);
		close_seq(fd);
	}
	proc_end();
}

/* More than a page in total: several buffer fills. */
static void test_seq_many_pages(void)
{
	int fd;

	proc_begin();
	sq_reset(2000);		/* 22000 bytes */
	fd = open_seq();
	CU_ASSERT_EQUAL(read_all(fd, got, sizeof(got), 10000),
			(ssize_t)sq_expected(want, sizeof(want)));
	CU_ASSERT_STRING_EQUAL(got, want);
	/* one read returns whole records only, up to a page */
	CU_ASSERT_EQUAL(kshim_lseek(proc, fd, 0, SEEK_SET), 0);
	CU_ASSERT_EQUAL(uread(fd, got, 10000), 4092);	/* 372 * 11 */
	close_seq(fd);
	proc_end();
}

/* A record bigger than the page: dropped, buffer doubled, shown again. */
static void test_seq_overflow_retry(void)
{
	int fd;

	proc_begin();
	sq_reset(5);
	sq.big = 2;
	fd = open_seq();
	CU_ASSERT_EQUAL(read_all(fd, got, sizeof(got), 100),
			(ssize_t)sq_expected(want, sizeof(want)));
	CU_ASSERT_STRING_EQUAL(got, want);
	/*
	 * 100-byte reads: the first read fills records 0 and 1, the big one
	 * overflows the page there and is left for later (no growing while
	 * filling); the next read starts with it: overflow, doubled, fits.
	 */
	CU_ASSERT_EQUAL(sq.big_shows, 3);
	CU_ASSERT_EQUAL(sq.big_size, 8192);
	CU_ASSERT_EQUAL(sq.starts, sq.stops);
	close_seq(fd);
	proc_end();
}

static void test_seq_skip(void)
{
	int fd;

	proc_begin();
	sq_reset(20);
	sq.skip_odd = 1;
	fd = open_seq();
	CU_ASSERT_EQUAL(read_all(fd, got, sizeof(got), 5),
			(ssize_t)sq_expected(want, sizeof(want)));
	CU_ASSERT_STRING_EQUAL(got, want);
	CU_ASSERT_PTR_NULL(strstr(got, "record 001"));
	close_seq(fd);
	proc_end();
}

/* ->show's error: what came before is read, then the error. */
static void test_seq_show_error(void)
{
	int fd;

	proc_begin();
	sq_reset(10);
	sq.fail_at = 3;
	fd = open_seq();
	CU_ASSERT_EQUAL(uread(fd, got, 1000), 33);
	CU_ASSERT_EQUAL(memcmp(got, "record 000\nrecord 001\nrecord 002\n",
			       33), 0);
	CU_ASSERT_EQUAL(uread(fd, got, 1000), -EIO);
	CU_ASSERT_EQUAL(sq.starts, sq.stops);
	close_seq(fd);
	proc_end();
}

/* lseek()/pread(): the text from the offset, replayed from the start. */
static void test_seq_lseek_pread(void)
{
	int fd;

	proc_begin();
	sq_reset(100);
	sq_expected(want, sizeof(want));
	fd = open_seq();
	CU_ASSERT_EQUAL(kshim_lseek(proc, fd, 115, SEEK_SET), 115);
	CU_ASSERT_EQUAL(uread(fd, got, 20), 20);
	CU_ASSERT_EQUAL(memcmp(got, want + 115, 20), 0);
	CU_ASSERT_EQUAL(kshim_lseek(proc, fd, 5, SEEK_CUR), 140);
	CU_ASSERT_EQUAL(uread(fd, got, 3), 3);
	CU_ASSERT_EQUAL(memcmp(got, want + 140, 3), 0);
	CU_ASSERT_EQUAL(kshim_lseek(proc, fd, -1, SEEK_SET), -EINVAL);
	CU_ASSERT_EQUAL(kshim_lseek(proc, fd, 0, SEEK_END), -EINVAL);
	/* pread at an offset; the file position stays */
	CU_ASSERT_EQUAL(kshim_pread(proc, fd, ubuf, 11, 550), 11);
	CU_ASSERT_EQUAL(kshim_user_read(proc, ubuf, got, 11), 0);
	CU_ASSERT_EQUAL(memcmp(got, "record 050\n", 11), 0);
	CU_ASSERT_EQUAL(uread(fd, got, 3), 3);
	CU_ASSERT_EQUAL(memcmp(got, want + 143, 3), 0);
	/* past the end: nothing */
	CU_ASSERT_EQUAL(kshim_lseek(proc, fd, 5000, SEEK_SET), 5000);
	CU_ASSERT_EQUAL(uread(fd, got, 3), 0);
	CU_ASSERT_EQUAL(sq.starts, sq.stops);
	close_seq(fd);
	proc_end();
}

/* A ->next that does not advance *pos: the kernel's message, no loop. */
static void test_seq_stuck_next(void)
{
	int fd;

	proc_begin();
	sq_reset(3);
	sq.stuck_next = true;
	fd = open_seq();
	/* one record per read: the index moved on by the message */
	CU_ASSERT_EQUAL(read_all(fd, got, sizeof(got), 100), 33);
	CU_ASSERT_STRING_EQUAL(got, "record 000\nrecord 001\nrecord 002\n");
	CU_ASSERT(kshim_dmesg_contains("buggy .next function "));
	CU_ASSERT(kshim_dmesg_contains(" did not update position index\n"));
	close_seq(fd);
	proc_end();
}

/* ---- single_open, proc_ops, pde_data ---- */

static int hello_show(struct seq_file *m, void *v)
{
	seq_printf(m, "hello %s\n", (const char *)m->private);
	seq_put_decimal_ull(m, "n=", 42);
	seq_put_decimal_ll(m, " ", -7);
	seq_put_hex_ll(m, " x=", 0xbeef, 8);
	seq_putc(m, '\n');
	return 0;
}

static int pdata_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", (const char *)m->private);
	return 0;
}
DEFINE_PROC_SHOW_ATTRIBUTE(pdata);

static int rw_value;

static ssize_t rw_write(struct file *f, const char __user *buf, size_t n,
			loff_t *pos)
{
	char tmp[16] = "";

	if (n >= sizeof(tmp) || copy_from_user(tmp, buf, n))
		return -EINVAL;
	if (kstrtoint(tmp, 0, &rw_value))
		return -EINVAL;
	return n;
}

static int rw_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", rw_value);
	return 0;
}

static int rw_open(struct inode *inode, struct file *file)
{
	return single_open(file, rw_show, pde_data(inode));
}

static const struct proc_ops rw_ops = {
	.proc_open = rw_open,
	.proc_read = seq_read,
	.proc_write = rw_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static void test_proc_single_and_ops(void)
{
	struct proc_dir_entry *dir;
	int fd;

	proc_begin();
	dir = proc_mkdir("kshim", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	CU_ASSERT_PTR_NOT_NULL(proc_create_single_data("hello", 0444, dir,
						       hello_show, s_world));
	CU_ASSERT_PTR_NOT_NULL(proc_create_data("pdata", 0444, dir,
						&pdata_proc_ops, s_private));
	CU_ASSERT_PTR_NOT_NULL(proc_create("kshim/rw", 0644, NULL, &rw_ops));

	CU_ASSERT_EQUAL(cat("/proc/kshim/hello", got, sizeof(got)), 31);
	CU_ASSERT_STRING_EQUAL(got, "hello world\nn=42 -7 x=0000beef\n");
	CU_ASSERT_EQUAL(cat("/proc/kshim/pdata", got, sizeof(got)), 8);
	CU_ASSERT_STRING_EQUAL(got, "private\n");

	fd = kshim_open(proc, "/proc/kshim/rw", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(uwrite(fd, "0x20"), 4);
	CU_ASSERT_EQUAL(rw_value, 32);
	CU_ASSERT_EQUAL(kshim_pread(proc, fd, ubuf, 100, 0), 3);
	CU_ASSERT_EQUAL(kshim_user_read(proc, ubuf, got, 3), 0);
	CU_ASSERT_EQUAL(memcmp(got, "32\n", 3), 0);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);

	/* lookup errors */
	CU_ASSERT_EQUAL(kshim_open(proc, "/proc/kshim/none", O_RDONLY),
			-ENOENT);
	CU_ASSERT_EQUAL(kshim_open(proc, "/proc/nodir/hello", O_RDONLY),
			-ENOENT);
	CU_ASSERT_EQUAL(kshim_open(proc, "/proc/kshim", O_RDONLY), -EISDIR);

	CU_ASSERT_EQUAL(remove_proc_subtree("kshim", NULL), 0);
	CU_ASSERT_EQUAL(kshim_open(proc, "/proc/kshim/hello", O_RDONLY),
			-ENOENT);
	CU_ASSERT_EQUAL(remove_proc_subtree("kshim", NULL), -ENOENT);
	proc_end();
}

/* ---- the kernel's WARNs ---- */

static int dummy_show(struct seq_file *m, void *v)
{
	return 0;
}

static void test_proc_duplicate(void)
{
	struct proc_dir_entry *a, *b;

	expect_at(KSHIM_REPORT_WARNING, "at ", "dup");
	a = proc_create_single("kshim_dup", 0444, NULL, dummy_show);
	b = proc_create_single("kshim_dup", 0444, NULL, dummy_show); /* LINE:dup */
	CU_ASSERT_PTR_NOT_NULL(a);
	CU_ASSERT_PTR_NULL(b);
	CU_ASSERT(kshim_dmesg_contains("proc_dir_entry '/proc/kshim_dup' already registered\n"));
	remove_proc_entry("kshim_dup", NULL);
}

static void test_proc_duplicate_in_dir(void)
{
	struct proc_dir_entry *d;

	expect_at(KSHIM_REPORT_WARNING, "at ", "dupdir");
	d = proc_mkdir("kshim_d", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_PTR_NULL(proc_mkdir("kshim_d", NULL)); /* LINE:dupdir */
	CU_ASSERT(kshim_dmesg_contains("proc_dir_entry '/proc/kshim_d' already registered\n"));
	proc_remove(d);
}

static void test_proc_remove_missing(void)
{
	expect_at(KSHIM_REPORT_WARNING, "at ", "missing");
	remove_proc_entry("kshim_nope", NULL); /* LINE:missing */
	CU_ASSERT(kshim_dmesg_contains("name 'kshim_nope'\n"));
}

static void test_proc_create_in_missing_dir(void)
{
	struct proc_dir_entry *e;

	expect_at(KSHIM_REPORT_WARNING, "at ", "nodir");
	e = proc_create_single("nodir/x", 0444, NULL, dummy_show); /* LINE:nodir */
	CU_ASSERT_PTR_NULL(e);
	CU_ASSERT(kshim_dmesg_contains("name 'nodir/x'\n"));
}

/* 6.1 __proc_create(): a number directly under /proc is a pid's name. */
static void test_proc_create_pid_name(void)
{
	struct proc_dir_entry *e;

	expect_at(KSHIM_REPORT_WARNING, "at ", "pidname");
	e = proc_create_single("4711", 0444, NULL, dummy_show); /* LINE:pidname */
	CU_ASSERT_PTR_NULL(e);
	CU_ASSERT(kshim_dmesg_contains("create '/proc/4711' by hand\n"));
}

/* Not a pid's name: a leading zero, or a number below a directory. */
static void test_proc_number_names_silent(void)
{
	struct proc_dir_entry *d, *a, *b;

	d = proc_mkdir("kshim_nums", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	a = proc_create_single("4711", 0444, d, dummy_show);
	CU_ASSERT_PTR_NOT_NULL(a);
	b = proc_create_single("0815", 0444, NULL, dummy_show);
	CU_ASSERT_PTR_NOT_NULL(b);
	remove_proc_entry("0815", NULL);
	CU_ASSERT_EQUAL(remove_proc_subtree("kshim_nums", NULL), 0);
}

/* 6.1 __xlate_proc_name() WARNs for remove_proc_subtree() too. */
static void test_proc_subtree_missing_dir(void)
{
	int ret;

	expect_at(KSHIM_REPORT_WARNING, "at ", "subtree");
	ret = remove_proc_subtree("kshim_nodir/x", NULL); /* LINE:subtree */
	CU_ASSERT_EQUAL(ret, -ENOENT);
	CU_ASSERT(kshim_dmesg_contains("name 'kshim_nodir/x'\n"));
}

static void test_proc_remove_nonempty(void)
{
	struct proc_dir_entry *d, *f;

	d = proc_mkdir("kshim_full", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	f = proc_create_single("f", 0444, d, dummy_show);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	expect_at(KSHIM_REPORT_WARNING, "at ", "nonempty");
	remove_proc_entry("kshim_full", NULL); /* LINE:nonempty */
	CU_ASSERT(kshim_dmesg_contains("remove_proc_entry: removing non-empty directory '/proc/kshim_full', leaking at least 'f'\n"));
	/* the leaked child is still reachable through its directory */
	remove_proc_entry("f", d);
}

/* Correct use is silent. */
static void test_proc_clean_silent(void)
{
	struct proc_dir_entry *d;

	d = proc_mkdir("kshim_ok", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_PTR_NOT_NULL(proc_create_single("a", 0444, d, dummy_show));
	CU_ASSERT_PTR_NOT_NULL(proc_mkdir("kshim_ok/sub", NULL));
	CU_ASSERT_PTR_NOT_NULL(proc_create_single("kshim_ok/sub/b", 0444,
						  NULL, dummy_show));
	remove_proc_entry("kshim_ok/sub/b", NULL);
	remove_proc_entry("sub", d);
	remove_proc_entry("a", d);
	remove_proc_entry("kshim_ok", NULL);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* An entry left at the end of a test: the ledger names the creating line. */
static void test_proc_leak_ledger(void)
{
	char w[256];

	snprintf(w, sizeof(w), "proc entry '/proc/kshim_leak' created at %s:%d",
		 __FILE__, marker_line("leak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, w, 1);
	proc_create_single("kshim_leak", 0444, NULL, dummy_show); /* LINE:leak */
}

/* ---- removal while a file is open ---- */

static int rel_count;

static int counted_release(struct inode *inode, struct file *file)
{
	rel_count++;
	return single_release(inode, file);
}

static int counted_open(struct inode *inode, struct file *file)
{
	return single_open(file, pdata_show, s_gone);
}

static const struct proc_ops counted_ops = {
	.proc_open = counted_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = counted_release,
};

static void test_proc_remove_while_open(void)
{
	int fd;

	proc_begin();
	rel_count = 0;
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc_create("kshim_open", 0444, NULL,
						 &counted_ops));
	fd = kshim_open(proc, "/proc/kshim_open", O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(uread(fd, got, 4), 4);
	remove_proc_entry("kshim_open", NULL);
	/* the driver's release ran at removal: its data may go now */
	CU_ASSERT_EQUAL(rel_count, 1);
	CU_ASSERT_EQUAL(uread(fd, got, 4), -EIO);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);
	CU_ASSERT_EQUAL(rel_count, 1);
	/* and a normal close releases once */
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc_create("kshim_open", 0444, NULL,
						 &counted_ops));
	fd = kshim_open(proc, "/proc/kshim_open", O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);
	CU_ASSERT_EQUAL(rel_count, 2);
	remove_proc_entry("kshim_open", NULL);
	CU_ASSERT_EQUAL(rel_count, 2);
	proc_end();
}

/* ---- debugfs ---- */

static void test_debugfs_values(void)
{
	static u8 v8 = 200;
	static u16 v16 = 0xabc;
	static u32 v32 = 4000000000u;
	static u64 v64 = 18446744073709551615ull;
	static u32 x32 = 0x1234;
	static bool flag = true;
	static size_t sz = 12345;
	static atomic_t at = ATOMIC_INIT(-5);
	static char blobdata[] = "blob!";
	static struct debugfs_blob_wrapper blob = { blobdata, 5 };
	long gone;
	struct dentry *dir;
	int fd;

	proc_begin();
	dir = debugfs_create_dir("kshim", NULL);
	CU_ASSERT_FATAL(!IS_ERR_OR_NULL(dir));
	debugfs_create_u8("u8", 0644, dir, &v8);
	debugfs_create_x16("x16", 0644, dir, &v16);
	debugfs_create_u32("u32", 0644, dir, &v32);
	debugfs_create_u64("u64", 0444, dir, &v64);
	debugfs_create_x32("x32", 0644, dir, &x32);
	debugfs_create_bool("flag", 0644, dir, &flag);
	debugfs_create_size_t("sz", 0644, dir, &sz);
	debugfs_create_atomic_t("at", 0644, dir, &at);
	CU_ASSERT(!IS_ERR(debugfs_create_blob("blob", 0444, dir, &blob)));

	CU_ASSERT_EQUAL(cat("/sys/kernel/debug/kshim/u8", got, 64), 4);
	CU_ASSERT_STRING_EQUAL(got, "200\n");
	cat("/sys/kernel/debug/kshim/x16", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "0x0abc\n");
	cat("/sys/kernel/debug/kshim/u32", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "4000000000\n");
	cat("/sys/kernel/debug/kshim/u64", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "18446744073709551615\n");
	cat("/sys/kernel/debug/kshim/x32", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "0x00001234\n");
	cat("/sys/kernel/debug/kshim/flag", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "Y\n");
	cat("/sys/kernel/debug/kshim/sz", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "12345\n");
	cat("/sys/kernel/debug/kshim/at", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "-5\n");
	cat("/sys/kernel/debug/kshim/blob", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "blob!");

	/* writes: base 0, the whole count back */
	fd = kshim_open(proc, "/sys/kernel/debug/kshim/u32", O_WRONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(uwrite(fd, "0x10\n"), 5);
	CU_ASSERT_EQUAL(v32, 16);
	CU_ASSERT_EQUAL(uwrite(fd, "nonsense"), -EINVAL);
	CU_ASSERT_EQUAL(v32, 16);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);
	fd = kshim_open(proc, "/sys/kernel/debug/kshim/flag", O_WRONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(uwrite(fd, "N\n"), 2);
	CU_ASSERT_FALSE(flag);
	/* 6.1: kstrtobool_from_user()'s -EFAULT is ignored, count consumed */
	gone = kshim_user_alloc(proc, PAGE_SIZE);
	CU_ASSERT_FATAL(gone > 0);
	CU_ASSERT_EQUAL(kshim_user_write(proc, gone, "Y\n", 2), 0);
	CU_ASSERT_EQUAL(kshim_munmap(proc, gone, PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(kshim_write(proc, fd, gone, 2), 2);
	CU_ASSERT_FALSE(flag);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);
	cat("/sys/kernel/debug/kshim/flag", got, 64);
	CU_ASSERT_STRING_EQUAL(got, "N\n");
	fd = kshim_open(proc, "/sys/kernel/debug/kshim/at", O_WRONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(uwrite(fd, "-77"), 3);
	CU_ASSERT_EQUAL(atomic_read(&at), -77);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);

	/* 0444: no ->write, write(2) fails and the value stays */
	fd = kshim_open(proc, "/sys/kernel/debug/kshim/u64", O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT(uwrite(fd, "1") < 0);
	CU_ASSERT_EQUAL(v64, 18446744073709551615ull);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);

	debugfs_remove(dir);
	CU_ASSERT_EQUAL(kshim_open(proc, "/sys/kernel/debug/kshim/u8",
				   O_RDONLY), -ENOENT);
	proc_end();
}

static int dbg_show(struct seq_file *m, void *v)
{
	seq_printf(m, "dbg %s\n", (const char *)m->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(dbg);

static void test_debugfs_file_and_errors(void)
{
	struct dentry *dir, *f, *e;
	int fd;

	proc_begin();
	dir = debugfs_create_dir("kshim_f", NULL);
	CU_ASSERT_FATAL(!IS_ERR(dir));
	f = debugfs_create_file("show", 0444, dir, s_data, &dbg_fops);
	CU_ASSERT_FATAL(!IS_ERR(f));
	CU_ASSERT_EQUAL(cat("/sys/kernel/debug/kshim_f/show", got, 64), 9);
	CU_ASSERT_STRING_EQUAL(got, "dbg data\n");

	/* a name that exists: -EEXIST and the kernel's pr_err */
	e = debugfs_create_file("show", 0444, dir, NULL, &dbg_fops);
	CU_ASSERT_EQUAL(PTR_ERR(e), -EEXIST);
	CU_ASSERT(kshim_dmesg_contains("debugfs: File 'show' in directory 'kshim_f' already present!\n"));
	e = debugfs_create_dir("kshim_f", NULL);
	CU_ASSERT_EQUAL(PTR_ERR(e), -EEXIST);
	CU_ASSERT(kshim_dmesg_contains("debugfs: Directory 'kshim_f' with parent '/' already present!\n"));
	/* an ERR_PTR parent comes back: callers need not check */
	CU_ASSERT_PTR_EQUAL(debugfs_create_file("x", 0444, e, NULL,
						&dbg_fops), e);
	debugfs_create_u32("y", 0444, e, NULL);
	debugfs_remove(e);
	debugfs_remove(NULL);

	/* lookup takes a reference */
	e = debugfs_lookup("show", dir);
	CU_ASSERT_PTR_EQUAL(e, f);
	dput(e);
	CU_ASSERT_PTR_NULL(debugfs_lookup("nothing", dir));

	/* removal while open: -EIO afterwards, close still fine */
	fd = kshim_open(proc, "/sys/kernel/debug/kshim_f/show", O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	debugfs_remove(dir);		/* recursive */
	CU_ASSERT_EQUAL(uread(fd, got, 10), -EIO);
	CU_ASSERT_EQUAL(kshim_close(proc, fd), 0);
	CU_ASSERT_EQUAL(kshim_open(proc, "/sys/kernel/debug/kshim_f/show",
				   O_RDONLY), -ENOENT);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	proc_end();
}

static void test_debugfs_leak_ledger(void)
{
	char w[256];
	static u32 v;

	snprintf(w, sizeof(w), "debugfs file 'kshim_dleak' created at %s:%d",
		 __FILE__, marker_line("dleak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, w, 1);
	debugfs_create_u32("kshim_dleak", 0444, NULL, &v); /* LINE:dleak */
}

static CU_TestInfo tests[] = {
	{ "seq_small_reads", test_seq_small_reads },
	{ "seq_many_pages", test_seq_many_pages },
	{ "seq_overflow_retry", test_seq_overflow_retry },
	{ "seq_skip", test_seq_skip },
	{ "seq_show_error", test_seq_show_error },
	{ "seq_lseek_pread", test_seq_lseek_pread },
	{ "seq_stuck_next", test_seq_stuck_next },
	{ "proc_single_and_ops", test_proc_single_and_ops },
	{ "proc_duplicate", test_proc_duplicate },
	{ "proc_duplicate_in_dir", test_proc_duplicate_in_dir },
	{ "proc_remove_missing", test_proc_remove_missing },
	{ "proc_create_in_missing_dir", test_proc_create_in_missing_dir },
	{ "proc_create_pid_name", test_proc_create_pid_name },
	{ "proc_number_names_silent", test_proc_number_names_silent },
	{ "proc_subtree_missing_dir", test_proc_subtree_missing_dir },
	{ "proc_remove_nonempty", test_proc_remove_nonempty },
	{ "proc_clean_silent", test_proc_clean_silent },
	{ "proc_leak_ledger", test_proc_leak_ledger },
	{ "proc_remove_while_open", test_proc_remove_while_open },
	{ "debugfs_values", test_debugfs_values },
	{ "debugfs_file_and_errors", test_debugfs_file_and_errors },
	{ "debugfs_leak_ledger", test_debugfs_leak_ledger },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "seqfs", NULL, NULL, setup, teardown, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
