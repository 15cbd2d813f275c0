/*
 * test_poll - poll(2) of a simulated process on a driver's files
 * (issue 14 item 7): ->poll is called with a poll_table whose
 * poll_wait() puts the task on the driver's wait queue; a wake-up on
 * that queue makes poll look again and return the ready file; the
 * timeout ends it with 0 (kshim's clock moves on while everyone sleeps);
 * a signal ends it with -EINTR; a bad fd is POLLNVAL, a negative one is
 * skipped; a file without ->poll is DEFAULT_POLLMASK; after poll returns
 * its entries are off the queues; prepare_to_wait()/schedule()/
 * finish_wait() use the same entries.  The files are /proc entries with
 * proc_ops->proc_poll, so the path is the one a driver's is.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <kshim/report.h>
#include <kshim/signal.h>
#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(wq_a);
static DECLARE_WAIT_QUEUE_HEAD(wq_b);
static int ready_a, ready_b, polls_a;

static __poll_t a_poll(struct file *f, poll_table *pt)
{
	__atomic_add_fetch(&polls_a, 1, __ATOMIC_SEQ_CST);
	poll_wait(f, &wq_a, pt);
	return __atomic_load_n(&ready_a, __ATOMIC_SEQ_CST) ?
	       EPOLLIN | EPOLLRDNORM : 0;
}

static __poll_t b_poll(struct file *f, poll_table *pt)
{
	poll_wait(f, &wq_b, pt);
	return __atomic_load_n(&ready_b, __ATOMIC_SEQ_CST) ?
	       EPOLLOUT | EPOLLWRNORM : 0;
}

static const struct proc_ops a_ops = { .proc_poll = a_poll };
static const struct proc_ops b_ops = { .proc_poll = b_poll };
static const struct proc_ops plain_ops = { .proc_flags = 0 };

static struct kshim_proc *p;
static int fa, fb, fplain;

static void setup(void)
{
}

static void teardown(void)
{
}

static void begin(void)
{
	ready_a = ready_b = polls_a = 0;
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc_create("pa", 0444, NULL, &a_ops));
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc_create("pb", 0444, NULL, &b_ops));
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc_create("plain", 0444, NULL,
						 &plain_ops));
	p = kshim_proc_create("poller");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	fa = kshim_open(p, "/proc/pa", O_RDONLY);
	fb = kshim_open(p, "/proc/pb", O_RDONLY);
	fplain = kshim_open(p, "/proc/plain", O_RDONLY);
	CU_ASSERT_FATAL(fa >= 0 && fb >= 0 && fplain >= 0);
}

static void end(void)
{
	kshim_proc_exit(p);
	remove_proc_entry("pa", NULL);
	remove_proc_entry("pb", NULL);
	remove_proc_entry("plain", NULL);
}

/*
 * The call is asleep in poll() on @wq.  (Waiting for the entry first also
 * keeps kshim_call_task() from racing with the call's start.)
 */
static void wait_polling(struct kshim_call *c, wait_queue_head_t *wq)
{
	while (!waitqueue_active(wq))
		usleep(100);
	CU_ASSERT_TRUE(kshim_call_wait_blocked(c));
}

static void test_ready_at_once(void)
{
	struct kshim_pollfd fds[1] = { { .events = POLLIN } };

	begin();
	ready_a = 1;
	fds[0].fd = fa;
	CU_ASSERT_EQUAL(kshim_poll(p, fds, 1, -1), 1);
	CU_ASSERT_EQUAL(fds[0].revents, POLLIN);
	CU_ASSERT_FALSE(waitqueue_active(&wq_a));
	end();
}

static void test_timeout(void)
{
	struct kshim_pollfd fds[2] = { { .events = POLLIN },
				       { .events = POLLOUT } };

	begin();
	fds[0].fd = fa;
	fds[1].fd = fb;
	CU_ASSERT_EQUAL(kshim_poll(p, fds, 2, 100), 0);
	CU_ASSERT_EQUAL(fds[0].revents, 0);
	CU_ASSERT_EQUAL(fds[1].revents, 0);
	/* timeout 0: one look, no sleep, no entries */
	CU_ASSERT_EQUAL(kshim_poll(p, fds, 2, 0), 0);
	CU_ASSERT_FALSE(waitqueue_active(&wq_a));
	CU_ASSERT_FALSE(waitqueue_active(&wq_b));
	end();
}

/* A sleeping poll is woken by the driver's wake_up on its queue. */
static void test_woken_by_wake_up(void)
{
	struct kshim_pollfd fds[2] = { { .events = POLLIN },
				       { .events = POLLOUT } };
	struct kshim_call *c;

	begin();
	fds[0].fd = fa;
	fds[1].fd = fb;
	c = kshim_call_poll(p, fds, 2, -1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	wait_polling(c, &wq_b);
	CU_ASSERT_TRUE(waitqueue_active(&wq_a));
	CU_ASSERT_TRUE(waitqueue_active(&wq_b));
	__atomic_store_n(&ready_b, 1, __ATOMIC_SEQ_CST);
	wake_up_interruptible_poll(&wq_b, EPOLLOUT);
	CU_ASSERT_EQUAL(kshim_call_wait(c), 1);
	CU_ASSERT_EQUAL(fds[0].revents, 0);
	CU_ASSERT_EQUAL(fds[1].revents, POLLOUT);
	/* poll_freewait(): nothing left on the queues */
	CU_ASSERT_FALSE(waitqueue_active(&wq_a));
	CU_ASSERT_FALSE(waitqueue_active(&wq_b));
	kshim_call_free(c);
	end();
}

/*
 * A plain wake_up() (no key) works the same.  (A background poll with a
 * timeout cannot be tested this way: while the test waits for it, every
 * task sleeps and kshim's clock ends the timeout at once.)
 */
static void test_woken_by_plain_wake_up(void)
{
	struct kshim_pollfd fds[1] = { { .events = POLLIN } };
	struct kshim_call *c;

	begin();
	fds[0].fd = fa;
	c = kshim_call_poll(p, fds, 1, -1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	wait_polling(c, &wq_a);
	__atomic_store_n(&ready_a, 1, __ATOMIC_SEQ_CST);
	wake_up(&wq_a);
	CU_ASSERT_EQUAL(kshim_call_wait(c), 1);
	CU_ASSERT_EQUAL(fds[0].revents, POLLIN);
	CU_ASSERT(polls_a >= 2);
	kshim_call_free(c);
	end();
}

static void test_signal_interrupts(void)
{
	struct kshim_pollfd fds[1] = { { .events = POLLIN } };
	struct kshim_call *c;

	begin();
	fds[0].fd = fa;
	c = kshim_call_poll(p, fds, 1, -1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	wait_polling(c, &wq_a);
	CU_ASSERT_EQUAL(kshim_signal_send(kshim_call_task(c), SIGINT), 0);
	CU_ASSERT_EQUAL(kshim_call_wait(c), -EINTR);
	CU_ASSERT_FALSE(waitqueue_active(&wq_a));
	kshim_call_free(c);
	end();
}

static void test_bad_fds(void)
{
	struct kshim_pollfd fds[3] = {
		{ .fd = 99, .events = POLLIN },
		{ .fd = -1, .events = POLLIN },
		{ .events = POLLIN | POLLOUT | POLLPRI },
	};

	begin();
	fds[2].fd = fplain;
	CU_ASSERT_EQUAL(kshim_poll(p, fds, 3, 0), 2);
	CU_ASSERT_EQUAL(fds[0].revents, POLLNVAL);
	CU_ASSERT_EQUAL(fds[1].revents, 0);
	/* no ->proc_poll: DEFAULT_POLLMASK, filtered by the events asked */
	CU_ASSERT_EQUAL(fds[2].revents, POLLIN | POLLOUT);
	end();
}

/* A removed debugfs file polls as EPOLLHUP (the full proxy). */
static __poll_t d_poll(struct file *f, poll_table *pt)
{
	return 0;
}

static const struct file_operations d_fops = { .poll = d_poll };

static void test_debugfs_removed_hup(void)
{
	struct kshim_pollfd fds[1] = { { .events = POLLIN } };
	struct dentry *d;

	begin();
	d = debugfs_create_file("kshim_poll", 0444, NULL, NULL, &d_fops);
	CU_ASSERT_FATAL(!IS_ERR(d));
	fds[0].fd = kshim_open(p, "/sys/kernel/debug/kshim_poll", O_RDONLY);
	CU_ASSERT_FATAL(fds[0].fd >= 0);
	CU_ASSERT_EQUAL(kshim_poll(p, fds, 1, 0), 0);
	debugfs_remove(d);
	CU_ASSERT_EQUAL(kshim_poll(p, fds, 1, 0), 1);
	CU_ASSERT_EQUAL(fds[0].revents, POLLHUP);
	end();
}

/*
 * The entries poll uses are the ones drivers use directly: an LDD3-style
 * sleep (DEFINE_WAIT, prepare_to_wait(), schedule(), finish_wait()) in a
 * thread of the process is woken by wake_up_interruptible() and leaves
 * the queue; a signal ends it too.
 */
static long manual_sleep(struct kshim_proc *proc, void *arg)
{
	DEFINE_WAIT(wait);
	long ret = 0;

	for (;;) {
		prepare_to_wait(&wq_a, &wait, TASK_INTERRUPTIBLE);
		if (__atomic_load_n(&ready_a, __ATOMIC_SEQ_CST))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&wq_a, &wait);
	return ret ? ret : 1;
}

static void test_prepare_to_wait_schedule(void)
{
	struct kshim_call *c;

	begin();
	c = kshim_call_start(p, manual_sleep, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	wait_polling(c, &wq_a);
	__atomic_store_n(&ready_a, 1, __ATOMIC_SEQ_CST);
	wake_up_interruptible(&wq_a);
	CU_ASSERT_EQUAL(kshim_call_wait(c), 1);
	CU_ASSERT_FALSE(waitqueue_active(&wq_a));
	kshim_call_free(c);

	__atomic_store_n(&ready_a, 0, __ATOMIC_SEQ_CST);
	c = kshim_call_start(p, manual_sleep, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	wait_polling(c, &wq_a);
	CU_ASSERT_EQUAL(kshim_signal_send(kshim_call_task(c), SIGINT), 0);
	CU_ASSERT_EQUAL(kshim_call_wait(c), -EINTR);
	CU_ASSERT_FALSE(waitqueue_active(&wq_a));
	kshim_call_free(c);
	end();
}

static CU_TestInfo tests[] = {
	{ "prepare_to_wait_schedule", test_prepare_to_wait_schedule },
	{ "ready_at_once", test_ready_at_once },
	{ "timeout", test_timeout },
	{ "woken_by_wake_up", test_woken_by_wake_up },
	{ "woken_by_plain_wake_up", test_woken_by_plain_wake_up },
	{ "signal_interrupts", test_signal_interrupts },
	{ "bad_fds", test_bad_fds },
	{ "debugfs_removed_hup", test_debugfs_removed_hup },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "poll", NULL, NULL, setup, teardown, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
