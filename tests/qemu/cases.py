"""The QEMU test cases: what to boot, what to type, what the console must show.

Each case is a dict:
  name      unique name (also the log file's)
  append    kernel command line (run.py adds `semihosting`)
  bios      boot with -bios (loaded at 0x8000, no boot information, so no
            initramfs) instead of -kernel
  initrd    the initramfs QEMU loads for -kernel (default build/initramfs.cpio;
            "" for none)
  qemu_args extra QEMU arguments (@ROOT@ is the repository)
  script    [(regex to wait for, text to type), ...]
  expect    regexes that must appear in this order
  expect_anywhere, forbid   regexes that must / must not appear
  exit      QEMU's exit status (semihosting power-off is 0, panic 1)
  until     a regex after which the kernel has nothing left to do but wait (a
            panic with no command line, hence no `semihosting`, waits forever
            as Linux's does): run.py ends QEMU there, instead of an exit status
  semihosting  False to boot without the `semihosting` option
  no_reboot False to run QEMU without -no-reboot (a reboot then boots again)
  check     function(console text) -> list of failure reasons
  timeout   seconds (default 20)
  gdb       instead of a console script: gdb commands, run in batch mode under
            `make debug`'s tools/debug.py (QEMU halted at the start); the checks
            see gdb's output, then the console's
"""
import re

CPUS = range(4)

BOOT = [
    r"Kestrel version \S+ \(gcc version [^)]+\) #1 SMP",
    r"Kernel command line: ",
    r"Memory: \d+K/\d+K available",
    r"arch_timer: cp15 timer\(s\) running at \d+\.\d+MHz",
    r"smp: Bringing up secondary CPUs",
] + [rf"CPU{n}: thread -1, cpu {n}, socket 15, mpidr 80000f0{n}" for n in (1, 2, 3)] + [
    r"smp: Brought up 1 node, 4 CPUs",
]

# A boot with no initramfs (nothing tells the kernel where one is: -bios
# passes no boot information) has no /init, and ends as Linux's does
NO_INITRAMFS = [r"Failed to execute /init \(error -2\)",
                r"Kernel panic - not syncing: No working init found\."]

# A line of ftrace_dump's output: "<comm>-<pid> <cpu><flags> <us>us : <event>: <fields>"
DUMP_LINE = re.compile(r"^\[[ \d.]+\]\s+(\S+)-(\d+)\s+(\d)(\S{4})\s+\d+us : (\w+): (.*)$", re.M)


def check_ipi_trace(text):
    """Every CPU raised an IPI to every other one, and each target entered it."""
    raised, entered = set(), set()
    for comm, pid, cpu, flags, event, fields in DUMP_LINE.findall(text):
        if event == "ipi_raise":
            mask = int(re.match(r"target_mask=([0-9a-f]+)", fields).group(1), 16)
            raised |= {(int(cpu), t) for t in CPUS if mask & (1 << t)}
        elif event == "ipi_entry":
            entered.add(int(cpu))
            if "h" not in flags:
                return [f"ipi_entry outside hardirq context: flags {flags}"]
    missing = [(f, t) for f in CPUS for t in CPUS if f != t and (f, t) not in raised]
    reasons = [f"no ipi_raise from CPU{f} to CPU{t} in the trace" for f, t in missing]
    reasons += [f"no ipi_entry on CPU{c}" for c in CPUS if c not in entered]
    return reasons


def check_ticks(text):
    """Every CPU ticked, and jiffies advanced by what the counter allows over
    at least 100 ms (the kernel's selftest prints both bounds; interrupt
    counts are not checked: on a busy host they come late, several periods
    at once)."""
    cpus = re.findall(r"selftest tick: CPU(\d): (\d+) timer interrupts in \d+ ms", text)
    if sorted(int(c) for c, _ in cpus) != list(CPUS):
        return ["not every CPU reported its tick"]
    reasons = [f"CPU{c} took only {n} timer interrupts" for c, n in cpus if int(n) < 2]
    m = re.search(r"selftest tick: jiffies \+(\d+), the counter says (\d+)\.\.(\d+) \(HZ=100\)", text)
    if not m:
        return reasons + ["no jiffies line"]
    got, least, most = map(int, m.groups())
    if least < 10 or not least <= got <= most:
        reasons.append(f"jiffies +{got}, outside {least}..{most} (at least 10 ticks expected)")
    return reasons


def check_timers(text):
    """Every other CPU than the selftest's ran the timer put on it, kept it
    while running it, made del_timer_sync wait, and let it move when idle."""
    lines = re.findall(r"selftest timer: CPU(\d): ran there (\d+), stayed while running (\d+), "
                       r"del_timer_sync waited (\d+), moved to CPU(\d) (\d+)", text)
    cpus = {int(line[0]) for line in lines} | {int(line[4]) for line in lines}
    reasons = [] if len(lines) == 3 and cpus == set(CPUS) else [f"timer selftest lines: {lines}"]
    return reasons + [f"CPU{line[0]}: {line}: a count is not 5" for line in lines
                      if any(n != "5" for n in line[1:4] + line[5:])]


CASES = [
    {
        "name": "boot-banner-smp-ticks-timers",
        "append": "selftest=tick,timer",
        "expect": BOOT + [r"selftest: passed"],
        "expect_anywhere": [r"Kernel command line: .*selftest=tick,timer"],
        "check": lambda text: check_ticks(text) + check_timers(text),
        "exit": 0,
    },
    {
        "name": "boot-bios-no-boot-info",
        "bios": True,
        "expect": [r"CPU: entered in SVC mode at 00008000, r0=00000000 r1=00000000 r2=00000000",
                   r"Memory size from the firmware: 960 MiB", r"smp: Brought up 1 node, 4 CPUs",
                   r"Run /init as init process"] + NO_INITRAMFS,
        "forbid": [r"Internal error", r"Unpacking"],
        "until": NO_INITRAMFS[-1],
    },
    {
        "name": "ipi-each-cpu-to-each-cpu",
        "append": "selftest=ipi trace_event=ipi:*",
        "expect": [rf"selftest ipi: CPU{f} -> CPU{t}: 1" for f in CPUS for t in CPUS if f != t]
        + [r"selftest: passed", r"Dumping ftrace buffer:"],
        "check": check_ipi_trace,
        "exit": 0,
    },
    {
        "name": "oops-null-deref-backtrace-and-trace-dump",
        "append": "lkdtm=EXCEPTION ftrace_dump_on_oops trace_event=irq:* panic=-1",
        "expect": [
            r"lkdtm: Performing direct entry EXCEPTION",
            r"Unable to handle kernel NULL pointer dereference at virtual address 00000000",
            r"Internal error: Oops: 805 \[#1\] SMP ARM",
            r"PC is at lkdtm_EXCEPTION\+0x[0-9a-f]+/0x[0-9a-f]+",
            r"LR is at lkdtm_do_action",
            r"pc : \[<c0[0-9a-f]{6}>\]    lr : \[<c0[0-9a-f]{6}>\]    psr: [0-9a-f]{8}",
            r"Backtrace:",
            r"\[<c0[0-9a-f]{6}>\] \(lkdtm_EXCEPTION\) from \[<c0[0-9a-f]{6}>\] \(lkdtm_do_action",
            r"\(lkdtm_boot\) from \[<c0[0-9a-f]{6}>\] \(kernel_init\+0x",
            r"\(kernel_init\) from \[<c0[0-9a-f]{6}>\] \(ret_from_fork\+0x",
            r"Code: ([0-9a-f]{8} ){4}\(e5833000\)",
            r"Dumping ftrace buffer:",
            r"irq_handler_entry: irq=\d+ name=arch_timer",
            r"Kernel panic - not syncing: Fatal exception",
        ],
        "exit": 1,
    },
    {
        "name": "oops-bug-undefined-instruction",
        "append": "lkdtm=BUG",
        "expect": [r"Internal error: Oops - BUG: 0 \[#1\] SMP ARM", r"PC is at lkdtm_BUG\+",
                   r"\(lkdtm_BUG\) from .*\(lkdtm_do_action", r"Kernel panic - not syncing"],
        "exit": 1,
    },
    {
        "name": "panic-reboots-through-watchdog",
        # Without the semihosting exit, panic=-1 resets through the watchdog at once,
        # which -no-reboot turns into QEMU's exit with status 0.
        "append": "lkdtm=PANIC panic=-1",
        "semihosting": False,
        "expect": [r"Kernel panic - not syncing: dumptest"],
        "forbid": [r"end Kernel panic"],
        "exit": 0,
    },
]

from cases_sdcard import CASES as SDCARD_CASES  # noqa: E402  (issue 5: the firmware's boot path)
CASES += SDCARD_CASES
from cases_process import CASES as PROCESS_CASES  # noqa: E402  (issues 3 and 4: processes, signals)
CASES += PROCESS_CASES
from cases_jobs import CASES as JOBS_CASES  # noqa: E402  (issue 4: the shell's job control)
CASES += JOBS_CASES
from cases_glibc import CASES as GLIBC_CASES  # noqa: E402  (issue 10: Debian's glibc programs)
CASES += GLIBC_CASES
from cases_robust_arch import CASES as ROBUST_ARCH_CASES  # noqa: E402  (issue 8: hostile programs, ARM paths)
CASES += ROBUST_ARCH_CASES
from cases_abuse import CASES as ABUSE_CASES  # noqa: E402  (issue 8: the abuse suite)
CASES += ABUSE_CASES
from cases_perf import CASES as PERF_CASES  # noqa: E402  (issue 12: scheduling under load)
CASES += PERF_CASES
from cases_robust_core import CASES as ROBUST_CORE_CASES  # noqa: E402  (issue 8: kernel defects)
CASES += ROBUST_CORE_CASES
from cases_tracefs import CASES as TRACEFS_CASES  # noqa: E402  (issue 9: tracefs)
CASES += TRACEFS_CASES
from cases_glibc_user import CASES as GLIBC_USER_CASES  # noqa: E402  (issue 10: busybox, dynamic ELF)
CASES += GLIBC_USER_CASES
from cases_ftrace import CASES as FTRACE_CASES  # noqa: E402  (issue 9: the function tracers)
CASES += FTRACE_CASES
from cases_tty_debug import CASES as TTY_DEBUG_CASES  # noqa: E402  (issue 11: the console, make debug)
CASES += TTY_DEBUG_CASES
from cases_tracediff import CASES as TRACEDIFF_CASES  # noqa: E402  (issue 9: make compare)
CASES += TRACEDIFF_CASES
