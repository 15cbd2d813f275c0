#!/bin/sh
# compile-fail.sh - check that misuses of the kernel headers are refused.
#
# Every tests/compile-fail/*.c must fail to compile, and every
# tests/compile-warn/*.c must compile with a warning that -Werror turns
# into a failure.  The first line of each file is
#	/* expect: <text> */
# and <text> must appear in the compiler's diagnostics (gcc and clang
# alike).  Files are built with the kernel-code flags plus -Werror.
#
# Environment: CC (default cc), KSHIM_INCLUDE (default
# <this dir>/../compat/include).  Output is TAP; the exit status is 0
# whatever the results (TAP carries them), 99 when the setup is broken.

srcdir=$(dirname "$0")
CC=${CC:-cc}
KSHIM_INCLUDE=${KSHIM_INCLUDE:-$srcdir/../compat/include}

if [ ! -f "$KSHIM_INCLUDE/kshim/kconfig.h" ]; then
	echo "Bail out! no kshim/kconfig.h under $KSHIM_INCLUDE"
	exit 99
fi

# As kbuild: -nostdinc, kshim's include/ and include/uapi, the compiler's
# own headers.
ccinc=$($CC -print-file-name=include)
kflags="-std=gnu11 -fno-strict-aliasing -fno-common -D__KERNEL__
	-include $KSHIM_INCLUDE/kshim/kconfig.h -Wall -Wundef
	-nostdinc -isystem $ccinc -I $KSHIM_INCLUDE -I $KSHIM_INCLUDE/uapi"

tmp=${TMPDIR:-/tmp}/kshim-compile-fail.$$
trap 'rm -f "$tmp.out" "$tmp.o"' EXIT
trap 'exit 1' INT TERM

files=
for f in "$srcdir"/compile-fail/*.c "$srcdir"/compile-warn/*.c; do
	[ -f "$f" ] && files="$files $f"
done
set -- $files
echo "1..$#"

# Print each line of file $1 as a TAP diagnostic.
diag() {
	sed 's/^/# /' "$1"
}

n=0
for f in "$@"; do
	n=$((n + 1))
	kind=$(basename "$(dirname "$f")")
	name="$kind: $(basename "$f")"
	expect=$(sed -n '1s/^\/\* expect: \(.*\) \*\/[[:space:]]*$/\1/p' "$f")
	if [ -z "$expect" ]; then
		echo "not ok $n - $name"
		echo "# first line is not /* expect: <text> */"
		continue
	fi

	# shellcheck disable=SC2086
	if $CC $kflags -Werror -c -o "$tmp.o" "$f" >"$tmp.out" 2>&1; then
		echo "not ok $n - $name"
		echo "# compiled, but must fail (expected: $expect)"
		continue
	fi
	if ! grep -F -e "$expect" "$tmp.out" >/dev/null; then
		echo "not ok $n - $name"
		echo "# failed, but without \"$expect\":"
		diag "$tmp.out"
		continue
	fi

	# A compile-warn case must build without -Werror, still warning.
	if [ "$kind" = compile-warn ]; then
		# shellcheck disable=SC2086
		if ! $CC $kflags -c -o "$tmp.o" "$f" >"$tmp.out" 2>&1; then
			echo "not ok $n - $name"
			echo "# must only warn, but failed without -Werror:"
			diag "$tmp.out"
			continue
		fi
		if ! grep -F -e "$expect" "$tmp.out" >/dev/null; then
			echo "not ok $n - $name"
			echo "# no \"$expect\" warning without -Werror:"
			diag "$tmp.out"
			continue
		fi
	fi
	echo "ok $n - $name"
done
exit 0
