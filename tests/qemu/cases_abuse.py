"""The abuse suite (issue 8): one boot runs /bin/abuse, which runs every case of
tests/abuse/cases/ as an ordinary user and checks after each that the kernel is up,
that no memory, slab object or process was left behind and that a bystander process
was not disturbed (tests/abuse/abuse.c). Here: every case reports ok, and the kernel
never oopses, panics or reports a bad page while they run.
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CASE_SOURCES = os.path.join(HERE, "..", "abuse", "cases")
CASE_NAMES = sorted(f[:-2] for f in os.listdir(CASE_SOURCES) if f.endswith(".c"))
CRASH = [r"Kernel panic", r"Internal error", r"Unable to handle", r"BUG: ", r"bad_page",
         r"Attempted to kill init"]


def check_every_case(text):
    """Each case of tests/abuse/cases/ ran and passed (a case missing from the
    initramfs would otherwise go unnoticed)."""
    return [f"case {name}: no 'abuse: {name} ok' line" for name in CASE_NAMES
            if not re.search(rf"^abuse: {re.escape(name)} ok ", text, re.M)]


def check_loadavg_counts_d_state(text):
    """After the cases, 24 processes wait in vfork() (D state) through two of the
    kernel's 5 s samples; the runner prints the 1-minute load after each. The second
    sample was taken with them all there: from load1 = load0 * e + n * (1 - e), with
    Linux's EXP_1 (e = 1884/2048), it counted n tasks, which must include most of
    the 24 (rounding to 0.01 makes n +-0.2; the rest of the system is nearly idle)."""
    samples = re.findall(r"^abuse: loadavg sample (\d+\.\d\d) ", text, re.M)
    if len(samples) != 2:
        return ["no two 'abuse: loadavg sample' lines"]
    load0, load1 = float(samples[0]), float(samples[1])
    counted = (load1 - load0 * 1884 / 2048) * 2048 / 164
    if counted < 12:
        return [f"the load went from {load0} to {load1} with 24 processes in D state: "
                f"{counted:.1f} tasks counted"]
    return []


def check_abuse_suite(text):
    return check_every_case(text) + check_loadavg_counts_d_state(text)


CASES = [
    {
        "name": "abuse-suite",
        # semihosting before "--": run.py would append it to init's arguments. 256 MiB of
        # RAM, so that running out of it (the memory case) takes seconds, not tens.
        "append": "mem=256M semihosting rdinit=/init -- /bin/abuse",
        "semihosting": False,
        "expect": [r"Memory: \d+K/262144K available",
                   r"^abuse: \d+ cases, seed \d+", rf"^abuse: {len(CASE_NAMES)} passed, 0 failed$",
                   # the load averages move (they read 0.00 for ever before)
                   r"^abuse: loadavg (?!0\.00 0\.00 0\.00)\d+\.\d\d \d+\.\d\d \d+\.\d\d$",
                   r"^abuse: 24 of 24 processes in D state$",
                   r"init: /bin/abuse exited with status 0"],
        # the memory case's hog, killed by Linux's OOM killer with Linux's words
        "expect_anywhere": [r"memory invoked oom-killer: gfp_mask=0x0\(\), nodemask=\(null\), order=0",
                            r"Out of memory: Kill process \d+ \(memory\) score \d+ or sacrifice child",
                            r"Killed process \d+ \(memory\) total-vm:\d+kB, anon-rss:\d+kB, "
                            r"file-rss:0kB, shmem-rss:0kB"],
        "forbid": CRASH,
        "check": check_abuse_suite,
        "exit": 0,
        "timeout": 150,
    },
    {
        # The soft lockup detector (kernel/watchdog.c) catches a CPU that loops in the kernel.
        "name": "watchdog-soft-lockup",
        "append": "lkdtm=SOFTLOCKUP watchdog_thresh=1 softlockup_panic=1",
        "expect": [r"lkdtm: Performing direct entry SOFTLOCKUP",
                   r"watchdog: BUG: soft lockup - CPU#\d stuck for [2-9]s! \[\S+:1\]",
                   r"PC is at lkdtm_SOFTLOCKUP\+0x", r"\(lkdtm_SOFTLOCKUP\) from .*\(lkdtm_do_action",
                   r"Kernel panic - not syncing: softlockup: hung tasks"],
        "exit": 1,
    },
]
