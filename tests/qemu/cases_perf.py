"""QEMU cases of the perf stream (issue 12): scheduling under load on one
CPU (the four-CPU run is in /etc/all-tests)."""

CASES = [
    {
        # A task woken among busy loops on a single CPU gets it back at once
        # (CFS's wakeup preemption): each 20 ms sleep ends on the tick after
        # it, within 40 ms; round robin with two busy loops would add a 30 ms
        # slice. Under -icount the guest's clock counts instructions, so host
        # load cannot stretch the sleep.
        "name": "sched-wakeup-among-busy-loops-one-cpu",
        "icount": True,
        "append": 'maxcpus=1 rdinit=/init -- /bin/sh -c "t_sched_busy 20; runtests t_sched"',
        "expect": [r"^t_sched_busy: 13 passed, 0 failed$", r"^runtests: 1 passed, 0 failed$"],
        "forbid": [r"^FAIL ", r"Kernel panic", r"Internal error"],
        "exit": 0,
        "timeout": 30,
    },
]
