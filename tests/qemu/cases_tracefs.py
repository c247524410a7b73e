"""QEMU cases for tracefs (issue 9): tracing driven only through /sys/kernel/tracing from the
shell, with the files, errors and text Linux 4.19 has: the boot options trace_event=,
trace_trigger= and trace_clock=, tracers and options, format files, filters (and their
errors as the filter file shows them), triggers, trace_pipe waking a blocked reader,
latency-format/sym-offset/sym-addr/stacktrace, record-cmd, overwrite, errnos. One boot;
the shell script is user/etc/tracefs-tests; t_tracefs (user/tests) abuses the files from
several threads at once.
"""

import re

EOL = r"\r?\n"
WRITE_ERROR = "sh: echo: write error: Invalid argument"


def lines(*texts):
    """Consecutive console lines (regexes), each a whole line."""
    return "^" + EOL.join(texts) + r"\r?$"


OPTIONS_DEFAULT = [
    "print-parent", "nosym-offset", "nosym-addr", "noverbose", "noraw", "nohex", "nobin",
    "noblock", "trace_printk", "annotate", "nouserstacktrace", "nosym-userobj",
    "noprintk-msg-only", "context-info", "nolatency-format", "record-cmd", "norecord-tgid",
    "overwrite", "nodisable_on_free", "irq-info", "markers", "noevent-fork", "function-trace",
    "nofunction-fork", "nodisplay-graph", "nostacktrace",
]

def exact(*texts):
    """Consecutive console lines, each exactly as given."""
    return lines(*(re.escape(t) for t in texts))


# Linux 4.19's format files for these two events (32-bit ARM: 4-byte fields).
COMMON_FIELDS = [
    "format:",
    "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;",
    "\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;",
    "\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;",
    "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;",
    "",
]
SIGNAL_GENERATE_FORMAT = ["name: signal_generate", "ID: 39"] + COMMON_FIELDS + [
    "\tfield:int sig;\toffset:8;\tsize:4;\tsigned:1;",
    "\tfield:int errno;\toffset:12;\tsize:4;\tsigned:1;",
    "\tfield:int code;\toffset:16;\tsize:4;\tsigned:1;",
    "\tfield:char comm[16];\toffset:20;\tsize:16;\tsigned:0;",
    "\tfield:pid_t pid;\toffset:36;\tsize:4;\tsigned:1;",
    "\tfield:int group;\toffset:40;\tsize:4;\tsigned:1;",
    "\tfield:int result;\toffset:44;\tsize:4;\tsigned:1;",
    "",
    'print fmt: "sig=%d errno=%d code=%d comm=%s pid=%d grp=%d res=%d", REC->sig, '
    "REC->errno, REC->code, REC->comm, REC->pid, REC->group, REC->result",
]
SYS_ENTER_KILL_FORMAT = ["name: sys_enter_kill", "ID: 92"] + COMMON_FIELDS + [
    "\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;",
    "\tfield:pid_t pid;\toffset:12;\tsize:4;\tsigned:0;",
    "\tfield:int sig;\toffset:16;\tsize:4;\tsigned:0;",
    "",
    'print fmt: "pid: 0x%04lx, sig: 0x%04lx", ((unsigned long)(REC->pid)), '
    "((unsigned long)(REC->sig))",
]


def filter_error(expr, column, message):
    """A refused filter: bash's write error, then the filter file as Linux shows it."""
    return [WRITE_ERROR] + [re.escape(t) for t in
                            [expr, " " * column + "^", "parse_error: " + message, ""]]


# The context columns of a record written by busybox ash in process context.
# A trace line's need-resched column is matched as [.nNp], never pinned: a tick that
# falls inside the traced step (a loaded host stretches every step) sets it.
ASH = r" +busybox-\d+ +\[\d{3}\] d[.nNp]\.\. +\d+\.\d{6}: "
SIG10 = ASH + "signal_generate: sig=10 errno=0 code=0 comm=busybox pid=\\d+ grp=1 res=1"
KILL_STACK = [ASH + "<stack trace>"] + [" => " + f for f in [
    "__send_signal", "send_signal", "do_send_sig_info", "group_send_sig_info",
    "kill_pid_info", "sys_kill", "ret_fast_syscall"]] + [r" => 0x[0-9a-f]+"]


def check_overwrite(text):
    """options/overwrite on a 4 KB ring, 300 trace_marker lines: off, the ring keeps
    the first ones and drops the rest (dropped events); on, it keeps the newest and
    overwrites the oldest (overrun), as per_cpu/cpuN/stats count them."""
    m = re.search(r"^== overwrite\r?\n(.*?)^== errnos", text, re.S | re.M)
    if not m:
        return ["overwrite: no output"]
    out = [line.strip() for line in m.group(1).splitlines()]
    if out[:2] != ["4", "16"]:
        return [f"overwrite: buffer_size_kb/buffer_total_size_kb read {out[:2]}, not 4/16"]

    def sums(stats):
        total = {"overrun": 0, "dropped events": 0}
        for line in stats:
            key, _, value = line.partition(":")
            total[key] += int(value)
        return total["overrun"], total["dropped events"]

    reasons = []
    if out[2] != "1":
        reasons.append("nooverwrite lost the first line written")
    overrun, dropped = sums(out[3:11])
    if overrun or not dropped:
        reasons.append(f"nooverwrite: overrun {overrun}, dropped {dropped}")
    if out[11] != "1":
        reasons.append("overwrite lost the newest line")
    overrun, dropped = sums(out[12:20])
    if dropped or not overrun:
        reasons.append(f"overwrite: overrun {overrun}, dropped {dropped}")
    if out[20:] != ["0"]:
        reasons.append(f"echo > trace left {out[20:]} records")
    return reasons


CASES = [
    {
        "name": "tracefs-events-filters-triggers-options-abuse",
        # trace_buf_size= above the largest ring (4 MiB a CPU) is cut to it:
        # before, the rings were not allocated and opening trace oopsed
        "append": "rdinit=/init trace_event=sched:sched_process_exec "
                  "trace_trigger=sched_process_exec.stacktrace:1 trace_clock=global "
                  "trace_buf_size=8M -- /bin/sh /etc/tracefs-tests",
        "expect": [
            r"tracing: trace_buf_size= cut to 4096 KiB, the largest ring per CPU",
            r"tracing: 4096 KiB ring buffer per CPU",
            lines("== boot-options", r"local \[global\] counter uptime perf mono mono_raw boot",
                  r"1\*", "stacktrace:count=0",
                  r" +init-1 +\[\d{3}\] \.[.nNp]\.\. +\d+\.\d{6}: sched_process_exec: "
                  r"filename=/init pid=1 old_pid=1",
                  r" +init-1 +\[\d{3}\] d[.nNp]\.\. +\d+\.\d{6}: <stack trace>"),
            lines("== tracers", r"(\S+ )*nop", "nop", WRITE_ERROR, "nop"),
            lines("== options", "0", "1", "0", WRITE_ERROR, WRITE_ERROR, WRITE_ERROR,
                  WRITE_ERROR, *OPTIONS_DEFAULT),
            r"^test_nop_accept\r?\nnotest_nop_refuse\r?$",
            r"^== abuse",
            r"^t_tracefs: \d+ passed, 0 failed",
            exact("== format", *SIGNAL_GENERATE_FORMAT, *SYS_ENTER_KILL_FORMAT, "== filter"),
            lines(*filter_error("sig ==", 6, "Invalid value (did you forget quotes)?"),
                  *filter_error("nosuch == 1", 7, "Field not found"),
                  *filter_error("(sig == 1", 0, "Too many '('"),
                  *filter_error('comm > "a"', 8, "Illegal operation for field type"),
                  *filter_error('sig == "x"', 8, "Expecting numeric field"),
                  re.escape('(sig >= 10 || sig <= 2) && !(sig & 1) && sig != 12 && '
                            'comm ~ "busy*"'),
                  SIG10, "none", "== trigger"),
            lines(WRITE_ERROR, WRITE_ERROR,
                  "enable_event:sched:sched_process_exit:count=1 if sig == 12",
                  "traceoff:count=1 if sig == 12", "stacktrace:count=2 if sig == 10",
                  r"0\*", "0", r"1\*", SIG10, *KILL_STACK, SIG10, *KILL_STACK, SIG10,
                  ASH + "signal_generate: sig=12 errno=0 code=0 comm=busybox pid=\\d+ grp=1 res=1",
                  "# Available triggers:"),
            lines("== pipe", r" +sh-\d+ +\[\d{3}\] \.[.nNp]\.\. +\d+\.\d{6}: tracing_mark_write: woke",
                  r" +sh-\d+ +\[\d{3}\] \.[.nNp]\.\. +\d+\.\d{6}: tracing_mark_write: second",
                  "== options"),
            r"^# nop latency trace v1\.1\.5 on 4\.19\.0",
            lines(r" busybox-\d+ +\dd[.nNp]\.\. +\d+us.: <stack trace>",
                  r" => __send_signal\+0x[0-9a-f]+/0x[0-9a-f]+ <c0[0-9a-f]{6}>"),
            r"^ => 0x7[0-9a-f]{7} <7[0-9a-f]{7}>\r?$",
            lines("== record-cmd", "1", "== overwrite"),
            lines("== errnos", *[WRITE_ERROR] * 6, "1408", "128",
                  r"\[local\] global counter uptime perf mono mono_raw boot"),
            r"^== done",
            r"init: /bin/sh exited with status 0",
        ],
        "check": check_overwrite,
        "forbid": [r"Kernel panic", r"Internal error", r"^FAIL "],
        "exit": 0,
        "timeout": 60,
    },
]
