#!/usr/bin/env python3
"""make lesson-5: lesson 5 (docs/lessons/05-ctrl-c.md) with one command. Boots this
kernel in QEMU, types the lesson's lines at its shell (sh /etc/ftrace-ctrl-c,
RPi_signal, a ^C once it waits in pause(), then the lines that stop tracing and
print the trace) and powers off; QEMU ends within the timeout whatever happens.
Uses the QEMU tests' console driver (tests/qemu/run.py), as the test
tty-typed-ahead-ctrl-c-trace-and-64k-paste does.

  tools/lesson-ctrl-c.py [OUT_DIR]   (default: build/lessons)
Saves the console as OUT_DIR/05-ctrl-c.log and the trace as OUT_DIR/05-ctrl-c.trace.txt,
prints the trace. RETURNS (exit status): 0 when the boot went as the lesson says.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "qemu"))
sys.dont_write_bytecode = True
import run  # noqa: E402
from cases_tty_debug import PROMPT  # noqa: E402

TRACE_LINES = "echo 0 > /sys/kernel/tracing/tracing_on; cat /sys/kernel/tracing/trace\n"
LESSON = {
    "name": "lesson-5",
    "append": "rdinit=/init",
    "script": [(rf"{PROMPT}$", "sh /etc/ftrace-ctrl-c\n"),
               (rf"ftrace-ctrl-c\r?\n(?:.*\n)*?.*{PROMPT}$", "RPi_signal\n"),
               (r"waiting in pause\(\)", "\x03", 0.5),
               (rf"handler ran 1 time\(s\)\r?\n(?:.*\n)*?.*{PROMPT}$", TRACE_LINES),
               (rf"^# tracer: function(?:.*\n)*?.*{PROMPT}$", "poweroff\n")],
    "expect": [r"reboot: Power down"],
    "exit": 0,
    "timeout": 60,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "lessons")
    os.makedirs(out, exist_ok=True)
    print(f"lesson 5: booting this kernel in QEMU (up to {LESSON['timeout']} s), typing:")
    for _, data, *_ in LESSON["script"]:
        print("    / # " + ("Ctrl-C" if data == "\x03" else data.strip()))
    ok, reasons, text, _, _ = run.run_case(LESSON)
    with open(os.path.join(out, "05-ctrl-c.log"), "w") as f:
        f.write(text)
    trace = re.search(rf"^# tracer: function\n(?:.*\n)*?(?=.*{PROMPT}poweroff$)", text, re.M)
    trace = trace.group(0) if trace else ""
    with open(os.path.join(out, "05-ctrl-c.trace.txt"), "w") as f:
        f.write(trace)
    print(trace, end="")
    for r in reasons + ([] if trace else ["no trace after the ^C"]):
        print(f"lesson 5: {r}")
    print(f"lesson 5: the console in {out}/05-ctrl-c.log, the trace in {out}/05-ctrl-c.trace.txt")
    return 0 if ok and trace else 1


if __name__ == "__main__":
    sys.exit(main())
