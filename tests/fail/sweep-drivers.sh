#!/bin/sh
# sweep-drivers.sh - every driver under test, swept: each test program
# that drives one runs with --sweep (each fallible call of each test
# failed in turn) and must show no failure-path bug.  Output: TAP, the
# programs' runs renumbered into one stream, each named after its program.
#
# Environment: abs_top_builddir (default .), as make check sets it.
b=${abs_top_builddir:-.}
n=0
out=${TMPDIR:-/tmp}/kshim-sweep.$$
trap 'rm -f "$out" "$out.err" "$out.n"' EXIT

for prog in "tests/drivers/test_demo" "tests/highmem/test_hmbuf" \
	    "tests/kunit/hmbuf_kunit" "tests/irq/test_race irqcount" \
	    "tests/fail/test_errpath errpath:probe_and_remove" \
	    "tests/drivers/test_wdog wdog:load_unload" \
	    "tests/drivers/test_scullp scullp:load_unload"; do
	set -- $prog
	exe=$1
	shift
	if [ ! -x "$b/$exe" ]; then
		echo "Bail out! $b/$exe is not built"
		exit 99
	fi
	KSHIM_OUTPUT=tap "$b/$exe" --sweep "$@" >"$out" 2>"$out.err"
	rc=$?
	if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
		echo "Bail out! $exe --sweep $* exited with status $rc"
		sed 's/^/# /' "$out.err"
		exit 99
	fi
	awk -v n="$n" -v prog="$exe" -v nfile="$out.n" '
		/^(not )?ok [0-9]+ - / {
			n++
			sub(/ok [0-9]+ - /, "ok " n " - " prog " ")
			print
			next
		}
		/^# / { print }
		END { print n > nfile }' "$out"
	n=$(cat "$out.n")
done
echo "1..$n"
