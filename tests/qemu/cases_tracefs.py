"""QEMU cases for tracefs (issue 9): tracing driven only through /sys/kernel/tracing from the
shell, with the files, errors and text Linux 4.19 has. The shell script is
user/etc/tracefs-tests; t_tracefs (user/tests) abuses the files from several threads.
"""

EOL = r"\r?\n"
WRITE_ERROR = "sh: echo: write error: Invalid argument"


def lines(*texts):
    """Consecutive console lines (regexes), each a whole line."""
    return "^" + EOL.join(texts) + r"\r?$"


OPTIONS_DEFAULT = [
    "print-parent", "nosym-offset", "nosym-addr", "noverbose", "noraw", "nohex", "nobin",
    "noblock", "trace_printk", "annotate", "nouserstacktrace", "nosym-userobj",
    "noprintk-msg-only", "context-info", "nolatency-format", "record-cmd", "norecord-tgid",
    "overwrite", "nodisable_on_free", "irq-info", "markers", "noevent-fork", "function-trace",
    "nofunction-fork", "nodisplay-graph", "nostacktrace",
]

CASES = [
    {
        "name": "tracefs-tracers-options-errnos-abuse",
        "append": "rdinit=/init -- /bin/sh /etc/tracefs-tests",
        "expect": [
            lines("== tracers", r"(\S+ )*nop", "nop", WRITE_ERROR, "nop"),
            lines("== options", "0", "1", "0", WRITE_ERROR, WRITE_ERROR, WRITE_ERROR,
                  WRITE_ERROR, *OPTIONS_DEFAULT),
            r"^test_nop_accept\r?\nnotest_nop_refuse\r?$",
            r"^== abuse",
            r"^t_tracefs: \d+ passed, 0 failed",
            r"^== done",
            r"init: /bin/sh exited with status 0",
        ],
        "forbid": [r"Kernel panic", r"Internal error", r"^FAIL "],
        "exit": 0,
        "timeout": 60,
    },
]
