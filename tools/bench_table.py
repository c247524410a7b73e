#!/usr/bin/env python3
"""Put the bench figures of one `make bench` run side by side.

  tools/bench_table.py LINUX.log OURS.log OURS_SMP.log OUT.txt

Each log is a console capture holding `bench <op> ... min_ns_per_op=<ns>`
lines, printed by the same bench ELF: Linux 6.1 and this kernel with
maxcpus=1, and this kernel on four CPUs. Prints one table (operation,
Linux ns, ours ns, Linux/ours, ours on four CPUs) and writes OUT.txt with
one row per operation: `<op> linux_ns=<n> ours_ns=<n> ratio=<r>`, ratio
being Linux's time over ours (above 1: we are faster). An operation a run
did not print shows as `-` and makes the exit status 1 (the four-CPU run
leaves out the rows with busy loops).
"""
import re
import sys

LINE = re.compile(r"^bench (\S+)\s.*\bmin_ns_per_op=(\d+)")
# Throughput rows: bytes moved per operation, to show MB/s as well.
BYTES = {"pipe_4KiB_write": 4 << 10, "pipe_64KiB_write": 64 << 10}


def figures(path):
    ops = {}
    try:
        with open(path, errors="replace") as f:
            for line in f:
                m = LINE.match(line.replace("\r", ""))
                if m:
                    ops[m.group(1)] = int(m.group(2))
    except OSError:
        pass
    return ops


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    linux, ours, smp = (figures(p) for p in sys.argv[1:4])
    order = list(linux) + [op for op in list(ours) + list(smp) if op not in linux]
    order = list(dict.fromkeys(order))
    missing = False
    rows = []
    print("%-22s %14s %12s %14s %15s" % ("operation", "Linux 6.1 ns", "ours ns",
                                          "Linux/ours", "ours 4 CPUs ns"))
    for op in order:
        lx, us, sm = linux.get(op), ours.get(op), smp.get(op)
        ratio = "%.2f" % (lx / us) if lx is not None and us else "-"
        missing |= lx is None or us is None
        note = ""
        if op in BYTES and lx and us:
            note = "  (%d vs %d MB/s)" % (BYTES[op] * 1000 // lx, BYTES[op] * 1000 // us)
        print("%-22s %14s %12s %14s %15s%s" % (op, "-" if lx is None else lx,
                                                "-" if us is None else us, ratio,
                                                "-" if sm is None else sm, note))
        rows.append("%s linux_ns=%s ours_ns=%s ratio=%s\n" % (
            op, "-" if lx is None else lx, "-" if us is None else us, ratio))
    with open(sys.argv[4], "w") as f:
        f.writelines(rows)
    print("(four CPUs: the rows with busy loops are left out, see user/tests/bench.c)")
    missing |= not smp
    if missing:
        print("bench: some runs did not print every operation (shown as -)")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
