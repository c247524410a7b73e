"""QEMU cases for what a hostile program may try against the ARM-specific paths and the
signal code's invariants (issue 8): forged signal frames, the thread registers, privileged
instructions and kernel addresses, cacheflush, signals to init, orphans, restart_syscall,
signal floods. The programs (user/etc/arch-abuse-tests) also run on Linux 6.1 under
`make test-linux`, so the signals, si_codes and errnos they expect are Linux's.
"""
import re

FORBID = [r"Kernel panic", r"Internal error", r"kernel BUG", r"^FAIL "]
DROPPED = r"reached RLIMIT_SIGPENDING, dropped signal"


def check_dropped_signals_rate_limited(text):
    """t_sigabuse drops 936 signals within a second: with print-fatal-signals=1 the console
    shows Linux's burst of 10 lines, not one line per signal."""
    n = len(re.findall(DROPPED, text))
    return [] if n == 10 else [f"{n} 'dropped signal' lines, want 10 (5 s interval, burst 10)"]


CASES = [
    {
        "name": "abuse-arch-forged-frames-privilege-tls-cacheflush",
        "append": "rdinit=/init -- /bin/sh /etc/arch-abuse-tests",
        "expect": [r"^runtests: \d+ passed, 0 failed$", r"init: /bin/sh exited with status 0"],
        # Without print-fatal-signals (Linux's default) a dropped signal is not reported.
        "forbid": FORBID + [DROPPED],
        "exit": 0,
        # -icount: virtual time counts instructions, so t_cacheflush's timing is exact.
        "icount": True,
        "timeout": 60,
    },
    {
        "name": "print-fatal-signals-rate-limited",
        "append": 'print-fatal-signals=1 rdinit=/init -- /bin/sh -c "runtests t_sigabuse"',
        "expect": [r"potentially unexpected fatal signal 11\.", r"PC is at ",
                   r"^t_sigabuse: \d+ passed, 0 failed$", r"^runtests: 1 passed, 0 failed$"],
        "forbid": FORBID,
        "check": check_dropped_signals_rate_limited,
        "exit": 0,
        "timeout": 40,
    },
]
