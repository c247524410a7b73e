"""Debian's busybox and dynamically linked glibc programs (issue 10, glibc-user):
one boot into busybox ash as `make run` starts it. It runs /etc/busybox-test,
whose output must be tests/linux/expected/busybox.txt line for line (the same
file make test-linux checks on Linux 6.1; it also runs coreutils' env, which
is dynamically linked), then checks line editing and history: the up arrow
brings the last command back."""
import os
import re

EXPECTED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "linux", "expected",
                        "busybox.txt")


def check_busybox_output(text):
    """The lines between the command and "bb-done" are the expected ones."""
    with open(EXPECTED) as f:
        want = f.read().splitlines()
    m = re.search(r"busybox-test; echo bb-done\n(.*?)^bb-done$", text, re.S | re.M)
    if not m:
        return ["no busybox-test output before bb-done"]
    got = [line.rstrip() for line in m.group(1).splitlines()]
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w.rstrip():
            return [f"busybox-test line {i + 1}: {g!r}, expected {w!r}"]
    if len(got) != len(want):
        return [f"busybox-test printed {len(got)} lines, expected {len(want)}"]
    return []


CASES = [
    {
        "name": "busybox-ash-everyday-applets-dynamic-env-history",
        # semihosting before "--", or ash would take it for a script
        "append": "rdinit=/init semihosting -- /usr/bin/ash -l",
        "semihosting": False,
        "script": [(r"^/ # ", "/usr/bin/ash /etc/busybox-test; echo bb-done\r"),
                   (r"^bb-done$", "echo history-$((6 * 7))\r"),
                   (r"^history-42$", "\x1b[A\r"),
                   (r"^history-42\n(.*\n)*?history-42$", "exit\r")],
        # the command typed, then the same brought back by the up arrow
        "expect": [r"^history-42$", r"^history-42$", r"init: /usr/bin/ash exited with status 0"],
        "check": check_busybox_output,
        "forbid": [r"Kernel panic", r"Internal error", r"unimplemented syscall"],
        "exit": 0,
        "timeout": 60,
    },
]
