"""kx-dmesg: the kernel's log buffer, as dmesg prints it (Linux's
scripts/gdb/linux/dmesg.py, lx-dmesg). The buffer (kernel/printk.c) holds the
last LOG_BUF_LEN bytes of "<level>[time] text" lines; log_end counts every byte
ever logged and log_first is the oldest still held."""
import re

import gdb

from kestrel import utils


def log_text():
    buf = utils.static_value("log_buf")
    size = buf.type.sizeof
    first = int(utils.static_value("log_first"))
    end = int(utils.static_value("log_end"))
    start = int(buf.address)
    inferior = gdb.selected_inferior()
    chunks = []
    while first < end:
        off = first % size
        n = min(end - first, size - off)
        chunks.append(bytes(inferior.read_memory(start + off, n)))
        first += n
    return b"".join(chunks).decode("utf-8", "replace")


class KxDmesg(utils.KernelCommand):
    """Print the kernel log buffer, as dmesg does (without the <level> prefixes).

kx-dmesg"""

    def __init__(self):
        super().__init__("kx-dmesg", gdb.COMMAND_DATA)

    def invoke_kernel(self, arg, cpu):
        gdb.write(re.sub(r"^<\d>", "", log_text(), flags=re.M))


KxDmesg()
