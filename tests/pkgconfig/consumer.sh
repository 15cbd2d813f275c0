#!/usr/bin/env bash
# tests/pkgconfig/consumer.sh PREFIX FLAVOUR OUTDIR [BUILDDIR]
#
# An out-of-tree user of an installed kshim, as the README's "Testing your
# own driver out of tree" tells it: drivers compiled as kernel code with
# `pkg-config --variable=kernel_cflags kshim<-flavour>` and nothing else,
# tests with --cflags/--libs, everything with the compiler the flavour was
# built with (--variable=cc).  FLAVOUR is plain (kshim.pc), asan
# (kshim-asan.pc), tsan (kshim-tsan.pc) or ubsan (kshim-ubsan.pc),
# installed in PREFIX, possibly side by side; BUILDDIR (optional) is the
# flavour's build tree, for its kshim<-flavour>-uninstalled.pc.  .ci/run
# runs it for every flavour; `make installcheck` (so distcheck) for the
# build's own.
#
# Prints one TAP line per check ("ok N - ..." / "not ok N - ..."), then the
# plan; exits 1 if a check failed.
#   all flavours  the .pc carries the flavour's flags in every variable;
#                 kshimincludedir is right under --define-prefix; the hello
#                 driver (kernel_cflags only: no -I by hand) passes its
#                 CUnit tests and its KUnit suite (correct code is silent
#                 under the flavour's checker too) and its WARN's call trace
#                 names the driver's line.
#   plain         a clang-built driver against a gcc-built kshim still gets
#                 its lines in traces (no .debug_aranges); under valgrind
#                 the buggy driver's read of a freed page is an "Invalid
#                 read" naming buggy.c's line.  (helgrind sees its data
#                 race in most runs only, as valgrind's interleaving may
#                 order the two writes: not asserted.)
#   asan          the same read is AddressSanitizer's use-after-poison
#                 naming buggy.c's line (a plain kshim cannot see it: it
#                 does not poison freed pages for ASan).
#   tsan          ThreadSanitizer reports the buggy driver's data race
#                 between its interrupt handler and process context, with
#                 both of buggy.c's lines.
set -u
prefix=$1 flavour=$2 out=$3 builddir=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
n=0
failed=0

check() {
	local what=$1; shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $flavour: $what"
	else
		echo "not ok $n - $flavour: $what"
		failed=$((failed + 1))
	fi
}

case $flavour in
plain|none) flavour=plain name=kshim san=none sanflag= ;;
asan) name=kshim-asan san=asan sanflag=-fsanitize=address ;;
tsan) name=kshim-tsan san=tsan sanflag=-fsanitize=thread ;;
ubsan) name=kshim-ubsan san=ubsan sanflag=-fsanitize=undefined ;;
*) echo "usage: $0 PREFIX plain|asan|tsan|ubsan OUTDIR [BUILDDIR]" >&2
   exit 99 ;;
esac

export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
# The .pc files say the configured prefix: let pkg-config use where they are.
pc="pkg-config --define-prefix"
mkdir -p "$out" && cd "$out" || exit 99
if ! $pc --exists "$name"; then
	check "$name.pc is installed in $prefix" false
	echo "1..$n"
	exit 1
fi
cc=$($pc --variable=cc "$name")
kcflags=$($pc --variable=kernel_cflags "$name")
cflags=$($pc --cflags "$name")
libs=$($pc --libs "$name")
line_of() { grep -n "$1" "$here/$2" | head -1 | cut -d: -f1; }

# --- the .pc itself ---------------------------------------------------------
has_san() {
	if [ -n "$sanflag" ]; then
		case " $1 " in *" $sanflag"*) return 0 ;; esac
		return 1
	fi
	case " $1 " in *-fsanitize=*) return 1 ;; esac
	return 0
}
check "sanitizer variable is $san" \
	test "$($pc --variable=sanitizer "$name")" = "$san"
check "kernel_cflags carries ${sanflag:-no sanitizer}" has_san "$kcflags"
check "Cflags carries ${sanflag:-no sanitizer}" has_san "$cflags"
check "Libs carries ${sanflag:-no sanitizer}" has_san "$libs"
check "Libs links libkshim${name#kshim}" \
	eval 'case " $libs " in *" -lkshim${name#kshim} "*) true;; *) false;; esac'
check "kshimincludedir is $prefix/include/kshim under --define-prefix" \
	test "$($pc --variable=kshimincludedir "$name")" = \
	"$(cd "$prefix" && pwd)/include/kshim"

# --- a correct driver: silent, its lines in reports ---------------------------
warn_line=$(line_of 'WARN_ON(' hello.c)
# the driver: kernel code, flags from pkg-config only (no -I by hand)
build_hello() {
	$cc $kcflags -DKBUILD_MODNAME='"hello"' -c "$here/hello.c" -o hello.o &&
		$cc $cflags -c "$here/test_hello.c" -o test_hello.o &&
		$cc test_hello.o hello.o $libs -o test_hello
}
check "hello builds with kernel_cflags, --cflags, --libs only" build_hello
run_hello() {
	KSHIM_OUTPUT=tap ./test_hello >hello.tap 2>hello.err || return 1
	[ "$(grep -c '^ok ' hello.tap)" -eq 3 ] &&
		! grep -q '^not ok' hello.tap
}
check "test_hello passes (3 tests)" run_hello
check "its WARN's call trace names hello.c:$warn_line" \
	grep -Eq "hello_greet\+0x[0-9a-f]+/0x[0-9a-f]+ .*hello\.c:$warn_line\$" \
	hello.err hello.tap
build_kunit() {
	$cc $kcflags -DKBUILD_MODNAME='"hello_kunit"' \
		-c "$here/hello_kunit.c" -o hello_kunit.o &&
		$cc hello_kunit.o hello.o $libs -o hello_kunit
}
check "hello's KUnit suite builds (no main of its own)" build_kunit
check "hello's KUnit suite passes" \
	eval './hello_kunit 2>/dev/null | grep -q "^ok 1 hello\$"'
if [ -n "$builddir" ]; then
	build_uninstalled() {
		local upc="pkg-config" u=$name
		PKG_CONFIG_PATH=$builddir $upc --exists "$u" &&
			$cc $(PKG_CONFIG_PATH=$builddir $upc --cflags "$u") \
				"$here/test_hello.c" hello.o \
				$(PKG_CONFIG_PATH=$builddir $upc --libs "$u") \
				-o test_hello_uninstalled &&
			KSHIM_OUTPUT=tap ./test_hello_uninstalled \
				>uninstalled.tap 2>/dev/null &&
			[ "$(grep -c '^ok ' uninstalled.tap)" -eq 3 ]
	}
	check "test_hello passes against the build tree ($name-uninstalled.pc)" \
		build_uninstalled
fi

# --- the buggy driver: each checker names the driver's lines --------------------
uaf_line=$(line_of '/\* BUG-UAF' buggy.c)
irq_line=$(line_of '/\* BUG-RACE-IRQ' buggy.c)
poke_line=$(line_of '/\* BUG-RACE-POKE' buggy.c)
build_buggy() {
	$cc $kcflags -DKBUILD_MODNAME='"buggy"' -c "$here/buggy.c" -o buggy.o &&
		$cc $cflags -I"$here" -c "$here/test_buggy.c" -o test_buggy.o &&
		$cc test_buggy.o buggy.o $libs -o test_buggy
}
check "buggy builds with kernel_cflags, --cflags, --libs only" build_buggy
# "fails with": the run fails and its output has every pattern
fails_with() {
	local log=$1; shift
	local rc=0 p
	"$@" >"$log" 2>&1 && rc=1
	for p in "${patterns[@]}"; do
		grep -Eq -- "$p" "$log" || { rc=1; echo "# no '$p' in $log"; }
	done
	[ $rc -eq 0 ] || sed -n '1,60s/^/# /p' "$log"
	return $rc
}

case $flavour in
plain)
	# A driver built by clang against a gcc-built kshim: gcc rejects
	# -gdwarf-aranges, so kernel_cflags cannot carry it; kshim finds the
	# lines without .debug_aranges.
	if command -v clang >/dev/null && [ "$cc" != clang ]; then
		cross() {
			clang $kcflags -DKBUILD_MODNAME='"hello"' \
				-c "$here/hello.c" -o hello_clang.o &&
				clang test_hello.o hello_clang.o $libs \
					-o test_hello_clang &&
				./test_hello_clang >clang.out 2>&1
			grep -Eq "hello_greet\+0x[0-9a-f]+/0x[0-9a-f]+ .*hello\.c:$warn_line\$" clang.out
		}
		check "a clang-built driver's call trace names hello.c:$warn_line" cross
	fi
	if command -v valgrind >/dev/null; then
		patterns=("Invalid read of size 1" "buggy_peek_freed \(buggy\.c:$uaf_line\)")
		check "valgrind: the read after free is an Invalid read at buggy.c:$uaf_line" \
			fails_with valgrind-uaf.log valgrind -q --error-exitcode=1 \
			./test_buggy buggy.use_after_free
		check "valgrind: test_hello is clean" \
			eval 'valgrind -q --error-exitcode=1 ./test_hello >valgrind-hello.log 2>&1'
	fi
	;;
asan)
	patterns=("ERROR: AddressSanitizer: use-after-poison"
		  "#[0-9]+ 0x[0-9a-f]+ in buggy_peek_freed .*buggy\.c:$uaf_line:")
	check "ASan: the read after free is a use-after-poison at buggy.c:$uaf_line" \
		fails_with asan-uaf.log ./test_buggy buggy.use_after_free
	check "ASan: the correct part of buggy is silent" \
		eval './test_buggy buggy.irq_race >asan-race.log 2>&1'
	;;
tsan)
	patterns=("WARNING: ThreadSanitizer: data race"
		  "#[0-9]+ buggy_interrupt .*buggy\.c:$irq_line:"
		  "#[0-9]+ buggy_poke .*buggy\.c:$poke_line:")
	check "TSan: the data race names buggy.c:$irq_line and :$poke_line" \
		fails_with tsan-race.log ./test_buggy buggy.irq_race
	;;
esac

echo "1..$n"
[ $failed -eq 0 ]
