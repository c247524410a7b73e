# Kernel-aware gdb commands for Kestrel (Linux's scripts/gdb/vmlinux-gdb.py):
# `make debug` loads this file with -x; by hand, `source tools/gdb/kestrel-gdb.py`
# after `file build/kernel.elf`. Commands: kx-ps, kx-task, kx-dmesg, kx-trace
# (`help kx-ps`...). They read the kernel's memory; only kx-trace runs kernel
# code, the trace formatter, on the stopped CPU.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import kestrel.utils  # noqa: F401
except ImportError as e:
    import gdb
    gdb.write(f"kestrel: the gdb commands are not loaded: {e}\n", gdb.STDERR)
else:
    import kestrel.tasks  # noqa: F401
    import kestrel.dmesg  # noqa: F401
    import kestrel.trace  # noqa: F401
