"""QEMU cases for the function tracers (issue 9): function with func_stack_trace and
sym-offset, function_graph, set_ftrace_pid, the boot options, all driven through tracefs
from the shell (user/etc/ftrace-tests, which runs the book's script user/etc/ftrace-book).
The stack traces must name the chains of the seeds' real Linux 4.19 traces (the host
tests keep the real lines they compare with): copy_process <- _do_fork <- sys_clone, do_exit <- do_group_exit
<- sys_exit_group (seen as __wake_up_parent+0x0), and kill's wake-up through
signal_wake_up_state <- complete_signal <- __send_signal <- ... <- sys_kill.
"""
import re

# "TASK-PID [CPU] flags SECS.USECS: " and what follows (Linux 4.19's context columns).
CONTEXT = re.compile(r"^\s*(?P<comm>.{1,16})-(?P<pid>\d+)\s+\[(?P<cpu>\d{3})\] "
                     r"(?P<flags>[.dX][.nNp][.hHsZz][.\da-f])\s+\d+\.\d{6}: (?P<text>.*)$")
SYM = r"[\w.]+\+0x[0-9a-f]+/0x[0-9a-f]+"


def section(text, name):
    """The lines between "=== name" and the next "=== " line."""
    m = re.search(r"^=== %s\n(.*?)^=== " % re.escape(name), text, re.S | re.M)
    return m.group(1).splitlines() if m else []


def parse(lines):
    """Records: (comm, pid, flags, text, [stack entries]) for each context line."""
    records = []
    for line in lines:
        m = CONTEXT.match(line)
        if m:
            records.append((m["comm"].strip(), int(m["pid"]), m["flags"], m["text"], []))
        elif line.startswith(" => ") and records and records[-1][3] == "<stack trace>":
            records[-1][4].append(line[4:])
    return records


def stacks_after(records, function):
    """The <stack trace> of each call of `function` (the record after its line)."""
    found = []
    for i, rec in enumerate(records[:-1]):
        if re.match(r"%s\+0x[0-9a-f]+/0x[0-9a-f]+ <-" % re.escape(function), rec[3]) and \
                records[i + 1][3] == "<stack trace>" and records[i + 1][1] == rec[1]:
            found.append((rec, records[i + 1][4]))
    return found


def chain_names(stack):
    return [re.sub(r"\+0x.*", "", entry) for entry in stack]


def expect_chain(stacks, names, what):
    """Some stack starts with `names` (each "name+0x../0x.."), then ends in user space."""
    for rec, stack in stacks:
        if chain_names(stack)[:len(names)] == names and all(re.fullmatch(SYM, e) for e in
                                                            stack[:len(names)]):
            return []
    return [f"{what}: no stack trace {' <- '.join(names)}; got "
            f"{[chain_names(s) for _, s in stacks][:3]}"]


def check_book(text):
    """The book's script: function lines with sym-offset, a stack trace after each, the
    signal_generate events, and the seed's chains."""
    records = parse(section(text, "book"))
    reasons = []
    if not records:
        return ["book: no trace lines"]
    fork = stacks_after(records, "copy_process")
    exits = stacks_after(records, "do_exit")
    sends = stacks_after(records, "__send_signal")
    reasons += expect_chain(fork, ["copy_process", "_do_fork", "sys_clone", "ret_fast_syscall"],
                            "fork")
    reasons += expect_chain(exits, ["do_exit", "do_group_exit", "__wake_up_parent",
                                    "ret_fast_syscall"], "exit")
    reasons += expect_chain(sends, ["__send_signal", "send_signal", "do_notify_parent",
                                    "exit_notify", "do_exit", "do_group_exit"], "SIGCHLD")
    # Seed 000's point: the return address into sys_exit_group is __wake_up_parent+0x0,
    # and a syscall's chain ends at ret_fast_syscall+0x0 and a user address.
    for rec, stack in exits:
        if chain_names(stack)[:3] == ["do_exit", "do_group_exit", "__wake_up_parent"]:
            if not stack[2].startswith("__wake_up_parent+0x0/") or \
                    not stack[3].startswith("ret_fast_syscall+0x0/") or \
                    not re.fullmatch(r"0x[0-9a-f]{8}", stack[4]):
                reasons.append(f"exit stack not as in Linux: {stack}")
            break
    for rec, _ in fork + exits + sends:
        if not re.fullmatch(r"(copy_process|do_exit|__send_signal)\+0x[0-9a-f]+/0x[0-9a-f]+ "
                            r"<-[\w.]+\+0x[0-9a-f]+/0x[0-9a-f]+", rec[3]):
            reasons.append(f"function line not in sym-offset form: {rec[3]}")
    if not any(r[3].startswith("signal_generate: sig=17 errno=0 code=1 comm=rpi_proc_exit")
               for r in records):
        reasons.append("no signal_generate of the child's SIGCHLD")
    traced = {r[3].split("+")[0] for r in records if "<-" in r[3]}
    if traced != {"copy_process", "do_exit", "__send_signal"}:
        reasons.append(f"set_ftrace_filter not obeyed: traced {sorted(traced)}")
    return reasons


def contains(names, run):
    """Is `run` a contiguous part of the list `names`?"""
    return any(names[i:i + len(run)] == run for i in range(len(names)))


# The victim's steps in seed 001's signal-kill9-stacks.txt (Linux 4.19): the traced
# function and its caller, and part of the stack trace after it.
VICTIM_STEPS = (("dequeue_signal", "get_signal", ["do_work_pending", "slow_work_pending"]),
                ("do_exit", "do_group_exit", ["do_signal", "do_work_pending", "slow_work_pending"]))


def check_victim_flow(records):
    """The SIGKILL victim dequeues the signal (dequeue_signal <-get_signal, from
    do_work_pending <- slow_work_pending), traces signal_deliver, then exits
    (do_exit <-do_group_exit from do_signal), in that order, as on Linux 4.19."""
    delivered = [r for r in records if r[3].startswith("signal_deliver: sig=9 ")]
    if not delivered:
        return ["kill: no signal_deliver of SIGKILL"]
    if delivered[0][3] != "signal_deliver: sig=9 errno=0 code=0 sa_handler=0 sa_flags=0":
        return [f"kill: signal_deliver not as Linux's: {delivered[0][3]}"]
    victim = delivered[0][1]
    flow = []
    for i, rec in enumerate(records):
        if rec[1] != victim:
            continue
        if rec[3].startswith("signal_deliver: "):
            flow.append("signal_deliver")
        stack = records[i + 1][4] if i + 1 < len(records) else []
        for function, caller, run in VICTIM_STEPS:
            if re.fullmatch(r"%s\+0x[0-9a-f]+/0x[0-9a-f]+ <-%s\+0x[0-9a-f]+/0x[0-9a-f]+"
                            % (function, caller), rec[3]):
                flow.append(function if contains(chain_names(stack), run) else
                            f"{function} from {chain_names(stack)}")
    if flow != ["dequeue_signal", "signal_deliver", "do_exit"]:
        return [f"kill: the victim's flow is {flow}, not Linux 4.19's dequeue_signal, "
                "signal_deliver, do_exit"]
    return []


def check_kill(text):
    """kill -9: the wake-up of the victim from sys_kill (seed 001's chain), and the
    victim's dequeue, delivery and exit on its way back to user mode."""
    records = parse(section(text, "kill"))
    reasons = expect_chain(stacks_after(records, "ttwu_do_wakeup"),
                           ["ttwu_do_wakeup", "ttwu_do_activate", "try_to_wake_up",
                            "wake_up_state", "signal_wake_up_state", "complete_signal",
                            "__send_signal", "send_signal", "do_send_sig_info",
                            "group_send_sig_info", "kill_pid_info", "sys_kill",
                            "ret_fast_syscall"], "kill")
    reasons += expect_chain(stacks_after(records, "do_exit"),
                            ["do_exit", "do_group_exit", "get_signal", "do_signal",
                             "do_work_pending", "slow_work_pending"], "SIGKILL exit")
    return reasons + check_victim_flow(records)


def check_pid(text):
    """set_ftrace_pid: only the shell that wrote its pid is traced, not its children."""
    lines = section(text, "pid")
    if not lines or not lines[0].isdigit():
        return ["pid: the shell did not print its pid"]
    pid = int(lines[0])
    records = [r for r in parse(lines) if "<-" in r[3]]
    reasons = []
    if lines[1:].count(f"{pid}") != 1:
        reasons.append(f"set_ftrace_pid does not read back {pid} alone")
    if not any(r[3].startswith("copy_process+") or r[3].startswith("copy_process ")
               for r in records):
        reasons.append("pid: the shell's fork was not traced")
    others = [r for r in records if r[1] != pid]
    if others:
        reasons.append(f"pid: functions of other tasks traced: {others[:3]}")
    return reasons


# " CPU) comm-pid | duration |  <2 spaces a level>call" (funcgraph-proc)
GRAPH_LINE = re.compile(r"^ \d\) (.{14}) \| (.{14})\|  ( *)(.*)$")
DURATION = re.compile(r"^[ +!#*@$] +\d+\.\d+ us +$")


def check_graph(text):
    """function_graph with funcgraph-proc and funcgraph-tail under set_graph_function and
    max_graph_depth 3: Linux's header and columns, and the nesting of the calls."""
    lines = section(text, "graph")
    reasons = []
    if "# CPU  TASK/PID         DURATION                  FUNCTION CALLS" not in lines:
        reasons.append("graph: no function_graph header with TASK/PID")
    calls = []
    for line in lines:
        m = GRAPH_LINE.match(line)
        if m and "rpi_pro" in m.group(1):
            calls.append((len(m.group(3)) // 2, m.group(4), m.group(2)))
    if not calls:
        return reasons + ["graph: no line of rpi_proc_exit"]
    flat = [f"{depth}:{code}" for depth, code, _ in calls]
    for wanted in (["0:sys_clone() {", "1:_do_fork() {"], ["0:sys_exit_group() {",
                                                          "1:do_group_exit() {", "2:do_exit() {"]):
        if not any(flat[i:i + len(wanted)] == wanted for i in range(len(flat))):
            reasons.append(f"graph: no {wanted}")
    closes = [c for c in calls if c[1].startswith("} /* ")]
    if not any(c[1] == "} /* sys_clone */" and c[0] == 0 and DURATION.match(c[2]) for c in closes):
        reasons.append("graph: no timed '} /* sys_clone */' at depth 0")
    if any(depth > 2 for depth, _, _ in calls):
        reasons.append("graph: max_graph_depth 3 not obeyed")
    leaves = [c for c in calls if c[1].endswith("();")]
    if not leaves or not all(DURATION.match(c[2]) for c in leaves):
        reasons.append("graph: no timed leaf calls")
    abstime = section(text, "abstime")
    if "#     TIME        CPU  DURATION                  FUNCTION CALLS" not in abstime or \
            not any(re.match(r"^\s*\d+\.\d{6} \|   \d\) ", line) for line in abstime):
        reasons.append("graph: funcgraph-abstime not shown")
    return reasons


def check_errors(text):
    """Bad writes get -EINVAL; the failed "!" left set_graph_function as it was."""
    lines = section(text, "errors")
    want = ["sh: echo: write error: Invalid argument", "status 1"] * 4
    if lines[:8] != want or sorted(lines[8:]) != ["sys_clone", "sys_exit_group"]:
        return [f"errors: got {lines}"]
    return []


def check_sleep_time(text):
    """options/sleep-time: off, a 0.2 s nanosleep's duration leaves the sleep out;
    on (Linux's default), it counts it."""
    durations = [float(m.group(1)) for m in re.finditer(
        r"([\d.]+) us +\|\s+(?:sys_nanosleep\(\);|\} /\* sys_nanosleep \*/)",
        "\n".join(section(text, "sleep-time")))]
    if len(durations) != 2:
        return [f"sleep-time: {len(durations)} sys_nanosleep durations, not 2"]
    if durations[0] >= 100000 or durations[1] < 150000:
        return [f"sleep-time: nanosleep(0.2 s) lasted {durations[0]} us with nosleep-time, "
                f"{durations[1]} us with sleep-time"]
    return []


def check_stop_machine(text):
    """Turning the function tracer on and off patches kernel code under
    stop_machine(): as on Linux, every CPU switches to its stopper thread,
    migration/N on CPU N, which goes back to sleep (S) once the code is
    rewritten; twice, once for each change. The last switch back to sleep
    may come after the script has turned tracing off (stop_machine()
    returns once every CPU is done, not once every stopper sleeps), so one
    sleep fewer than runs is accepted."""
    lines = "\n".join(section(text, "stop-machine"))
    reasons = []
    for cpu in range(4):
        into = re.findall(r"\[%03d\] .*sched_switch: .*==> next_comm=migration/%d next_pid=\d+ "
                          r"next_prio=0$" % (cpu, cpu), lines, re.M)
        out = re.findall(r"^ *migration/%d-\d+ +\[%03d\] .*sched_switch: prev_comm=migration/%d "
                         r"prev_pid=\d+ prev_prio=0 prev_state=S ==>" % (cpu, cpu, cpu), lines, re.M)
        if len(into) < 2 or len(out) < len(into) - 1:
            reasons.append(f"stop-machine: migration/{cpu} ran {len(into)} times on CPU {cpu} "
                           f"and slept {len(out)} times, not 2 and at least 1")
    return reasons


def check_all(text):
    return check_book(text) + check_kill(text) + check_pid(text) + check_graph(text) + \
        check_errors(text) + check_sleep_time(text) + check_stop_machine(text)


def check_boot_options(text):
    records = parse(text.splitlines())
    reasons = []
    calls = [r for r in records if "<-" in r[3]]
    if not calls:
        return ["ftrace=function at boot: nothing traced"]
    names = {r[3].split("+")[0] for r in calls}
    if names != {"do_exit"}:
        reasons.append(f"ftrace_filter=/ftrace_notrace= not obeyed: {sorted(names)}")
    if not any(re.fullmatch(r"do_exit\+0x[0-9a-f]+/0x[0-9a-f]+ <-do_group_exit\+0x[0-9a-f]+"
                            r"/0x[0-9a-f]+", r[3]) for r in calls):
        reasons.append("trace_options=sym-offset not applied")
    return reasons


CASES = [
    {
        "name": "ftrace-book-script-stacks-graph-pid",
        "append": "rdinit=/init -- /bin/sh /etc/ftrace-tests",
        "expect": [r"^=== book", r"^# tracer: function$", r"^=== kill", r"^=== graph",
                   r"^# tracer: function_graph$",
                   # idle tasks' stacks end by name in head.S's code, which kallsyms covers
                   r"^=== idle\n(.*\n)*? *<idle>-0 .*: schedule_idle\+0x[0-9a-f]+/0x[0-9a-f]+ <-"
                   r"cpu_startup_entry\+0x[0-9a-f]+/0x[0-9a-f]+\n.*<stack trace>\n"
                   r"( => .*\n)* => (__mmap_switched|__secondary_switched)\+0x0/0x[0-9a-f]+\n",
                   r"^=== end", r"init: /bin/sh exited with status 0"],
        "check": check_all,
        "forbid": [r"Kernel panic", r"Internal error", r"Bad frame pointer", r"ftrace failed",
                   r"^ => 0xc0"],
        "exit": 0,
        "timeout": 60,
    },
    {
        "name": "ftrace-boot-options",
        "append": "rdinit=/init ftrace=function ftrace_filter=do_exi?,copy_process "
                  "ftrace_notrace=copy_* trace_options=sym-offset -- /bin/sh -c "
                  "\"rpi_proc_exit; echo 0 > /sys/kernel/tracing/tracing_on; "
                  "cat /sys/kernel/tracing/set_ftrace_notrace /sys/kernel/tracing/trace\"",
        "expect": [r"Starting tracer 'function'", r"^copy_process$", r"^# tracer: function$"],
        "check": check_boot_options,
        "forbid": [r"Kernel panic", r"Internal error"],
        "exit": 0,
        "timeout": 30,
    },
]
