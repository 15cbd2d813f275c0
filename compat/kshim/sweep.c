/*
 * compat/kshim/sweep.c - the failure-path sweep (kshim/sweep.h).
 *
 * The kernel's fail-nth (Documentation/fault-injection/
 * fault-injection.rst) fails the N-th fault-injection check of a task;
 * syzkaller walks N over every check a program makes.  kshim does that
 * for a test: a first run counts the fallible calls (lib/fault-inject.c
 * tells each one to the harness as a "sweep" note), then one run per call
 * fails that call, each in its own process from the same machine.  A run
 * is judged on kshim's findings only (reports, ledger, crashes, hangs,
 * sanitizers): the test's own assertions may fail once a call does.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <kshim/sweep.h>
#include <kshim/test.h>

#include "kshim/internal.h"
#include "kshim/run.h"
#include "kernel/cpu.h"
#include "lib/fault-inject.h"

struct sweep_opts {
	struct fault_point *only;
	struct fail_rule site;
	bool rest;
	bool all_errors;
};

/* A fallible call, as the sweep saw it. */
struct call {
	unsigned long n;
	char api[48];
	char file[256];
	int line;
	char func[96];
	int error;
};

/* What the running sweep process told us (its notes and failures). */
static struct {
	bool active;
	struct call *calls;
	unsigned int nr, cap;
	bool injected;
	struct call inj;
	char *bugs, *own;
	size_t bugs_len, own_len;
	unsigned int nbugs, nown;
} col;

/* One run's outcome, for the output. */
struct result {
	const char *test;
	unsigned int index, total;	/* call index of total; 0: baseline */
	const struct call *call;	/* the call meant to fail */
	int error;
	bool rest;
	bool injected;
	const struct call *failed;	/* the call that did fail */
	const char *bugs, *own;
	unsigned int nbugs, nown;
	double seconds;
};

typedef void (*sweep_out)(const struct result *r, void *ctx);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Append to a growing string (@buf, @len long); dropped if out of memory. */
static void buf_addf(char **buf, size_t *len, const char *fmt, ...)
	__attribute__((__format__(__printf__, 3, 4)));

static void buf_addf(char **buf, size_t *len, const char *fmt, ...)
{
	va_list args;
	int n;
	char *b;

	va_start(args, fmt);
	n = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	b = n < 0 ? NULL : realloc(*buf, *len + n + 1);
	if (!b)
		return;
	va_start(args, fmt);
	vsnprintf(b + *len, n + 1, fmt, args);
	va_end(args);
	*buf = b;
	*len += n;
}

static void sink(const char *file, int line, const char *msg,
		 enum kshim_failure_kind kind)
{
	if (kind == KSHIM_FAILURE_REPORT) {
		buf_addf(&col.bugs, &col.bugs_len, "%s:%d: %s\n", file, line,
			 msg);
		col.nbugs++;
	} else {
		buf_addf(&col.own, &col.own_len, "%s:%d: %s\n", file, line,
			 msg);
		col.nown++;
	}
}

void kshim_sweep_note(const char *text)
{
	char kind[16];
	struct call c = { 0 };

	if (!col.active ||
	    sscanf(text, "%15[^\t]\t%lu\t%47[^\t]\t%255[^\t]\t%d\t%95[^\t]\t%d",
		   kind, &c.n, c.api, c.file, &c.line, c.func,
		   &c.error) != 7)
		return;
	if (!strcmp(kind, "inject")) {
		if (!col.injected) {
			col.injected = true;
			col.inj = c;
		}
		return;
	}
	if (col.nr == col.cap) {
		unsigned int cap = col.cap ? col.cap * 2 : 64;
		struct call *calls = realloc(col.calls, cap * sizeof(*calls));

		if (!calls)
			return;
		col.calls = calls;
		col.cap = cap;
	}
	col.calls[col.nr++] = c;
}

static void col_reset(void)
{
	free(col.calls);
	free(col.bugs);
	free(col.own);
	memset(&col, 0, sizeof(col));
}

/* Run @fn(@arg) once, isolated, with the sweep in @mode. */
static void run(void (*fn)(void *), void *arg, const struct sweep_opts *o,
		enum fault_sweep_mode mode, unsigned long target, int error)
{
	col_reset();
	fault_sweep.mode = mode;
	fault_sweep.target = target;
	fault_sweep.error = error;
	fault_sweep.filter = o->site;
	fault_sweep.only = o->only;
	fault_sweep.calls = 0;
	fault_sweep.nr_claims = 0;
	fault_sweep.owner = getpid();
	__atomic_store_n(&fault_sweep_on, true, __ATOMIC_RELEASE);
	col.active = true;
	arch_run_isolated(fn, arg, sink);
	col.active = false;
	__atomic_store_n(&fault_sweep_on, false, __ATOMIC_RELEASE);
	fault_sweep.mode = FAULT_SWEEP_OFF;
}

static int parse_opts(const char *spec, struct sweep_opts *o, const char *who)
{
	char *copy, *item, *next, *val;
	int err = 0;

	memset(o, 0, sizeof(*o));
	if (!spec || !*spec)
		return 0;
	copy = strdup(spec);
	if (!copy)
		abort();
	for (item = copy; item && !err; item = next) {
		next = strchr(item, ',');
		if (next)
			*next++ = '\0';
		val = strchr(item, '=');
		if (val)
			*val++ = '\0';
		if (val && !strcmp(item, "func")) {
			o->only = fault_point_find(val);
			if (!o->only) {
				fprintf(stderr, "kshim: %s: func=%s is not a fallible API kshim knows\n",
					who, val);
				err = -EINVAL;
			}
		} else if (val && !strcmp(item, "site")) {
			char rule[300];

			snprintf(rule, sizeof(rule), "site=%s", val);
			err = fault_rule_from_spec(rule, &o->site, who);
		} else if (val && !strcmp(item, "mode") &&
			   (!strcmp(val, "each") || !strcmp(val, "rest"))) {
			o->rest = !strcmp(val, "rest");
		} else if (val && !strcmp(item, "errors") &&
			   (!strcmp(val, "first") || !strcmp(val, "all"))) {
			o->all_errors = !strcmp(val, "all");
		} else {
			fprintf(stderr, "kshim: %s: bad option '%s%s%s' (options: func=API, site=WHERE, mode=each|rest, errors=first|all)\n",
				who, item, val ? "=" : "", val ? val : "");
			err = -EINVAL;
		}
	}
	free(copy);
	return err;
}

static const int first_error[] = { 0, 0 };

/*
 * Sweep @fn(@arg): the counting run, then a run per call (and per error
 * with errors=all), each result to @out.  Adds to @st.
 */
static void sweep(void (*fn)(void *), void *arg, const char *name,
		  const struct sweep_opts *o, sweep_out out, void *ctx,
		  struct kshim_sweep_stats *st)
{
	struct result r = { .test = name, .rest = o->rest };
	struct call *calls;
	unsigned int nr, k;
	double t0 = now_s();

	run(fn, arg, o, FAULT_SWEEP_COUNT, 0, 0);
	nr = col.nr;
	calls = col.calls;
	col.calls = NULL;
	r.bugs = col.bugs;
	r.nbugs = col.nbugs;
	r.own = col.own;
	r.nown = col.nown;
	r.total = nr;
	r.seconds = now_s() - t0;
	st->calls += nr;
	out(&r, ctx);
	if (col.nbugs || col.nown) {
		free(calls);
		col_reset();
		return;
	}
	for (k = 0; k < nr; k++) {
		const struct fault_point *p = fault_point_find(calls[k].api);
		const int *e = o->all_errors && p ? p->errors : first_error;

		do {
			t0 = now_s();
			run(fn, arg, o, o->rest ? FAULT_SWEEP_FAIL_REST :
					       FAULT_SWEEP_FAIL, k + 1, *e);
			r.index = k + 1;
			r.call = &calls[k];
			r.error = col.injected ? col.inj.error :
				  *e ? *e : (p ? p->errors[0] : 0);
			r.injected = col.injected;
			r.failed = col.injected ? &col.inj : NULL;
			r.bugs = col.bugs;
			r.nbugs = col.nbugs;
			r.own = col.own;
			r.nown = col.nown;
			r.seconds = now_s() - t0;
			st->runs++;
			st->bugs += col.nbugs > 0;
			out(&r, ctx);
		} while (*e && *++e);
	}
	free(calls);
	col_reset();
}

/* "kmalloc() at drv.c:42 (drv_probe) -ENOMEM" */
static void describe(const struct result *r, char *buf, size_t len)
{
	char err[32];
	const struct call *c = r->call;
	const struct fault_point *p = fault_point_find(c->api);

	snprintf(buf, len, "call %u/%u%s %s() at %s:%d (%s) %s", r->index,
		 r->total, r->rest ? " and later" : "", c->api, c->file,
		 c->line, c->func, p && p->what ? p->what :
		 fault_errno_name(r->error, err, sizeof(err)));
}

/* Why a run's injection differs from the counted call, if it does. */
static void drift(const struct result *r, char *buf, size_t len)
{
	const struct call *f = r->failed;

	buf[0] = '\0';
	if (!r->injected)
		snprintf(buf, len,
			 " (not reached: this run made fewer fallible calls; the test's calls vary between runs)");
	else if (strcmp(f->api, r->call->api) || strcmp(f->file, r->call->file) ||
		 f->line != r->call->line)
		snprintf(buf, len,
			 " (the call failed was %s() at %s:%d: the test's calls vary between runs)",
			 f->api, f->file, f->line);
}

/* ---- from inside a test ---- */

struct in_test {
	void (*fn)(void *);
	void *arg;
	char name[256];
	const char *file;
	int line;
};

/* The run's process: a test of its own, from the machine as it was. */
static void in_test_body(void *arg)
{
	struct in_test *t = arg;

	kshim_test_begin(t->name);
	t->fn(t->arg);
	kshim_cpu_sync_all();
	kshim_test_end(KSHIM_TEST_COMPLETED);
}

static void in_test_out(const struct result *r, void *ctx)
{
	struct in_test *t = ctx;
	char what[600], why[400];

	if (!r->index) {
		if (r->nbugs || r->nown)
			kshim_test_fail(t->file, t->line,
					"sweep: the code fails without any injected failure:\n%s%s",
					r->bugs ? r->bugs : "",
					r->own ? r->own : "");
		return;
	}
	if (!r->nbugs)
		return;
	describe(r, what, sizeof(what));
	drift(r, why, sizeof(why));
	kshim_test_fail(t->file, t->line, "failure-path bug: %s%s:\n%s", what,
			why, r->bugs);
}

int __kshim_sweep(void (*fn)(void *), void *arg, const char *options,
		  struct kshim_sweep_stats *stats, const char *file, int line)
{
	struct kshim_sweep_stats st = { 0 };
	struct sweep_opts o;
	struct in_test t = { .fn = fn, .arg = arg, .file = file,
			     .line = line };
	double t0 = now_s();

	if (!kshim_in_test() || !fn) {
		fprintf(stderr, "kshim: %s:%d: kshim_sweep() %s\n", file, line,
			fn ? "runs inside a test only" : "needs a function");
		return -EINVAL;
	}
	if (parse_opts(options, &o, "kshim_sweep()"))
		return -EINVAL;
	/* Inside a run of an outer sweep: that sweep fails @fn's calls. */
	if (__atomic_load_n(&fault_sweep_on, __ATOMIC_ACQUIRE) &&
	    fault_sweep.owner != getpid()) {
		fn(arg);
		if (stats)
			memset(stats, 0, sizeof(*stats));
		return 0;
	}
	snprintf(t.name, sizeof(t.name), "%s", kshim_current_test());
	/* Whatever the test's CPUs are doing is done before the forks. */
	kshim_cpu_sync_all();
	sweep(in_test_body, &t, t.name, &o, in_test_out, &t, &st);
	fprintf(stderr, "kshim: sweep at %s:%d: %u fallible calls, %u runs, %u failure-path bugs, %.2f s\n",
		file, line, st.calls, st.runs, st.bugs, now_s() - t0);
	if (stats)
		*stats = st;
	return st.bugs;
}

/* ---- a test program's --sweep mode ---- */

static struct {
	bool on;
	struct sweep_opts opts;
	int format;		/* 0 basic, 1 tap, 2 junit */
	unsigned int seq;	/* TAP lines */
	struct kshim_sweep_stats total;
	unsigned int tests, broken;	/* swept; failing without injection */
	double seconds;
	char *xml;		/* junit: the test cases */
	size_t xml_len;
	unsigned int xml_cases, xml_failures;
	char *table;		/* the summary's rows */
	size_t table_len;
} cli;

bool kshim_sweep_cli_active(void)
{
	return cli.on;
}

static void xml_escape(const char *s, char **buf, size_t *len)
{
	for (; s && *s; s++) {
		char tmp[16];
		const char *piece = tmp;

		switch (*s) {
		case '&': piece = "&amp;"; break;
		case '<': piece = "&lt;"; break;
		case '>': piece = "&gt;"; break;
		case '"': piece = "&quot;"; break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\n' &&
			    *s != '\t')
				snprintf(tmp, sizeof(tmp), "?");
			else
				snprintf(tmp, sizeof(tmp), "%c", *s);
		}
		buf_addf(buf, len, "%s", piece);
	}
}

static void xml_add(const char *s)
{
	buf_addf(&cli.xml, &cli.xml_len, "%s", s);
}

static void print_indented(const char *prefix, const char *text)
{
	const char *eol;

	for (; text && *text; text = eol + 1) {
		eol = strchr(text, '\n');
		if (!eol) {
			printf("%s%s\n", prefix, text);
			return;
		}
		printf("%s%.*s\n", prefix, (int)(eol - text), text);
	}
}

static void cli_out(const struct result *r, void *ctx)
{
	char what[600], why[400], head[1200];
	bool bad = r->index ? r->nbugs > 0 : (r->nbugs || r->nown);

	(void)ctx;
	if (!r->index) {
		snprintf(head, sizeof(head),
			 "%s: without injected failures (%u fallible call%s)",
			 r->test, r->total, r->total == 1 ? "" : "s");
		if (bad)
			cli.broken++;
		why[0] = '\0';
	} else {
		describe(r, what, sizeof(what));
		drift(r, why, sizeof(why));
		snprintf(head, sizeof(head), "%s: %s", r->test, what);
	}
	if (cli.format == 1) {
		printf("%s %u - %s%s\n", bad ? "not ok" : "ok", ++cli.seq, head,
		       why);
		if (bad)
			print_indented("# ", r->index ? r->bugs : r->own ?
				       r->own : r->bugs);
		if (bad && !r->index && r->bugs && r->own)
			print_indented("# ", r->bugs);
	} else if (cli.format == 2) {
		char tmp[64];

		cli.xml_cases++;
		xml_add("  <testcase classname=\"sweep\" name=\"");
		xml_escape(head, &cli.xml, &cli.xml_len);
		snprintf(tmp, sizeof(tmp), "\" time=\"%.3f\"", r->seconds);
		xml_add(tmp);
		if (!bad) {
			xml_add("/>\n");
		} else {
			cli.xml_failures++;
			xml_add(">\n    <failure message=\"");
			xml_escape(r->index ? "failure-path bug" :
				   "fails without injected failures",
				   &cli.xml, &cli.xml_len);
			xml_add("\">");
			xml_escape(r->bugs, &cli.xml, &cli.xml_len);
			if (!r->index)
				xml_escape(r->own, &cli.xml, &cli.xml_len);
			xml_add("</failure>\n  </testcase>\n");
		}
	} else {
		printf("%s %s%s\n", bad ? "FAIL" : "ok  ", head, why);
		if (bad)
			print_indented("      ", r->index ? r->bugs : r->own ?
				       r->own : r->bugs);
		if (bad && !r->index && r->bugs && r->own)
			print_indented("      ", r->bugs);
	}
	fflush(stdout);
}

/* The CUnit trampoline's work in --sweep mode: sweep test @w. */
void kshim_sweep_cli_test(struct kshim_run_test *w)
{
	struct kshim_sweep_stats st = { 0 };
	char name[256];
	double t0 = now_s(), took;

	snprintf(name, sizeof(name), "%s%c%s", w->suite->pName,
		 kshim_run_name_sep, w->test->pName);
	sweep(kshim_test_body, w, name, &cli.opts, cli_out, NULL, &st);
	cli.tests++;
	cli.total.calls += st.calls;
	cli.total.runs += st.runs;
	cli.total.bugs += st.bugs;
	took = now_s() - t0;
	cli.seconds += took;
	buf_addf(&cli.table, &cli.table_len, "  %-40s %6u %6u %6u %8.2f s\n",
		 name, st.calls, st.runs, st.bugs, took);
}

int kshim_sweep_cli_begin(const char *options)
{
	const char *out = kshim_config.output;

	if (parse_opts(options, &cli.opts, "--sweep"))
		return -EINVAL;
	cli.on = true;
	cli.format = !strcmp(out, "tap") ? 1 : !strcmp(out, "junit") ? 2 : 0;
	return 0;
}

/* Print what the sweep found; the program's exit status. */
int kshim_sweep_cli_end(void)
{
	const char *prefix = cli.format == 1 ? "# " : "";
	int status = cli.total.bugs || cli.broken ? 1 : 0;

	if (cli.format == 1)
		printf("1..%u\n", cli.seq);
	if (cli.format == 2) {
		printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		printf("<testsuites tests=\"%u\" failures=\"%u\">\n<testsuite name=\"sweep\" tests=\"%u\" failures=\"%u\" time=\"%.3f\">\n",
		       cli.xml_cases, cli.xml_failures, cli.xml_cases,
		       cli.xml_failures, cli.seconds);
		printf("%s</testsuite>\n</testsuites>\n", cli.xml ? cli.xml :
								  "");
		prefix = NULL;
	}
	if (prefix) {
		printf("%skshim sweep: %-29s %6s %6s %6s %10s\n", prefix,
		       "test", "calls", "runs", "bugs", "time");
		print_indented(prefix, cli.table);
		printf("%s  %-40s %6u %6u %6u %8.2f s\n", prefix, "total",
		       cli.total.calls, cli.total.runs, cli.total.bugs,
		       cli.seconds);
		if (cli.broken)
			printf("%s%u test(s) fail without any injected failure: fix those first\n",
			       prefix, cli.broken);
	}
	fprintf(stderr, "kshim: sweep: %u test(s), %u fallible calls, %u runs, %u failure-path bug(s), %.2f s\n",
		cli.tests, cli.total.calls, cli.total.runs, cli.total.bugs,
		cli.seconds);
	fflush(stdout);
	kshim_sweep_cli_reset();
	return status;
}

void kshim_sweep_cli_reset(void)
{
	free(cli.xml);
	free(cli.table);
	memset(&cli, 0, sizeof(cli));
}
