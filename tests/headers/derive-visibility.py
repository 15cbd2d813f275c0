#!/usr/bin/env python3
"""derive-visibility.py - what the kernel makes visible through each header.

For every header kshim provides (compat/include/{linux,asm,asm-generic}),
this preprocesses a translation unit that includes only the kernel's header
of the same path, exactly as kbuild would for an x86-64 module (the real
Debian 6.1 configuration: include/generated/autoconf.h and the generated
asm headers of linux-headers-<ver>-amd64, forced kconfig.h and
compiler_types.h, -nostdinc), and collects the names the driver can then
use: macros (gcc -dM) and file-scope functions, variables, typedefs and
enumerators (universal-ctags over the preprocessed text).  The names that
kshim provides somewhere (the same extraction over kshim's headers) are
kept; the rest is API kshim does not model, which must stay absent.

The result, tests/headers/visibility-6.1.txt, lists per header the names
a driver including only that header must see; check-visibility.sh checks
it in make check.  Run this again when a header is added:

  tests/headers/derive-visibility.py KSRC KGEN > tests/headers/visibility-6.1.txt

KSRC: a kernel source tree (Debian: apt-get download linux-source-6.1);
KGEN: the matching linux-headers-<ver>-amd64 tree (apt-get download
linux-headers-6.1.0-NN-amd64), for the generated headers.  Names listed in
tests/headers/visibility-exceptions.txt are left out, each with its reason
(header and name are shell patterns).
"""
import fnmatch
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
KSHIM_INC = os.path.join(TOP, 'compat', 'include')
CC = os.environ.get('CC', 'gcc')
CCINC = subprocess.check_output([CC, '-print-file-name=include'],
                                text=True).strip()
# Header directories kshim mirrors; kshim/ is the test side, uapi/ is
# reached through them.
DIRS = ('linux', 'asm', 'asm-generic', 'vdso')


def kernel_flags(ksrc, kgen):
    inc = ['arch/x86/include', None, 'include', 'arch/x86/include/uapi',
           None, 'include/uapi', None]
    gen = {1: 'arch/x86/include/generated', 4:
           'arch/x86/include/generated/uapi', 6: 'include/generated/uapi'}
    flags = ['-nostdinc', '-isystem', CCINC]
    for i, d in enumerate(inc):
        flags += ['-I', os.path.join(kgen, gen[i]) if d is None
                  else os.path.join(ksrc, d)]
    flags += ['-I', os.path.join(kgen, 'include'),
              '-include', os.path.join(ksrc, 'include/linux/compiler-version.h'),
              '-include', os.path.join(ksrc, 'include/linux/kconfig.h'),
              '-include', os.path.join(ksrc, 'include/linux/compiler_types.h'),
              '-D__KERNEL__', '-DMODULE', '-DKBUILD_MODNAME="probe"',
              '-DKBUILD_BASENAME="probe"', '-std=gnu11']
    return flags


def kshim_flags():
    return ['-nostdinc', '-isystem', CCINC, '-I', KSHIM_INC,
            '-I', os.path.join(KSHIM_INC, 'uapi'),
            '-include', os.path.join(KSHIM_INC, 'kshim/kconfig.h'),
            '-D__KERNEL__', '-DKBUILD_MODNAME="probe"', '-std=gnu11']


def ignored(name):
    # kshim's own names, configuration, include guards
    return (name.startswith(('__kshim', '_KSHIM', 'kshim_', 'KSHIM_',
                             'CONFIG_', '__UNIQUE_ID', '_UAPI'))
            or re.match(r'^[A-Z0-9_]*_(H|H_|H__|T)$', name) is not None)


def names(flags, header, tmp):
    """Macros and file-scope declarations visible after #include <header>."""
    src = os.path.join(tmp, 'probe.c')
    with open(src, 'w') as f:
        f.write('#include <%s>\n' % header if header else '\n')
    # a header that does not compile alone names nothing
    if header and subprocess.run([CC, '-fsyntax-only', '-w'] + flags + [src],
                                 capture_output=True).returncode:
        return None
    macros = subprocess.run([CC, '-E', '-dM'] + flags + [src], text=True,
                            capture_output=True, check=True)
    out = set()
    for line in macros.stdout.splitlines():
        m = re.match(r'#define ([A-Za-z_]\w*)', line)
        if m:
            out.add(m.group(1))
    pre = os.path.join(tmp, 'probe.i')
    subprocess.run([CC, '-E', '-P', '-o', pre] + flags + [src], check=True)
    tags = subprocess.run(['ctags', '-x', '--language-force=C',
                           '--kinds-C=fptevx', '-f', '-', pre], text=True,
                          capture_output=True, check=True)
    for line in tags.stdout.splitlines():
        out.add(line.split()[0])
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ksrc, kgen = sys.argv[1:]
    kflags = kernel_flags(ksrc, kgen)
    exceptions = set()
    with open(os.path.join(HERE, 'visibility-exceptions.txt')) as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                exceptions.add(tuple(line.split()[:2]))
    def excepted(h, n):
        return any(fnmatch.fnmatchcase(h, eh) and fnmatch.fnmatchcase(n, en)
                   for eh, en in exceptions)

    headers = []
    for d in DIRS:
        for root, _, files in os.walk(os.path.join(KSHIM_INC, d)):
            for fn in files:
                if fn.endswith('.h'):
                    headers.append(os.path.relpath(os.path.join(root, fn),
                                                   KSHIM_INC))
    headers.sort()
    with tempfile.TemporaryDirectory() as tmp:
        predefined = names(['-nostdinc', '-std=gnu11'], None, tmp)
        forced = names(kflags, None, tmp) - predefined
        provided = set()
        alone = {}
        for h in headers:
            alone[h] = names(kshim_flags(), h, tmp)
            if alone[h] is not None:
                provided |= alone[h]
        provided -= predefined
        print('# Names a driver sees through each header in Linux 6.1 (x86-64,')
        print('# Debian amd64 config) that kshim provides somewhere: generated by')
        print('# tests/headers/derive-visibility.py; see that file for how.')
        print('# "header: name..."; "<forced>" is what kbuild\'s forced includes')
        print('# (kconfig.h, compiler_types.h) make visible everywhere.')
        want = sorted(n for n in forced & provided if not ignored(n)
                      and not excepted('<forced>', n))
        print('<forced>: ' + ' '.join(want))
        for h in headers:
            kern = names(kflags, h, tmp)
            if kern is None:
                # not in 6.1, or not self-contained there either
                print('# %s: does not compile alone in 6.1' % h)
                continue
            if alone[h] is None:
                print('# %s: kshim\'s does not compile alone' % h,
                      file=sys.stderr)
            want = sorted(n for n in (kern - forced) & provided
                          if not ignored(n) and not excepted(h, n))
            print('%s: %s' % (h, ' '.join(want)))


if __name__ == '__main__':
    main()
