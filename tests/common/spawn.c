/*
 * tests/common/spawn.c - see spawn.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn.h"

extern char **environ;

static char *slurp_fd(int fd)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	ssize_t n;

	if (!buf)
		return NULL;
	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += n;
		if (cap - len < 1024) {
			char *nb = realloc(buf, cap * 2);

			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
	}
	buf[len] = '\0';
	return buf;
}

static int temp_fd(void)
{
	char name[] = "/tmp/kshim-spawn-XXXXXX";
	int fd = mkstemp(name);

	if (fd >= 0)
		unlink(name);
	return fd;
}

/* Collect the child @pid's exit and its output in @out and @err. */
static void collect(pid_t pid, int out, int err, struct spawn_result *res)
{
	int st;

	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	res->signaled = WIFSIGNALED(st);
	res->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	res->out = slurp_fd(out);
	res->err = slurp_fd(err);
	close(out);
	close(err);
}

int spawn_run(char *const argv[], const char *const env[],
	      struct spawn_result *res)
{
	posix_spawn_file_actions_t fa;
	char **envp;
	size_t n = 0, i, j = 0;
	int out, err, rc;
	pid_t pid;

	memset(res, 0, sizeof(*res));
	for (i = 0; environ[i]; i++)
		n++;
	for (i = 0; env && env[i]; i++)
		n++;
	envp = calloc(n + 1, sizeof(*envp));
	if (!envp)
		return -ENOMEM;
	for (i = 0; environ[i]; i++)
		if (strncmp(environ[i], "KSHIM_", 6))
			envp[j++] = environ[i];
	for (i = 0; env && env[i]; i++)
		envp[j++] = (char *)env[i];

	out = temp_fd();
	err = temp_fd();
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, err, STDERR_FILENO);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	free(envp);
	if (rc) {
		close(out);
		close(err);
		return -rc;
	}
	collect(pid, out, err, res);
	return 0;
}

int spawn_call(void (*fn)(void *), void *arg, struct spawn_result *res)
{
	int out = temp_fd(), err = temp_fd();
	pid_t pid;

	memset(res, 0, sizeof(*res));
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(out);
		close(err);
		return -errno;
	}
	if (pid == 0) {
		const struct rlimit no_core = { 0, 0 };

		setrlimit(RLIMIT_CORE, &no_core);
		dup2(out, STDOUT_FILENO);
		dup2(err, STDERR_FILENO);
		fn(arg);
		fflush(NULL);
		_exit(0);
	}
	collect(pid, out, err, res);
	return 0;
}

void spawn_free(struct spawn_result *res)
{
	free(res->out);
	free(res->err);
	memset(res, 0, sizeof(*res));
}

static const char *tree_path(const char *var, const char *rel)
{
	static __thread char buf[4096];
	const char *top = getenv(var);

	snprintf(buf, sizeof(buf), "%s/%s", top ? top : ".", rel);
	return buf;
}

const char *build_path(const char *rel)
{
	return tree_path("abs_top_builddir", rel);
}

const char *src_path(const char *rel)
{
	return tree_path("abs_top_srcdir", rel);
}

int find_marker_line(const char *file, const char *marker)
{
	char line[1024];
	FILE *f = fopen(file, "r");
	int n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (strstr(line, marker)) {
			fclose(f);
			return n;
		}
	}
	fclose(f);
	return -1;
}
