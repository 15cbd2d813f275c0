/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* uapi/linux/poll.h - the architecture's poll bits (6.1). */
#include <uapi/asm/poll.h>
