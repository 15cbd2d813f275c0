// SPDX-License-Identifier: GPL-2.0
/*
 * compat/arch/isolate.c - one child process per test.
 *
 * Each test runs in a fork()ed child of the (single-threaded) harness, so a
 * BUG or an oops ends only that test and the next one starts from the
 * clean machine the parent still has.  The child sends its failures over a
 * pipe as records and an END record when it finishes; the parent judges a
 * child that dies without END (signal, sanitizer abort), one that exits
 * non-zero after END (valgrind --error-exitcode, LeakSanitizer), and one
 * that outlives KSHIM_TEST_TIMEOUT (killed: no test can hang the run).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arch/annotate.h"
#include "arch/fault.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KSHIM_LSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define KSHIM_LSAN 1
#endif
#ifdef KSHIM_LSAN
#include <sanitizer/lsan_interface.h>
#endif

#include "kshim/internal.h"

enum rec_kind {
	REC_FAIL = 1,		/* a failure: file, line, message */
	REC_END = 2,		/* the test ended (any failures sent) */
	REC_LOGGED = 3,		/* a failure its log already shows */
	REC_NOTE = 4,		/* harness data: tag (as file), text */
	REC_OWN = 5,		/* a failure of the test's own assertions */
};

struct rec_hdr {
	uint32_t kind;
	uint32_t len;		/* bytes after the header */
	int32_t line;
};

#define REC_MAX 4000		/* < PIPE_BUF: each record is one write */

static int child_fd = -1;

bool arch_isolated_child(void)
{
	return child_fd >= 0;
}

static void send_rec(enum rec_kind kind, const char *file, int line,
		     const char *msg)
{
	char buf[REC_MAX];
	struct rec_hdr *h = (struct rec_hdr *)buf;
	size_t fl = strnlen(file, 512), ml, room;
	ssize_t w;

	room = sizeof(buf) - sizeof(*h) - fl - 2;
	ml = strnlen(msg, room);
	h->kind = kind;
	h->line = line;
	h->len = fl + 1 + ml + 1;
	memcpy(buf + sizeof(*h), file, fl);
	buf[sizeof(*h) + fl] = '\0';
	memcpy(buf + sizeof(*h) + fl + 1, msg, ml);
	buf[sizeof(*h) + fl + 1 + ml] = '\0';
	do
		w = write(child_fd, buf, sizeof(*h) + h->len);
	while (w < 0 && errno == EINTR);
}

void arch_isolated_send(const char *file, int line, const char *msg)
{
	send_rec(REC_FAIL, file, line, msg);
}

void arch_isolated_send_logged(const char *file, int line, const char *msg)
{
	send_rec(REC_LOGGED, file, line, msg);
}

void arch_isolated_send_own(const char *file, int line, const char *msg)
{
	send_rec(REC_OWN, file, line, msg);
}

void arch_isolated_send_note(const char *tag, const char *text)
{
	send_rec(REC_NOTE, tag, 0, text);
}

void arch_isolated_exit(void)
{
#ifdef KSHIM_LSAN
	/*
	 * _exit() skips LeakSanitizer's atexit check: run it here (not
	 * when ASan's report called the oops: it holds the thread registry
	 * the leak check stops the world with).
	 */
	if (!arch_checker_oops && __lsan_do_recoverable_leak_check())
		send_rec(REC_FAIL, "kshim", 0,
			 "LeakSanitizer: the test leaked memory (see the log)");
#endif
	send_rec(REC_END, "", 0, "");
	fflush(NULL);
	_exit(0);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* Parse complete records in @buf[0..*len), keep the partial tail. */
static void drain(char *buf, size_t *len, kshim_fail_sink sink, bool *ended)
{
	size_t off = 0;

	while (*len - off >= sizeof(struct rec_hdr)) {
		struct rec_hdr h;
		const char *file, *msg;

		memcpy(&h, buf + off, sizeof(h));
		if (*len - off < sizeof(h) + h.len)
			break;
		file = buf + off + sizeof(h);
		msg = file + strlen(file) + 1;
		if (h.kind == REC_FAIL) {
			sink(file, h.line, msg, KSHIM_FAILURE_REPORT);
		} else if (h.kind == REC_OWN) {
			sink(file, h.line, msg, KSHIM_FAILURE_OWN);
		} else if (h.kind == REC_LOGGED) {
			sink(file, h.line, msg, KSHIM_FAILURE_OWN_LOGGED);
		} else if (h.kind == REC_NOTE) {
			kshim_harness_note(file, msg);
		} else if (h.kind == REC_END)
			*ended = true;
		off += sizeof(h) + h.len;
	}
	memmove(buf, buf + off, *len - off);
	*len -= off;
}

void arch_run_isolated(void (*fn)(void *), void *arg, kshim_fail_sink sink)
{
	unsigned int timeout = kshim_config.timeout;
	char buf[4 * REC_MAX], msg[256];
	size_t len = 0;
	bool ended = false, timed_out = false;
	long deadline;
	int fds[2], status;
	pid_t pid;

	timeout *= arch_slowdown();
	if (pipe2(fds, O_CLOEXEC)) {
		sink("kshim", 0, "cannot create the test's pipe",
		     KSHIM_FAILURE_REPORT);
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		sink("kshim", 0, "cannot fork the test's process",
		     KSHIM_FAILURE_REPORT);
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		child_fd = fds[1];
		/* stdout may carry TAP: whatever the test prints goes to stderr */
		dup2(STDERR_FILENO, STDOUT_FILENO);
		fn(arg);
		arch_isolated_exit();
	}

	close(fds[1]);
	deadline = timeout ? now_ms() + timeout * 1000L : 0;
	for (;;) {
		struct pollfd p = { .fd = fds[0], .events = POLLIN };
		int wait = -1, r;
		ssize_t n;

		if (deadline) {
			long left = deadline - now_ms();

			if (left <= 0) {
				timed_out = true;
				break;
			}
			wait = left > INT32_MAX ? INT32_MAX : (int)left;
		}
		r = poll(&p, 1, wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			continue;
		n = read(fds[0], buf + len, sizeof(buf) - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
		drain(buf, &len, sink, &ended);
	}
	close(fds[0]);
	if (timed_out)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;

	if (timed_out) {
		snprintf(msg, sizeof(msg),
			 "test timed out after %u s and was killed (KSHIM_TEST_TIMEOUT)",
			 timeout);
		sink("kshim", 0, msg, KSHIM_FAILURE_REPORT);
	} else if (!ended && WIFSIGNALED(status)) {
		snprintf(msg, sizeof(msg),
			 "test process killed by signal %d (%s)",
			 WTERMSIG(status), strsignal(WTERMSIG(status)));
		sink("kshim", 0, msg, KSHIM_FAILURE_REPORT);
	} else if (!ended) {
		snprintf(msg, sizeof(msg),
			 "test process exited with status %d before the test ended (sanitizer or valgrind abort? see the log)",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		sink("kshim", 0, msg, KSHIM_FAILURE_REPORT);
	} else if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		snprintf(msg, sizeof(msg),
			 "test process exited with status %d after the test (valgrind or sanitizer error: see the log)",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		sink("kshim", 0, msg, KSHIM_FAILURE_REPORT);
	}
}
