/*
 * test_user - simulated user processes (kshim/user.h): a system call
 * enters the driver as a thread of the process (its pid as tgid, its
 * comm, its mm and credentials, process context); the way back to user
 * space is checked as syscall_exit_to_user_mode() checks it (a lock still
 * held: lockdep's "lock held when returning to user space!", IRQs left
 * off: "syscall %lu left IRQs disabled"; kshim adds a preempt count left
 * raised); restart codes reach user space as -EINTR; a background call
 * really blocks in the driver and is interrupted by a signal or woken by
 * another process's write.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <kshim/report.h>
#include <kshim/signal.h>
#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/capability.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/hardirq.h>
#include <linux/ioctl.h>
#include <linux/irqflags.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include "common/expect_bug.h"

#define expect_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)

/* What the driver saw of current at its last open/read. */
static struct {
	char comm[TASK_COMM_LEN];
	pid_t pid, tgid;
	bool mm, process_ctx, admin;
} seen;

static DEFINE_SPINLOCK(ulock);
static DECLARE_WAIT_QUEUE_HEAD(uwait);
static int avail;		/* bytes a writer made readable, under ulock */

/* Not 1, 2...: FIBMAP, FIGETBSZ are do_vfs_ioctl()'s before the driver's. */
#define U_LEAK_LOCK	_IO('u', 1)
#define U_LEAK_IRQ	_IO('u', 2)
#define U_LEAK_PREEMPT	_IO('u', 3)
#define U_ADMIN		_IO('u', 4)
#define U_KREAD		_IO('u', 5)	/* kernel_read() of the fd in arg */
#define U_KWRITE	_IO('u', 6)	/* kernel_write() to the fd in arg */

static void note_current(void)
{
	memcpy(seen.comm, current->comm, sizeof(seen.comm));
	seen.pid = current->pid;
	seen.tgid = current->tgid;
	seen.mm = current->mm != NULL;
	seen.process_ctx = !in_interrupt() && preemptible();
}

static int u_open(struct inode *inode, struct file *f)
{
	note_current();
	return 0;
}

static ssize_t u_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	int ret;

	note_current();
	if (f->f_flags & O_NONBLOCK) {
		spin_lock(&ulock);
		ret = avail ? 0 : -EAGAIN;
		spin_unlock(&ulock);
		if (ret)
			return ret;
	}
	ret = wait_event_interruptible(uwait, READ_ONCE(avail) > 0);
	if (ret)
		return ret;
	spin_lock(&ulock);
	ret = avail;
	avail = 0;
	spin_unlock(&ulock);
	return ret;
}

static ssize_t u_write(struct file *f, const char __user *buf, size_t n,
		       loff_t *pos)
{
	spin_lock(&ulock);
	avail += n;
	spin_unlock(&ulock);
	wake_up_interruptible(&uwait);
	return n;
}

static long u_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case U_LEAK_LOCK:
		spin_lock(&ulock); /* LINE:leak_lock */
		return 0;
	case U_LEAK_IRQ:
		local_irq_disable();
		return 0;
	case U_LEAK_PREEMPT:
		preempt_disable(); /* LINE:leak_preempt */
		return 0;
	case U_ADMIN:
		return capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
	case U_KREAD:
	case U_KWRITE: {
		struct file *other = fget(arg);
		char kbuf[8] = "kernel!";
		loff_t pos = 0;
		long ret;

		if (!other)
			return -EBADF;
		if (cmd == U_KREAD)
			ret = kernel_read(other, kbuf, sizeof(kbuf), &pos);
		else
			ret = kernel_write(other, kbuf, sizeof(kbuf), &pos);
		fput(other);
		return ret;
	}
	}
	return -ENOTTY;
}

static const struct file_operations u_fops = {
	.owner = THIS_MODULE,
	.open = u_open,
	.read = u_read,
	.write = u_write,
	.unlocked_ioctl = u_ioctl,
};

/*
 * kernel_read()/kernel_write() (6.1) need ->read_iter/->write_iter and
 * refuse a file that also has ->read/->write (or has only those).
 */
static ssize_t it_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	static const char data[] = "iterdata";
	size_t n = copy_to_iter(data, sizeof(data) - 1, to);

	iocb->ki_pos += n;
	return n;
}

static ssize_t it_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	size_t n = iov_iter_count(from);

	iov_iter_advance(from, n);
	iocb->ki_pos += n;
	return n;
}

static const struct file_operations iter_fops = {
	.owner = THIS_MODULE,
	.read_iter = it_read_iter,
	.write_iter = it_write_iter,
};

static const struct file_operations both_fops = {
	.owner = THIS_MODULE,
	.read = u_read,
	.read_iter = it_read_iter,
};

static struct miscdevice iter_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kshimiter",
	.fops = &iter_fops,
};

static struct miscdevice both_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kshimboth",
	.fops = &both_fops,
};

static struct miscdevice u_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kshimu",
	.fops = &u_fops,
};

/* Per test, in the test's process: the device is there, then gone. */
static void setup(void)
{
	avail = 0;
	CU_ASSERT_EQUAL_FATAL(misc_register(&u_misc), 0);
}

static void teardown(void)
{
	misc_deregister(&u_misc);
}

static void test_identity(void)
{
	struct kshim_proc *a = kshim_proc_create("cat");
	struct kshim_proc *b = kshim_proc_create("a-very-long-command-name");
	pid_t me = current->pid;
	int fa, fb;

	CU_ASSERT_FATAL(a && b);
	CU_ASSERT_NOT_EQUAL(kshim_proc_pid(a), kshim_proc_pid(b));
	fa = kshim_open(a, "/dev/kshimu", O_RDWR);
	CU_ASSERT(fa >= 0);
	CU_ASSERT_STRING_EQUAL(seen.comm, "cat");
	CU_ASSERT_EQUAL(seen.tgid, kshim_proc_pid(a));
	CU_ASSERT_EQUAL(seen.pid, kshim_proc_pid(a));
	CU_ASSERT(seen.mm);
	CU_ASSERT(seen.process_ctx);
	fb = kshim_open(b, "/dev/kshimu", O_RDWR);
	CU_ASSERT(fb >= 0);
	CU_ASSERT_STRING_EQUAL(seen.comm, "a-very-long-com");
	CU_ASSERT_EQUAL(seen.tgid, kshim_proc_pid(b));
	/* Back in the test, current is the test's task again. */
	CU_ASSERT_EQUAL(current->pid, me);
	CU_ASSERT_PTR_NULL(current->mm);
	CU_ASSERT_EQUAL(kshim_ioctl(a, fa, 12345, 0), -ENOTTY);
	CU_ASSERT_EQUAL(kshim_read(a, 99, 0, 1), -EBADF);
	kshim_proc_exit(a);
	kshim_proc_exit(b);
}

/* A driver that only called register_chrdev(): the node is made by number. */
static void test_open_by_number(void)
{
	struct kshim_proc *p = kshim_proc_create("mknod");
	int major = register_chrdev(0, "kshimraw", &u_fops);
	char path[32];
	int fd;

	CU_ASSERT_FATAL(major > 0);
	snprintf(path, sizeof(path), "/dev/char/%d:7", major);
	fd = kshim_open(p, path, O_RDWR | O_NONBLOCK);
	CU_ASSERT(fd >= 0);
	CU_ASSERT_STRING_EQUAL(seen.comm, "mknod");	/* u_open() ran */
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_ADMIN, 0), 0);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/char/7:x", O_RDWR), -ENOENT);
	/* a number without a cdev: chrdev_open()'s -ENXIO */
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/char/200:0", O_RDWR), -ENXIO);
	kshim_proc_exit(p);
	unregister_chrdev(major, "kshimraw");
}

/* kernel_read()/kernel_write() of a file a driver got with fget(). */
static void test_kernel_read_write(void)
{
	struct kshim_proc *p = kshim_proc_create("kread");
	int fd = kshim_open(p, "/dev/kshimu", O_RDWR | O_NONBLOCK);
	int it, both;

	CU_ASSERT_EQUAL_FATAL(misc_register(&iter_misc), 0);
	CU_ASSERT_EQUAL_FATAL(misc_register(&both_misc), 0);
	it = kshim_open(p, "/dev/kshimiter", O_RDWR);
	both = kshim_open(p, "/dev/kshimboth", O_RDONLY);
	CU_ASSERT(fd >= 0 && it >= 0 && both >= 0);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_KREAD, it), 8);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_KWRITE, it), 8);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_KREAD, 99), -EBADF);
	/* only ->read / ->write: not for kernel_read() in 6.1 */
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_KWRITE, fd), -EINVAL);
	CU_ASSERT(kshim_dmesg_contains("kernel write not supported for file "));
	/* both ->read and ->read_iter: refused, and said so */
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_KREAD, both), -EINVAL);
	CU_ASSERT(kshim_dmesg_contains("kernel read not supported for file "));
	kshim_proc_exit(p);
	misc_deregister(&both_misc);
	misc_deregister(&iter_misc);
}

static void test_capabilities(void)
{
	struct kshim_proc *p = kshim_proc_create("admin");
	int fd = kshim_open(p, "/dev/kshimu", O_RDWR);

	CU_ASSERT(fd >= 0);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_ADMIN, 0), 0);
	CU_ASSERT_EQUAL(kshim_proc_capable_set(p, CAP_SYS_ADMIN, false), 0);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_ADMIN, 0), -EPERM);
	/* Another process keeps its own credentials. */
	CU_ASSERT(capable(CAP_SYS_ADMIN));
	CU_ASSERT_EQUAL(kshim_proc_capable_set(p, 99, false), -EINVAL);
	CU_ASSERT_EQUAL(kshim_proc_capable_set(p, CAP_SYS_ADMIN, true), 0);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_ADMIN, 0), 0);
	kshim_proc_exit(p);
}

/* lockdep_sys_exit(): the lock's line is the report's. */
static void test_lock_held_on_return(void)
{
	struct kshim_proc *p = kshim_proc_create("leaker");
	int fd = kshim_open(p, "/dev/kshimu", O_RDWR);

	kshim_expect_report(KSHIM_REPORT_USER_RETURN,
			    "WARNING: lock held when returning to user space!\n",
			    1);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_LEAK_LOCK, 0), 0);
	assert_report_at(KSHIM_REPORT_USER_RETURN, "leak_lock");
	CU_ASSERT(kshim_dmesg_contains("leaker/"));
	CU_ASSERT(kshim_dmesg_contains(" is leaving the kernel with locks still held!\n"));
	/* The lock stays held, as in the kernel: the test releases it. */
	spin_unlock(&ulock);
	kshim_proc_exit(p);
}

static void test_irqs_off_on_return(void)
{
	struct kshim_proc *p = kshim_proc_create("irqoff");
	int fd = kshim_open(p, "/dev/kshimu", O_RDWR);

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "syscall 16 left IRQs disabled", 1);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_LEAK_IRQ, 0), 0); /* LINE:irq_call */
	assert_report_at(KSHIM_REPORT_WARNING, "irq_call");
	CU_ASSERT_FALSE(irqs_disabled());
	kshim_proc_exit(p);
}

static void test_preempt_on_return(void)
{
	struct kshim_proc *p = kshim_proc_create("atomic");
	int fd = kshim_open(p, "/dev/kshimu", O_RDWR);

	kshim_expect_report(KSHIM_REPORT_USER_RETURN,
			    "returns to user space with preempt_count 00000001",
			    1);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, U_LEAK_PREEMPT, 0), 0);
	assert_report_at(KSHIM_REPORT_USER_RETURN, "leak_preempt");
	CU_ASSERT_EQUAL(preempt_count(), 0);
	kshim_proc_exit(p);
}

/* A correct call leaves nothing to report. */
static void test_clean_calls_silent(void)
{
	struct kshim_proc *p = kshim_proc_create("clean");
	int fd = kshim_open(p, "/dev/kshimu", O_RDWR | O_NONBLOCK);
	long buf = kshim_user_alloc(p, 4096);

	CU_ASSERT(fd >= 0);
	CU_ASSERT(buf > 0);
	CU_ASSERT_EQUAL(kshim_read(p, fd, buf, 1), -EAGAIN);
	CU_ASSERT_EQUAL(kshim_write(p, fd, buf, 3), 3);
	CU_ASSERT_EQUAL(kshim_read(p, fd, buf, 1), 3);
	/* vfs_read()'s access_ok(): a kernel address is no user buffer. */
	CU_ASSERT_EQUAL(kshim_read(p, fd, (unsigned long)&avail, 1), -EFAULT);
	CU_ASSERT_EQUAL(kshim_close(p, fd), 0);
	CU_ASSERT_EQUAL(kshim_close(p, fd), -EBADF);
	kshim_proc_exit(p);
}

/* A reader blocked in the driver; a second process's write wakes it. */
static void test_blocked_reader_woken_by_writer(void)
{
	struct kshim_proc *r = kshim_proc_create("reader");
	struct kshim_proc *w = kshim_proc_create("writer");
	int rfd = kshim_open(r, "/dev/kshimu", O_RDONLY);
	int wfd = kshim_open(w, "/dev/kshimu", O_WRONLY);
	long rbuf = kshim_user_alloc(r, 4096), wbuf = kshim_user_alloc(w, 4096);
	struct kshim_call *c;

	c = kshim_call_read(r, rfd, rbuf, 16);
	CU_ASSERT_FATAL(c != NULL);
	CU_ASSERT_TRUE(kshim_call_wait_blocked(c));
	CU_ASSERT_FALSE(kshim_call_done(c));
	CU_ASSERT_EQUAL(kshim_task_state(kshim_call_task(c)),
			TASK_INTERRUPTIBLE);
	CU_ASSERT_EQUAL(kshim_write(w, wfd, wbuf, 5), 5);
	CU_ASSERT_EQUAL(kshim_call_wait(c), 5);
	kshim_call_free(c);
	kshim_proc_exit(r);
	kshim_proc_exit(w);
}

/* kill -INT of a process blocked in read(): -ERESTARTSYS becomes -EINTR. */
static void test_signal_interrupts_blocked_read(void)
{
	struct kshim_proc *p = kshim_proc_create("sleepy");
	int fd = kshim_open(p, "/dev/kshimu", O_RDONLY);
	struct kshim_call *c = kshim_call_read(p, fd, kshim_user_alloc(p, 64),
					       16);

	CU_ASSERT_FATAL(c != NULL);
	CU_ASSERT_TRUE(kshim_call_wait_blocked(c));
	CU_ASSERT_EQUAL(kshim_signal_send(kshim_call_task(c), SIGINT), 0);
	CU_ASSERT_EQUAL(kshim_call_wait(c), -EINTR);
	kshim_call_free(c);
	kshim_proc_exit(p);
}

/* The background thread is a thread of the process: same tgid. */
static long whoami(struct kshim_proc *p, void *arg)
{
	note_current();
	return current->tgid;
}

static void test_call_start_is_process_thread(void)
{
	struct kshim_proc *p = kshim_proc_create("threads");
	struct kshim_call *c = kshim_call_start(p, whoami, NULL);

	CU_ASSERT_FATAL(c != NULL);
	CU_ASSERT_EQUAL(kshim_call_wait(c), kshim_proc_pid(p));
	CU_ASSERT_STRING_EQUAL(seen.comm, "threads");
	CU_ASSERT_NOT_EQUAL(seen.pid, kshim_proc_pid(p));
	CU_ASSERT(seen.mm);
	kshim_call_free(c);
	kshim_proc_exit(p);
}

static CU_TestInfo tests[] = {
	{ "identity", test_identity },
	{ "capabilities", test_capabilities },
	{ "kernel_read_write", test_kernel_read_write },
	{ "open_by_number", test_open_by_number },
	{ "lock_held_on_return", test_lock_held_on_return },
	{ "irqs_off_on_return", test_irqs_off_on_return },
	{ "preempt_on_return", test_preempt_on_return },
	{ "clean_calls_silent", test_clean_calls_silent },
	{ "blocked_reader_woken_by_writer",
	  test_blocked_reader_woken_by_writer },
	{ "signal_interrupts_blocked_read", test_signal_interrupts_blocked_read },
	{ "call_start_is_process_thread", test_call_start_is_process_thread },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "user", NULL, NULL, setup, teardown, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
