"""QEMU cases of the perf stream (issue 12): scheduling under load on one
CPU (the four-CPU run is in /etc/all-tests)."""

CASES = [
    {
        # A task woken among busy loops on a single CPU gets it back: the
        # busy loop alone for many ticks must still be preempted.
        "name": "sched-wakeup-among-busy-loops-one-cpu",
        "append": 'maxcpus=1 rdinit=/init -- /bin/sh -c "runtests t_sched_busy t_sched"',
        "expect": [r"^t_sched_busy: \d+ passed, 0 failed$", r"^runtests: 2 passed, 0 failed$"],
        "forbid": [r"^FAIL ", r"Kernel panic", r"Internal error"],
        "exit": 0,
        "timeout": 30,
    },
]
