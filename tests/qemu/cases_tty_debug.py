"""QEMU cases for the student's bench (issue 11): a command typed before the kernel has
set the UART up runs whole, a 64 KiB paste into a busy shell reaches it to the last byte
(flip buffers that grow, the UART throttled while the shell catches up), and as under
`make run` (no -no-reboot, no semihosting) `reboot` boots again, `poweroff` ends QEMU,
and the boot does not claim incoherent caches on an emulator that has none; under
`make debug`'s tools/debug.py, gdb's kx-* commands (tools/gdb) show tasks, pending
signals, the log and the trace."""
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Our sh's prompt, "# " now and "/ # " (the directory, as ash shows it) to come.
PROMPT = r"(?:/ )?# "
# 64 KiB of "echo lineN" commands, as a user pastes them into the shell.
PASTE_LINES = []
_size = 0
while _size < 64 * 1024:
    PASTE_LINES.append(f"echo line{len(PASTE_LINES) + 1}\n")
    _size += len(PASTE_LINES[-1])
PASTE = "".join(PASTE_LINES)


def check_every_line(text):
    """Every pasted command ran, once, in order (each output line after the prompts)."""
    ran = [int(n) for n in re.findall(rf"^(?:{PROMPT})*line(\d+)\r?$", text, re.M)]
    expected = list(range(1, len(PASTE_LINES) + 1))
    if ran == expected:
        return []
    missing = sorted(set(expected) - set(ran))
    return [f"{len(ran)} of {len(expected)} pasted commands ran; "
            f"missing {missing[:5]}{'...' if len(missing) > 5 else ''}, "
            f"order {'kept' if ran == sorted(ran) else 'broken'}"]


def elf_entry(path):
    """A user program's entry point (e_entry), 0 if it is not built yet."""
    try:
        with open(path, "rb") as f:
            return int.from_bytes(f.read(28)[24:28], "little")
    except OSError:
        return 0


SIGQUEUE_ENTRY = elf_entry(os.path.join(ROOT, "build", "user", "sigqueue"))


def check_breakpoint_without_ftrace(text):
    """The -pg build's mcount call hides it, so also in a kernel built without the
    function tracer (make CC_FLAGS_FTRACE=): a breakpoint on do_group_exit, whose
    first statement uses `current`, is reported in kernel/exit.c."""
    build = subprocess.run(["make", "--no-print-directory", "CC_FLAGS_FTRACE=", "B=build/nopg",
                            "build/nopg/kernel/exit.o"], cwd=ROOT, capture_output=True, text=True)
    if build.returncode:
        return [f"building kernel/exit.c without -pg failed: {build.stderr[-300:]}"]
    gdb = subprocess.run(["gdb-multiarch", "-q", "-batch", "-nx", "-ex", "break do_group_exit",
                          "build/nopg/kernel/exit.o"], cwd=ROOT, capture_output=True, text=True,
                         timeout=30)
    if not re.search(r"^Breakpoint 1 at 0x[0-9a-f]+: file kernel/exit\.c, line \d+\.$",
                     gdb.stdout, re.M):
        return [f"without -pg, break do_group_exit says: {gdb.stdout.strip()!r}"]
    return []


CASES = [
    {
        # One boot for both. The first command is typed at t=0: QEMU holds its
        # first byte in the UART before the kernel runs. Then echo goes off (so
        # that each output line stands alone) and 64 KiB are pasted at once into
        # a shell that reads a byte per read() and runs each line.
        "name": "tty-typed-ahead-and-64k-paste",
        "append": "rdinit=/init",
        "script": [("", "echo typed-ahead\n"),
                   (rf"^(?:{PROMPT})?typed-ahead\r?\n(?:.*\n)*?.*{PROMPT}$", "busybox stty -echo\n"),
                   (rf"stty -echo\r?\n(?:.*\n)*?.*{PROMPT}$", PASTE + "poweroff\n")],
        "expect": [rf"^(?:{PROMPT})?typed-ahead\r?$", r"reboot: Power down"],
        "check": check_every_line,
        "forbid": [r"not found", r"Kernel panic", r"BUG: "],
        "exit": 0,
        "timeout": 60,
    },
    {
        # make run's QEMU and shell: busybox's reboot -f restarts (reboot(2)), its
        # poweroff asks init with SIGUSR2, and the machine's power-off ends QEMU.
        "name": "make-run-reboot-boots-again-poweroff-ends-qemu",
        "append": "console=ttyAMA0 -- /usr/bin/ash -l",
        "semihosting": False,
        "no_reboot": False,
        "script": [(r"^/ # ", "reboot -f\n"),
                   (r"reboot: Restarting system(.|\n)*Kestrel version(.|\n)*^/ # ", "poweroff\n")],
        "expect": [r"Kestrel version",
                   # QEMU has no caches: the boot says so instead of alarming
                   r"CPU: ACTLR.SMP reads 0: this emulator \(QEMU\) does not model it",
                   r"reboot: Restarting system", r"Kestrel version",
                   r"init: SIGUSR2: powering off", r"reboot: Power down"],
        "forbid": [r"not coherent"],
        "exit": 0,
        "timeout": 30,
    },
    {
        # sigqueue (user/lessons) blocks SIGUSR1 and 34, sends each three times, and
        # asks sigpending(). Stopped first in user mode at its first instruction (the
        # commands then read the kernel through another CPU), then in sigpending():
        # the pending signals and their queued siginfo (one SIGUSR1: legacy_queue;
        # three 34s); at its exit, the tasks, the log and the trace, and breakpoints
        # that name kernel/exit.c, not an inlined header.
        "name": "gdb-kx-commands-sigpending-and-do_group_exit",
        "append": "rdinit=/init trace_event=signal:signal_generate,sched:sched_process_exec "
                  "-- /bin/sigqueue",
        "gdb": [f"break *{SIGQUEUE_ENTRY:#x} if ($cpsr & 0x1f) == 0x10",
                "break sys_rt_sigpending", "break do_group_exit",
                "continue", "info registers cpsr", "kx-task", "kx-trace", "delete 1",
                "continue", "kx-task",
                "continue", "bt", "kx-ps", "kx-task 1", "kx-dmesg", "kx-trace", "kill"],
        "expect": [
            r"^Breakpoint 3 at 0x[0-9a-f]+: file kernel/exit\.c, line \d+\.$",
            r"hit Breakpoint 1, 0x[0-9a-f]+ in \?\? \(\)\n"
            r"cpsr +0x[0-9a-f]*10 ",
            r"^task 0x[0-9a-f]+: pid (\d+) \(sigqueue\), tgid \1, parent 1$",
            r"^ +sigqueue-\d+ +\[\d{3}\] \.\.\.\. +\d+\.\d{6}: sched_process_exec: "
            r"filename=/bin/sigqueue pid=\d+ old_pid=\d+$",
            r"hit Breakpoint 2, sys_rt_sigpending \(",
            r"^task 0x[0-9a-f]+: pid (\d+) \(sigqueue\), tgid \1, parent 1$",
            r"^state: +R \(running\)$",
            r"^shared pending: 10 SIGUSR1, 34 SIGRTMIN\+2\n"
            r"  queued: 10 SIGUSR1 si_code=0 si_errno=0\n"
            r"(  queued: 34 SIGRTMIN\+2 si_code=0 si_errno=0\n){3}"
            r"blocked: +10 SIGUSR1, 34 SIGRTMIN\+2$",
            r"hit Breakpoint 3, do_group_exit \(exit_code=0\) at kernel/exit\.c:\d+$",
            # the return into ret_fast_syscall, named after the function before it
            r"^#1  0x[0-9a-f]+ in sys_exit_group \(.*\n#2  0x[0-9a-f]+ in __switch_to \(\)",
            r"^  PID  TGID  PPID S  CPU TASK       COMM$",
            r"^    0     0     0 [RI] +0[* ] 0x[0-9a-f]{8} swapper/0$",
            r"^ +\d+ +\d+ +1 R +\d\* 0x[0-9a-f]{8} sigqueue$",
            r"^task 0x[0-9a-f]+: pid 1 \(init\), tgid 1, parent 0$",
            r"^state: +S \(sleeping\)$",
            r"^\[ *\d+\.\d{6}\] Kernel command line: rdinit=/init trace_event=signal:",
            r"^# tracer: nop$",
            r"^# entries-in-buffer/entries-written: 8/8   #P:4$",
            r"^ +sigqueue-\d+ +\[\d{3}\] d\.\.\. +\d+\.\d{6}: signal_generate: sig=10 errno=0 "
            r"code=0 comm=sigqueue pid=\d+ grp=1 res=2$",
            r"---- console ----",
            r"pending mask = 0x0000000200000200",
        ],
        "forbid": [r"thread_info\.h", r"Python Exception", r"Error occurred in Python",
                   r"Cannot access memory"],
        "check": check_breakpoint_without_ftrace,
        "timeout": 60,
    },
]
