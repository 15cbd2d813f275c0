/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* uapi/asm/poll.h - x86 has the generic poll bits (6.1). */
#include <uapi/asm-generic/poll.h>
