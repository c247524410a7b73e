"""QEMU cases for what a hostile program may try against the ARM-specific paths (issue 8):
forged signal frames. The programs (user/etc/arch-abuse-tests) also run on Linux 6.1 under
`make test-linux`, so the signals and si_codes they expect are Linux's.
"""

FORBID = [r"Kernel panic", r"Internal error", r"kernel BUG", r"^FAIL "]

CASES = [
    {
        "name": "abuse-arch-forged-frames-privilege-tls-cacheflush",
        "append": "rdinit=/init -- /bin/sh /etc/arch-abuse-tests",
        "expect": [r"^runtests: \d+ passed, 0 failed$", r"init: /bin/sh exited with status 0"],
        "forbid": FORBID,
        "exit": 0,
        "icount": True,
        "timeout": 60,
    },
]
