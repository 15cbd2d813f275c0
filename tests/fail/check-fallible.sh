#!/bin/sh
# check-fallible.sh - every function kshim exports to kernel code that
# returns an error code or a pointer (NULL, ERR_PTR) is accounted for by a
# line of tests/fail/fallible.txt: a registered fallible API (api:), a
# function that fails only when a registered API inside it fails (via:),
# one that never fails in the kernel either (never:, with the reason), or
# a known gap, fallible in the kernel but not injectable yet in kshim
# (gap:, a TODO result that does not fail the test).  Issue 12: "each new
# fallible API registers itself; a test checks that every exported
# function returning an error code or NULL is either registered or listed
# as never failing, with the reason".
#
# The functions: one translation unit includes every header of
# compat/include/{linux,asm,asm-generic,vdso,kunit} as kernel code, in the
# 6.x and the 2.6.35 profile; gcc -aux-info writes each declared
# function's prototype and its header:line.  Kept: the extern (not static
# inline) ones whose result is a pointer or a signed integer (int, long,
# long long, short, ssize_t, s32, s64, loff_t) or unsigned long (the
# kernel's address type: __get_free_pages()).  void, bool, enums,
# structures, times and other unsigned results (sizes, hashes, counts) are
# not error codes.  Macros and static inline functions are not kept: they
# are fallible through the exported functions they call.
#
# The registry: tests/fail/fail_apis (built by make check) prints
# kshim_fail_api()'s list; each api:/via: name must be in it, and each API
# in it must be named by some line.
#
# Environment: CC (default cc; without -aux-info, as clang, gcc is used if
# installed, else the test is skipped), abs_top_srcdir, abs_top_builddir
# (where fail_apis is; default: the current directory); to check other
# data, FALLIBLE (the file) and FAIL_APIS (the registry program).  Output
# is TAP.

top=${abs_top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${abs_top_builddir:-$(pwd)}
CC=${CC:-cc}
inc=$top/compat/include
data=${FALLIBLE:-$top/tests/fail/fallible.txt}
apis_prog=${FAIL_APIS:-$build/tests/fail/fail_apis}
tmp=${TMPDIR:-/tmp}/kshim-fallible.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A compiler with -aux-info: $CC, else gcc.
aux_works() {
	echo 'int f(void);' >"$tmp/probe.c"
	$1 -fsyntax-only -aux-info "$tmp/probe.aux" "$tmp/probe.c" \
		>/dev/null 2>&1 && grep -q 'extern int f' "$tmp/probe.aux" 2>/dev/null
}
if aux_works "$CC"; then
	auxcc=$CC
elif command -v gcc >/dev/null 2>&1 && aux_works gcc; then
	auxcc=gcc
else
	echo "1..0 # SKIP $CC has no -aux-info (a gcc option) and gcc is not installed: cannot list kshim's exported functions"
	exit 0
fi

ccinc=$($auxcc -print-file-name=include)
kflags="-std=gnu11 -fno-strict-aliasing -fno-common -D__KERNEL__ -nostdinc
	-isystem $ccinc -I $inc -I $inc/uapi -include $inc/kshim/kconfig.h
	-DKBUILD_MODNAME=\"probe\" -fsyntax-only -fmax-errors=20"
headers=$(cd "$inc" && find linux asm asm-generic vdso kunit -name '*.h' |
	LC_ALL=C sort)
# Headers of one profile only (as tests/headers/check-visibility.sh).
only_6="linux/highmem-internal.h linux/page_ref.h"
only_26="asm/kmap_types.h asm-generic/kmap_types.h"

member() { case " $(echo $2) " in *" $1 "*) return 0;; esac; return 1; }

# 1. the declared functions of both profiles, "name|result|header:line"
: >"$tmp/aux"
compile_err=
for profile in 6 26; do
	: >"$tmp/all$profile.c"
	for h in $headers; do
		if [ $profile = 6 ]; then
			member "$h" "$only_26" && continue
		else
			member "$h" "$only_6" && continue
		fi
		echo "#include <$h>" >>"$tmp/all$profile.c"
	done
	extra=
	[ $profile = 26 ] && extra=-DKSHIM_LINUX_VERSION_CODE=0x020623
	if ! $auxcc $kflags $extra -aux-info "$tmp/aux$profile" \
			"$tmp/all$profile.c" >"$tmp/cc$profile" 2>&1; then
		compile_err="$compile_err $profile"
	fi
	cat "$tmp/aux$profile" >>"$tmp/aux" 2>/dev/null
done

awk -v inc="$inc/" '
	# /* file:line:NC */ extern RESULT NAME (ARGS); /* K&R form */
	/^\/\* .*:[0-9]+:[NOI][CF] \*\/ extern / {
		loc = $2
		sub(/:[NOI][CF]$/, "", loc)
		if (index(loc, inc) != 1)
			next
		loc = substr(loc, length(inc) + 1)
		if (loc !~ /^(linux|asm|asm-generic|vdso|kunit)\//)
			next
		proto = $0
		sub(/^\/\* [^ ]* \*\/ extern /, "", proto)
		sub(/; \/\*.*$/, "", proto)
		if (match(proto, /\(\*[A-Za-z_][A-Za-z_0-9]* \(/)) {
			# a function returning a function pointer
			name = substr(proto, RSTART + 2, RLENGTH - 4)
			ret = "function pointer"
		} else if (match(proto, /[A-Za-z_][A-Za-z_0-9]* \(/)) {
			name = substr(proto, RSTART, RLENGTH - 2)
			ret = substr(proto, 1, RSTART - 1)
			sub(/ +$/, "", ret)
		} else {
			next
		}
		if (name in seen)
			next
		seen[name] = 1
		if (ret !~ /\*|function pointer/ &&
		    ret !~ /^(const )?(int|long int|long long int|short int|ssize_t|s32|s64|__s32|__s64|loff_t|long unsigned int)$/)
			next
		printf "%s|%s|%s\n", name, ret, loc
	}' "$tmp/aux" >"$tmp/funcs"

# 2. the registry
apis_ok=1
if [ ! -x "$apis_prog" ]; then
	apis_ok=0
	echo "$apis_prog not built (make check builds it)" >"$tmp/apis.err"
	: >"$tmp/apis"
elif ! "$apis_prog" >"$tmp/apis" 2>"$tmp/apis.err"; then
	apis_ok=0
fi

# 3. judge: the functions against the file's lines, the lines against the
# functions and the registry, the registry against the lines
awk -F'|' -v data="${FALLIBLE:-tests/fail/fallible.txt}" \
    -v compile_err="$compile_err" -v apis_ok="$apis_ok" \
    -v datafile="$data" -v apis_file="$tmp/apis" \
    -v apis_err="$tmp/apis.err" -v cc_out="$tmp/cc" '
function glob_re(g,    r) {
	r = g
	gsub(/\./, "\\.", r)
	gsub(/\*/, ".*", r)
	gsub(/\?/, ".", r)
	gsub(/\[!/, "[^", r)
	return "^" r "$"
}
# A result line; a "#" of the text is escaped (TAP reads a directive).
function result(ok, text, todo) {
	gsub(/#/, "\\#", text)
	out[++n] = (ok ? "ok " : "not ok ") n " - " text todo
}
function diag(text) {
	out[n] = out[n] "\n# " text
}
function dump(file, prefix,    l, k) {
	k = 0
	while ((getline l < file) > 0 && k++ < 20)
		diag(prefix l)
	close(file)
}
function known_apis(list,    k, m, a, bad) {
	m = split(list, a, ",")
	bad = ""
	for (k = 1; k <= m; k++) {
		named[a[k]] = 1
		if (!(a[k] in api))
			bad = bad " " a[k]
	}
	return bad
}
BEGIN {
	n = 0
	# the registry: "name err..."
	nreg = 0
	while ((getline l < apis_file) > 0) {
		split(l, w, " ")
		api[w[1]] = l
		reg[++nreg] = w[1]
	}
	close(apis_file)
	result(apis_ok && nreg > 0,
	       "the registry (tests/fail/fail_apis): " nreg " fallible APIs, each with the errors the kernel returns")
	if (!apis_ok || nreg == 0)
		dump(apis_err, "")
	split(compile_err, ce, " ")
	for (k = 1; k in ce; k++) {
		result(0, "every kernel-facing header compiles as kernel code, " \
		       (ce[k] == 26 ? "2.6.35" : "6.x") " profile")
		dump(cc_out ce[k], "")
	}
	# the file: pattern kind [reason]
	nl = 0
	lineno = 0
	while ((getline l < datafile) > 0) {
		lineno++
		if (l ~ /^[ \t]*(#|$)/)
			continue
		nl++
		pat[nl] = l
		sub(/[ \t].*/, "", pat[nl])
		rest = substr(l, length(pat[nl]) + 1)
		sub(/^[ \t]+/, "", rest)
		at[nl] = lineno
		kind[nl] = rest
		sub(/[ \t].*/, "", kind[nl])
		reason[nl] = substr(rest, length(kind[nl]) + 1)
		sub(/^[ \t]+/, "", reason[nl])
		re[nl] = glob_re(pat[nl])
		hits[nl] = 0
	}
	close(datafile)
}
# the functions: name|result|header:line
{
	name = $1
	for (i = 1; i <= nl; i++)
		if (name ~ re[i])
			break
	what = name " (" $3 ", returns " $2 ")"
	if (i > nl) {
		result(0, what ": in no line of " data)
		diag("add a line: \"" name " api:<api>\" (it checks a registered fault point), \"via:<api> <reason>\", \"never: <reason>\" or \"gap: <reason>\"")
		nunlisted++
		next
	}
	hits[i]++
	line = data ":" at[i]
	if (kind[i] ~ /^gap:/) {
		result(0, what ": " line ": fallible in the kernel, not injectable in kshim: " reason[i],
		       " # TODO make it injectable (issue 12)")
		ngap++
	} else {
		result(1, what ": " line ": " kind[i] (reason[i] != "" ? " " reason[i] : ""))
		if (kind[i] ~ /^api:/) napi++
		else if (kind[i] ~ /^via:/) nvia++
		else nnever++
	}
}
END {
	# each line: well formed, its APIs registered, matching a function
	for (i = 1; i <= nl; i++) {
		line = data ":" at[i] " (" pat[i] " " kind[i] ")"
		bad = ""
		if (kind[i] ~ /^(api|via):./) {
			bad = known_apis(substr(kind[i], 5))
			if (bad != "")
				bad = "; not a registered API:" bad
			if (kind[i] ~ /^api:.*,/)
				bad = bad "; api: names one API"
			if (kind[i] ~ /^via:/ && reason[i] == "")
				bad = bad "; no reason"
		} else if (kind[i] == "never:" || kind[i] == "gap:") {
			if (reason[i] == "")
				bad = "; no reason"
		} else {
			bad = "; not api:<api>, via:<api>[,<api>...] <reason>, never: <reason> or gap: <reason>"
		}
		if (bad != "") {
			result(0, line ":" substr(bad, 2))
		} else if (!hits[i]) {
			result(0, line ": matches no exported function (stale, or an earlier line took them all)")
		} else {
			result(1, line ": " hits[i] " function" (hits[i] > 1 ? "s" : ""))
		}
	}
	# each registered API is named
	for (k = 1; k <= nreg; k++) {
		if (reg[k] in named)
			result(1, "registered API " api[reg[k]] ": named by " data)
		else
			result(0, "registered API " api[reg[k]] ": named by no api: or via: line of " data)
	}
	print "1.." n
	for (k = 1; k <= n; k++)
		print out[k]
	printf "# %d functions: %d registered (api:), %d through a registered API (via:), %d never fail, %d gaps, %d unlisted\n",
	       napi + nvia + nnever + ngap + nunlisted, napi, nvia, nnever,
	       ngap, nunlisted
}' "$tmp/funcs"
