"""QEMU cases for issue 8's kernel defects (the robust-core stream): credentials and
privilege checks, timers, limits, group stop and the other races. The programs are in
user/tests/; /etc/robust-core-tests lists them, and tests/linux/linux-tests runs the same
list on Linux 6.1 (`make test-linux`), so every answer checked here is Linux's."""

CASES = [
    {
        "name": "robust-core-privileges-timers-limits",
        "append": "rdinit=/init -- /bin/sh /etc/robust-core-tests",
        "expect": [r"^runtests: \d+ passed, 0 failed$", r"init: /bin/sh exited with status 0"],
        "forbid": [r"^FAIL ", r"Kernel panic", r"Internal error", r"BUG:"],
        "exit": 0,
        "timeout": 120,
    },
]
