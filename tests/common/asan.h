/*
 * tests/common/asan.h - ASAN_BUILD: 1 when this file is compiled with
 * AddressSanitizer (gcc's __SANITIZE_ADDRESS__ or clang's feature), for
 * tests whose expectations differ when ASan watches memory itself.
 */
#ifndef _TESTS_ASAN_H
#define _TESTS_ASAN_H

#if defined(__SANITIZE_ADDRESS__)
#define ASAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASAN_BUILD 1
#endif
#endif
#ifndef ASAN_BUILD
#define ASAN_BUILD 0
#endif

#endif /* _TESTS_ASAN_H */
