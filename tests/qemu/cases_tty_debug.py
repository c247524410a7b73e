"""QEMU cases for the student's bench (issue 11): a command typed before the kernel has
set the UART up runs whole; lesson 5's ^C, traced, takes Linux 4.19's path from the UART
interrupt through the kworker's flush_to_ldisc and n_tty to kill_pgrp (the seed author's
trace of it on a real Pi is tests/trace/rpi-4.19/signal-sigint-tty-handler.txt); a 64 KiB
paste into a busy shell reaches it to the last byte
(flip buffers that grow, the UART throttled while the shell catches up), and as under
`make run` (no -no-reboot, no semihosting) `reboot` boots again, `poweroff` ends QEMU,
and the boot does not claim incoherent caches on an emulator that has none; under
`make debug`'s tools/debug.py, gdb's kx-* commands (tools/gdb) show tasks, pending
signals, the log and the trace."""
import os
import re
import subprocess

# A trace line's need-resched column is matched as [.nNp], never pinned: a tick that
# falls inside the traced step (a loaded host stretches every step) sets it.

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


def stack_traces(text):
    """Each `<stack trace>` of a trace text: (the task of its line, [function names])."""
    blocks = []
    for m in re.finditer(r"^ *(\S+)-\d+ +\[\d{3}\] [^\n]*: <stack trace>\n((?: => .*\n)+)",
                         text, re.M):
        frames = [re.sub(r"\+0x[0-9a-f]+/0x[0-9a-f]+$", "", f)
                  for f in re.findall(r"^ => (\S+)", m.group(2), re.M)]
        blocks.append((m.group(1), frames))
    return blocks


def linux_ctrl_c_chain():
    """The SIGINT's wake-up on Linux 4.19, from the seed author's trace: the
    kworker's chain from wake_up_state down to ret_from_fork."""
    path = os.path.join(ROOT, "tests", "trace", "rpi-4.19", "signal-sigint-tty-handler.txt")
    with open(path) as f:
        return next(frames for task, frames in stack_traces(f.read()) if "kill_pgrp" in frames)


# Where this kernel's chain differs from Linux 4.19's, each for a reason the
# lesson gives: n_tty sorts the special characters in __receive_buf, which
# is inlined into n_tty_receive_buf_common as in Linux, so it has no
# n_tty_receive_char_special; and the kworker is a plain kernel thread, with no
# kthread().
LINUX_ONLY = {"n_tty_receive_char_special", "kthread"}


def check_ctrl_c_trace(text):
    """Lesson 5: ^C typed at RPi_signal, as sh /etc/ftrace-ctrl-c traces it. The
    UART interrupt queues flush_to_ldisc for the kworker; the kworker's chain
    to the SIGINT's wake-up is Linux 4.19's, frame for frame; then the events."""
    m = re.search(r"^# tracer: function\n(.*?)^(?:/ )?# busybox stty", text, re.S | re.M)
    if not m:
        return ["lesson 5: no trace after ^C"]
    trace = m.group(1)
    reasons = []
    stacks = stack_traces(trace)
    irq = ["ttwu_do_wakeup", "ttwu_do_activate", "try_to_wake_up", "autoremove_wake_function",
           "__wake_up_common", "__wake_up", "queue_work", "tty_flip_buffer_push",
           "pl011_rx_chars", "pl011_int", "generic_handle_irq", "bcm2835_handle_irq",
           "handle_arch_irq", "__irq_svc"]
    if not any(frames[:len(irq)] == irq for task, frames in stacks):
        reasons.append("lesson 5: no wake-up of the kworker from the UART interrupt "
                       f"({' <- '.join(irq[6:10])})")
    worker = ["flush_to_ldisc", "process_one_work", "worker_thread", "ret_from_fork"]
    if not any(task == "kworker/u8:0" and frames[-4:] == worker for task, frames in stacks):
        reasons.append(f"lesson 5: no kworker stack ending {' <- '.join(worker)}")
    ours = next((frames for task, frames in stacks
                 if task == "kworker/u8:0" and "kill_pgrp" in frames), None)
    linux = [f for f in linux_ctrl_c_chain() if f not in LINUX_ONLY]
    if ours is None:
        reasons.append("lesson 5: no stack trace of the SIGINT's wake-up in the kworker")
    elif ours[:3] != ["ttwu_do_wakeup", "ttwu_do_activate", "try_to_wake_up"] or \
            ours[3:] != linux:
        reasons.append("lesson 5: the SIGINT's chain " + " <- ".join(ours) +
                       " is not Linux 4.19's " + " <- ".join(linux))
    for event in [r"kworker/u8:0-\d+ +\[\d{3}\] d[.nNp]\.\. +[\d.]+: signal_generate: sig=2 errno=0 "
                  r"code=128 comm=RPi_signal pid=\d+ grp=1 res=0",
                  r"RPi_signal-\d+ +\[\d{3}\] \.[.nNp]\.\. +[\d.]+: sys_exit: NR 29 = -514",
                  r"RPi_signal-\d+ +\[\d{3}\] d[.nNp]\.\. +[\d.]+: signal_deliver: sig=2 errno=0 "
                  r"code=128 sa_handler=[0-9a-f]+ sa_flags=4000000",
                  r"RPi_signal-\d+ +\[\d{3}\] \.[.nNp]\.\. +[\d.]+: sys_exit: NR 119 = -4"]:
        if not re.search(event, trace):
            reasons.append(f"lesson 5: missing {event!r}")
    return reasons


KERNEL_ELF = os.path.join(ROOT, "build", "kernel.elf")


def disassemble_kernel():
    """build/kernel.elf's code, as `arm-none-eabi-objdump -d` prints it: symbol
    name -> address, the names in address order, and address -> instruction."""
    out = subprocess.run(["arm-none-eabi-objdump", "-d", KERNEL_ELF], capture_output=True,
                         text=True).stdout
    addrs, order, insns = {}, [], {}
    for m in re.finditer(r"^([0-9a-f]{8}) <(\S+)>:$|^([0-9a-f]{8}):\s+[0-9a-f]{8}\s+(.*)$",
                         out, re.M):
        if m.group(2):
            addrs.setdefault(m.group(2), int(m.group(1), 16))
            order.append(m.group(2))
        else:
            insns[int(m.group(3), 16)] = m.group(4).strip()
    return addrs, order, insns


def frame_address(frame, addrs):
    """The address a stack frame `name+0xoff/0xsize` stands for."""
    name, off = re.match(r"(\S+)\+0x([0-9a-f]+)/", frame).groups()
    return addrs[name] + int(off, 16)


def check_return_addresses(text):
    """Lesson 7, on build/kernel.elf: every return address in the trace of
    rpi_proc_exit's do_exit and in lkdtm=WARNING's backtrace is the instruction
    after a `bl` to the function one line up (or a `blx` through a pointer), so
    `__wake_up_parent+0x0` stands for the `bl do_group_exit` that ends
    sys_exit_group, and the tracer's own line is 4 bytes before the stack's
    first (the mcount call and its return)."""
    addrs, order, insns = disassemble_kernel()

    def instruction_before(addr):
        return insns.get(addr - 4, "?")

    reasons = []
    m = re.search(r"^ +rpi_proc_exit-\d+ +\[\d+\] \S+ +[\d.]+: (do_exit\+\S+) <-\S+\n"
                  r".*<stack trace>\n => (do_exit\S+)\n => (do_group_exit\S+)\n"
                  r" => (__wake_up_parent\+0x0/\S+)\n => ret_fast_syscall\+0x0/", text, re.M)
    if not m:
        return ["lesson 7: no do_exit stack trace of rpi_proc_exit ending in "
                "do_group_exit <- __wake_up_parent+0x0 <- ret_fast_syscall+0x0"]
    traced, inner, caller, next_symbol = (frame_address(f, addrs) for f in m.groups())
    if not re.match(r"bl\s+[0-9a-f]+ <__gnu_mcount_nc>", instruction_before(traced + 4)) or \
            inner != traced + 4:
        reasons.append(f"lesson 7: {m.group(1)} is not the mcount call whose return is {m.group(2)}")
    for ret, callee in ((caller, "do_exit"), (next_symbol, "do_group_exit")):
        if not re.match(rf"bl\s+[0-9a-f]+ <{callee}>", instruction_before(ret)):
            reasons.append(f"lesson 7: {ret:#x} is not the return from a bl {callee}: "
                           f"{instruction_before(ret)!r}")
    if order[order.index("__wake_up_parent") - 1] != "sys_exit_group":
        reasons.append("lesson 7: __wake_up_parent does not follow sys_exit_group")
    lines = re.findall(r"^\[ *[\d.]+\] \[<[0-9a-f]+>\] \((\S+)\) from \[<([0-9a-f]+)>\] "
                       r"\((\S+)\+0x", text, re.M)
    if len(lines) < 5:
        reasons.append("lesson 7: no WARNING backtrace (lkdtm=WARNING)")
    for callee, ret, caller_name in lines:
        if caller_name == "ret_from_fork":
            continue  # entered by adr lr + a jump, not by a bl
        insn = instruction_before(int(ret, 16))
        # a call through a pointer (blx rN) names no callee to check
        if not re.match(rf"bl\s+[0-9a-f]+ <{re.escape(callee)}>|blx\s+r\d+$", insn):
            reasons.append(f"lesson 7: backtrace: {ret} in {caller_name} does not follow "
                           f"a bl {callee}: {insn!r}")
    return reasons


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
        "name": "tty-typed-ahead-ctrl-c-trace-and-64k-paste",
        "append": "rdinit=/init",
        "script": [("", "echo typed-ahead\n"),
                   (rf"^(?:{PROMPT})?typed-ahead\r?\n(?:.*\n)*?.*{PROMPT}$",
                    "sh /etc/ftrace-ctrl-c\n"),
                   (rf"ftrace-ctrl-c\r?\n(?:.*\n)*?.*{PROMPT}$", "RPi_signal\n"),
                   # ^C once it waits in pause()
                   (r"waiting in pause\(\)", "\x03", 0.5),
                   (rf"handler ran 1 time\(s\)\r?\n(?:.*\n)*?.*{PROMPT}$",
                    "echo 0 > /sys/kernel/tracing/tracing_on; cat /sys/kernel/tracing/trace\n"),
                   (rf"^# tracer: function(?:.*\n)*?.*{PROMPT}$", "busybox stty -echo\n"),
                   (rf"stty -echo\r?\n(?:.*\n)*?.*{PROMPT}$", PASTE + "poweroff\n")],
        "expect": [rf"^(?:{PROMPT})?typed-ahead\r?$", r"reboot: Power down"],
        "check": lambda text: check_ctrl_c_trace(text) + check_every_line(text),
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
            r"^ +sigqueue-\d+ +\[\d{3}\] \.[.nNp]\.\. +\d+\.\d{6}: sched_process_exec: "
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
            r"^ +sigqueue-\d+ +\[\d{3}\] d[.nNp]\.\. +\d+\.\d{6}: signal_generate: sig=10 errno=0 "
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
