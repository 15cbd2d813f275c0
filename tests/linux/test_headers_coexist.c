/*
 * test_headers_coexist.c - the C library's headers first, then every
 * "pure" compat header: the two must share a translation unit without
 * errors or warnings, and the libc values must survive.  The reverse
 * order is in test_headers_coexist_rev.c.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/param.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/compiler_attributes.h>
#include <linux/compiler_types.h>
#include <linux/const.h>
#include <linux/cpu.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqreturn.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/percpu.h>
#include <linux/rational.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/typecheck.h>
#include <linux/types.h>
#include <linux/version.h>

int kshim_headers_coexist(void);

/* libc's errno values are intact, the kernel-only ones are added. */
_Static_assert(ENOMEM == 12, "ENOMEM lost");
_Static_assert(EINVAL == 22, "EINVAL lost");
_Static_assert(EAGAIN == 11 && EWOULDBLOCK == EAGAIN, "EAGAIN lost");
_Static_assert(EHWPOISON == 133, "EHWPOISON lost");
_Static_assert(ERESTARTSYS == 512, "ERESTARTSYS");
_Static_assert(EPROBE_DEFER == 517, "EPROBE_DEFER");
_Static_assert(ENOTSUPP == 524 && ENOTSUPP != EOPNOTSUPP, "ENOTSUPP");
_Static_assert(ENOGRACE == 531, "ENOGRACE");

/* <limits.h> still has the host's file limits and the C limits. */
_Static_assert(PATH_MAX == 4096, "PATH_MAX lost");
_Static_assert(NAME_MAX == 255, "NAME_MAX lost");
_Static_assert(INT_MAX == 2147483647 && INT_MIN == -INT_MAX - 1, "INT");
_Static_assert(LONG_MAX == 9223372036854775807L, "LONG_MAX");
_Static_assert(UINT_MAX == 4294967295U, "UINT_MAX");
_Static_assert(SIZE_MAX == ~(size_t)0, "SIZE_MAX");
_Static_assert(U8_MAX == 255 && S8_MIN == -128, "U8/S8");
_Static_assert(U16_MAX == 65535 && S16_MAX == 32767, "U16/S16");
_Static_assert(U32_MAX == 0xffffffffU && S32_MIN == INT_MIN, "U32/S32");
_Static_assert(U64_MAX == ~0ULL && S64_MAX == LLONG_MAX, "U64/S64");
#if PATH_MAX != 4096 || INT_MAX != 2147483647 || SIZE_MAX == 0
#error "limits are not usable in #if"
#endif

/* Kernel and libc types agree where both exist. */
_Static_assert(__same_type(loff_t, off_t), "loff_t");
_Static_assert(__same_type(size_t, unsigned long), "size_t");
_Static_assert(__same_type(ssize_t, long), "ssize_t");
_Static_assert(sizeof(u8) == 1 && sizeof(u16) == 2 && sizeof(u32) == 4 &&
	       sizeof(u64) == 8 && sizeof(s64) == 8, "fixed widths");
_Static_assert(sizeof(dma_addr_t) == 8 && sizeof(phys_addr_t) == 8,
	       "address types");
_Static_assert(sizeof(struct sysinfo) > 0, "struct sysinfo");

/* The kernel's one-argument static_assert (ours was included last). */
static_assert(BITS_PER_LONG == 64);
static_assert(LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 0), "version");

int kshim_headers_coexist(void)
{
	char buf[8];
	int a = 3, b = 4;

	BUILD_BUG_ON(sizeof(atomic_t) != sizeof(int));
	BUILD_BUG_ON(ARRAY_SIZE(buf) != 8);
	if (abs(-3) != 3 || labs(-3L) != 3 || min(a, b) != 3)
		return 1;
	if (roundup(5, 4) != 8 || strscpy(buf, "hello") != 5)
		return 1;
	if (isdigit((unsigned char)buf[0]) || errno < 0)
		return 1;
	return 0;
}
