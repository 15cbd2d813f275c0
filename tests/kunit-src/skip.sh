#!/bin/sh
# The kernel's own KUnit suites need a Linux 6.1 source tree.
echo "1..0 # SKIP configure --with-linux-source=DIR (a Linux 6.1 tree) to run the kernel's own KUnit suites"
