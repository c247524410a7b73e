"""QEMU case for `make compare` (issue 9): the lesson programs after the book's ftrace set-up,
as tools/trace-run.sh runs them (its archive build/traces/lessons/kestrel-initrd.cpio, made by
`make test`), each trace compared by tracediff with real Linux 6.1's trace of the same
program and script kept in docs/traces/ (a live Linux boot is `make compare`'s, not
`make test`'s). Every lesson must show the same flow: the same calls, events and call chains
in each task, up to the documented differences between Linux 4.19 and 6.1.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.dont_write_bytecode = True
from tracediff.compare import compare  # noqa: E402
from tracediff.parse import parse_file, parse_text  # noqa: E402
from lessoncheck import blocks_against_console  # noqa: E402
from cases_tty_debug import check_return_addresses  # noqa: E402  (lesson 7)

# the lesson programs whose Linux trace is kept
LESSONS = sorted(f[:-len(".linux.txt")] for f in os.listdir(os.path.join(ROOT, "docs", "traces"))
                 if f.endswith(".linux.txt"))


def check_lessons(text):
    reasons = []
    for prog in LESSONS:
        m = re.search(r"^=== trace %s\n(.*?)^=== end trace %s$" % (prog, prog), text, re.S | re.M)
        if not m:
            reasons.append(f"{prog}: no trace")
            continue
        ours = parse_text(m.group(1), f"{prog} here")
        linux = parse_file(os.path.join(ROOT, "docs", "traces", prog + ".linux.txt"))
        result = compare(ours, linux)
        reasons += [f"{prog}: {d}" for d in result.divergences]
        if not any(r.kind == "func" for r in ours.records):
            reasons.append(f"{prog}: no function-tracer line")
    return reasons


# Lesson 6's program prints the signal each fault became, as Linux 6.1 does
# for the same binary (docs/lessons/06-faults.md)
FAULTS_OUTPUT = [
    r"^write to NULL:\n  Segmentation fault si_code=1 \(SEGV_MAPERR\) si_addr=0x0$",
    r"^write to a read-only page:\n  Segmentation fault si_code=2 \(SEGV_ACCERR\) si_addr=page\+0x8$",
    r"^jump to NULL:\n  Segmentation fault si_code=1 \(SEGV_MAPERR\) si_addr=0x0$",
    r"^read a file mapping past the file's end:\n  Bus error si_code=2 \(BUS_ADRERR\) si_addr=page\+0x0$",
    r"^undefined instruction:\n  Illegal instruction si_code=1 \(ILL_ILLOPC\) "
    r"si_addr=undefined_instruction\+0x0$",
    r"^sdiv 7 / 0 = 0: no trap, no signal$",
]

CASES = [
    {
        "name": "trace-lessons-same-flow-as-linux",
        # lkdtm=WARNING: a backtrace for lesson 7 (a warning, then the boot goes on)
        "append": "rdinit=/init lkdtm=WARNING -- /bin/sh /etc/trace-run",
        "initrd": "@ROOT@/build/traces/lessons/kestrel-initrd.cpio",
        "expect": [r"init: /bin/sh exited with status 0"],
        "expect_anywhere": [r"^=== run %s status 0$" % p for p in LESSONS] + FAULTS_OUTPUT,
        "forbid": [r"write error", r"Kernel panic", r"Internal error", r"BUG: "],
        # and every lesson quotes this boot's traces and program output truly (docs/lessons/)
        "check": lambda text: (check_lessons(text) + check_return_addresses(text)
                               + blocks_against_console(text)),
        "exit": 0,
        "timeout": 60,
    },
]
