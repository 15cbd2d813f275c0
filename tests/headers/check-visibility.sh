#!/bin/sh
# check-visibility.sh - every kernel header kshim provides compiles alone,
# as kernel code (-nostdinc), in the 6.x and the 2.6.3x profile, and makes
# visible what the kernel's header of the same path makes visible (the
# names in visibility-6.1.txt, derived from Linux 6.1 by
# derive-visibility.py; in the 2.6.35 profile those of
# visibility-2.6.35.txt).  In host code (kshim's own, the tests) all of
# them share a translation unit with the C library's headers, in either
# order.  Every header is also installed (listed in a *_HEADERS variable
# of the Makemodule.am files).
#
# Environment: CC (default cc), abs_top_srcdir.  Output is TAP.

top=${abs_top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
CC=${CC:-cc}
inc=${KSHIM_INCLUDE:-$top/compat/include}
list=$top/tests/headers/visibility-6.1.txt
list26=$top/tests/headers/visibility-2.6.35.txt
tmp=${TMPDIR:-/tmp}/kshim-vis.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

ccinc=$($CC -print-file-name=include)
kflags="-std=gnu11 -fno-strict-aliasing -fno-common -D__KERNEL__ -nostdinc
	-isystem $ccinc -I $inc -I $inc/uapi -include $inc/kshim/kconfig.h
	-DKBUILD_MODNAME=\"probe\" -fsyntax-only -fmax-errors=0"

headers=$(cd "$inc" && find linux asm asm-generic vdso -name '*.h' | LC_ALL=C sort)
every=$(cd "$inc" && find . -name '*.h' | sed 's|^\./||' | LC_ALL=C sort)
# Headers that do not compile alone in 6.1 either (the kernel's own are
# included through another header, or are version-specific).
not_alone=$(sed -n 's/^# \([^:]*\): does not compile alone in 6.1$/\1/p' "$list")
# Headers of one profile only (page_ref.h from 4.6, highmem-internal.h
# from 5.11; the typed kmap slots until 5.10).
only_6="linux/highmem-internal.h linux/page_ref.h"
only_26="asm/kmap_types.h asm-generic/kmap_types.h"

# The C library headers a host-side test may include.
libc="assert.h ctype.h errno.h fcntl.h float.h inttypes.h limits.h locale.h
	math.h pthread.h sched.h setjmp.h signal.h stdarg.h stdbool.h stddef.h
	stdint.h stdio.h stdlib.h string.h strings.h time.h unistd.h
	sys/ioctl.h sys/mman.h sys/param.h sys/resource.h sys/stat.h
	sys/syscall.h sys/sysinfo.h sys/time.h sys/types.h sys/uio.h sys/wait.h"
# Host code: the flags kshim's own code and the tests build with.
hflags="-std=gnu11 -D_GNU_SOURCE -I $inc -Wall -Werror -fsyntax-only"

n=0
total=$(( $(echo "$headers" | wc -l) * 2 + $(echo "$every" | wc -l) + 3 ))
echo "1..$total"

ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
member() { case " $(echo $2) " in *" $1 "*) return 0;; esac; return 1; }

# A translation unit that includes header $1 and uses each name after it:
# a macro must be defined, anything else declared.
write_probe() {
	local h=$1 s
	shift
	echo "#include <$h>"
	for s; do
		printf '#if !defined(%s)\nextern __typeof__(%s) *__probe_%s;\n#endif\n' \
			"$s" "$s" "$s"
	done
}

# Print the names the compiler output $1 says are missing, or the output.
why() {
	local missing
	missing=$(sed -n "s/.*__probe_\([A-Za-z0-9_]*\).*/\1/p" "$1" |
		sort -u | tr '\n' ' ')
	if [ -n "$missing" ]; then
		echo "# missing: $missing"
	else
		sed 's/^/# /' "$1" | head -20
	fi
}

# 1. every header (uapi/ and kshim/ too) is installed
for h in $every; do
	if grep -q "compat/include/$h\( \|\$\)" "$top"/compat/Makemodule.am \
		"$top"/compat/*/Makemodule.am 2>/dev/null; then
		ok "$h: installed"
	else
		notok "$h: installed"
		echo "# not listed in any *_HEADERS of compat/**/Makemodule.am"
	fi
done

# 2. host code: every header that compiles alone shares a translation
# unit with the C library's, before or after them, without a warning
kernel_first=$tmp/kernel_first.c
libc_first=$tmp/libc_first.c
: >"$kernel_first"
: >"$libc_first"
for h in $libc; do
	echo "#include <$h>" >>"$libc_first"
done
for h in $headers; do
	member "$h" "$not_alone $only_6 $only_26" && continue
	echo "#include <$h>" >>"$kernel_first"
	echo "#include <$h>" >>"$libc_first"
done
for h in $libc; do
	echo "#include <$h>" >>"$kernel_first"
done
for order in libc_first kernel_first; do
	if $CC $hflags "$tmp/$order.c" >"$tmp/out" 2>&1; then
		ok "host code: every header with the C library's, $order"
	else
		notok "host code: every header with the C library's, $order"
		sed 's/^/# /' "$tmp/out" | head -20
	fi
done

# 3. what kbuild's forced includes show every kernel file
names=$(sed -n "s|^<forced>: ||p" "$list")
write_probe kshim/kconfig.h $names >"$tmp/probe.c"
if $CC $kflags "$tmp/probe.c" >"$tmp/out" 2>&1; then
	ok "no header: $(echo $names | wc -w) names the forced includes show"
else
	notok "no header: the names the forced includes show"
	why "$tmp/out"
fi

for h in $headers; do
	# 4. the 6.x profile: alone, with the kernel's names
	names=$(sed -n "s|^$h: ||p" "$list")
	probe=$tmp/probe.c
	write_probe "$h" $names >"$probe"
	if member "$h" "$not_alone"; then
		ok "$h: 6.x # SKIP does not compile alone in Linux 6.1 either"
	elif $CC $kflags "$probe" >"$tmp/out" 2>&1; then
		ok "$h: 6.x alone, $(echo $names | wc -w) names the kernel's shows"
	else
		notok "$h: 6.x alone, with the names the kernel's shows"
		why "$tmp/out"
	fi

	# 5. the 2.6.3x profile: alone, with that era's names where listed
	names=$(sed -n "s|^$h: ||p" "$list26")
	write_probe "$h" $names >"$probe"
	if member "$h" "$only_6"; then
		ok "$h: 2.6.35 # SKIP not a 2.6.3x header"
	elif $CC $kflags -DKSHIM_LINUX_VERSION_CODE=0x020623 "$probe" \
			>"$tmp/out" 2>&1; then
		ok "$h: 2.6.35 alone${names:+, with the names of that era}"
	elif member "$h" "$not_alone" && ! member "$h" "$only_26"; then
		ok "$h: 2.6.35 # SKIP not self-contained in the kernel"
	else
		notok "$h: 2.6.35 alone"
		why "$tmp/out"
	fi
done
exit 0
