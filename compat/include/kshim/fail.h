/*
 * kshim/fail.h - page allocation fault injection (placeholder).
 */
#ifndef _KSHIM_FAIL_H
#define _KSHIM_FAIL_H
#endif /* _KSHIM_FAIL_H */
