"""kx-ps and kx-task: the tasks, as Linux's scripts/gdb/linux/tasks.py lists them
(lx-ps, lx_task_by_pid), with each task's state as /proc/<pid>/stat shows it, its
CPU, and for kx-task its pending signals and blocked mask."""
import gdb

from kestrel import utils

task_type = utils.CachedType("struct task_struct")
sigqueue_type = utils.CachedType("struct sigqueue")


def runqueues():
    """The per-CPU runqueues (kernel/sched/core.c's DEFINE_PER_CPU(struct rq, runqueues))."""
    rqs = utils.static_value("runqueues__percpu")
    low, high = rqs.type.range()
    return [rqs[cpu] for cpu in range(low, high + 1)]


def for_each_task():
    """Every task: each CPU's idle task (swapper/N), then the all_tasks list."""
    for rq in runqueues():
        if int(rq["idle"]):
            yield rq["idle"]
    yield from utils.list_for_each_entry(utils.static_value("all_tasks"),
                                         task_type.get_type(), "tasks")


def task_by_pid(pid):
    for task in for_each_task():
        if int(task["pid"]) == pid:
            return task
    return None


def task_state(task):
    """"S (sleeping)"...: the kernel's own task_state_array, indexed as its
    task_state_index() does (kernel/fs/proc/array.c)."""
    c = utils.load_constants()
    names = utils.static_value("task_state_array")
    state = int(task["state"])
    report = (state | int(task["exit_state"])) & c.LX_TASK_REPORT
    if state == c.LX_TASK_IDLE:
        index = names.type.range()[1]
    else:
        index = report.bit_length()
    return names[index].string()


def task_cpu(task):
    """The CPU the task last ran on, and whether it is running there now."""
    cpu = int(task["stack"]["cpu"])
    running = int(runqueues()[cpu]["curr"]) == int(task)
    return cpu, running


class KxPs(utils.KernelCommand):
    """List the tasks: pid, thread group, parent, state, CPU and comm.

kx-ps
CPU is the CPU a task last ran on, with * if it is running there now.
S is /proc/<pid>/stat's state letter. TASK is the task_struct's address:
`p *(struct task_struct *)TASK`, or kx-task PID."""

    def __init__(self):
        super().__init__("kx-ps", gdb.COMMAND_DATA)

    def invoke_kernel(self, arg, cpu):
        gdb.write(f"{'PID':>5} {'TGID':>5} {'PPID':>5} S {'CPU':>4} {'TASK':<10} COMM\n")
        for task in for_each_task():
            parent = task["real_parent"]
            ppid = int(parent["pid"]) if int(parent) else 0
            cpu, running = task_cpu(task)
            gdb.write(f"{int(task['pid']):>5} {int(task['tgid']):>5} {ppid:>5} "
                      f"{task_state(task)[0]} {cpu:>3}{'*' if running else ' '} "
                      f"{int(task):#010x} {utils.read_string(task['comm'])}\n")


KxPs()


def sigset_signals(sigset):
    """The signal numbers in a sigset_t."""
    words = sigset["sig"]
    bits = words.type.target().sizeof * 8
    low, high = words.type.range()
    return [w * bits + b + 1 for w in range(low, high + 1)
            for b in range(bits) if (int(words[w]) >> b) & 1]


def signal_name(sig):
    """"10 SIGUSR1", "34 SIGRTMIN+2": the number, as the trace shows it, and the
    kernel's name (its SIGRTMIN is 32; glibc's is 34)."""
    c = utils.load_constants()
    if sig in c.LX_SIGNAL_NAMES:
        return f"{sig} {c.LX_SIGNAL_NAMES[sig]}"
    offset = sig - c.LX_SIGRTMIN
    return f"{sig} SIGRTMIN" + (f"+{offset}" if offset else "")


def format_sigset(sigset):
    sigs = sigset_signals(sigset)
    return ", ".join(signal_name(s) for s in sigs) if sigs else "(none)"


def format_pending(pending):
    """A struct sigpending: its set, then each queued siginfo (__sigqueue_alloc's)."""
    lines = [format_sigset(pending["signal"])]
    for q in utils.list_for_each_entry(pending["list"], sigqueue_type.get_type(), "list"):
        info = q["info"]
        lines.append(f"  queued: {signal_name(int(info['si_signo']))} "
                     f"si_code={int(info['si_code'])} si_errno={int(info['si_errno'])}")
    return "\n".join(lines)


def thread_flags(task):
    c = utils.load_constants()
    flags = int(task["stack"]["flags"])
    names = [name for bit, name in sorted(c.LX_TIF_NAMES.items()) if (flags >> bit) & 1]
    return f"{flags:#x}" + (f" ({' '.join(names)})" if names else "")


class KxTask(utils.KernelCommand):
    """Show one task: who it is, its state, pending signals and blocked mask, then
its task_struct.

kx-task [PID]
Without PID, the task running on the selected CPU (`info threads`: thread N is
CPU N-1). Pending signals are the
thread's own (task->pending) and its thread group's (task->signal->shared_pending),
each followed by the siginfo queued for it (__sigqueue_alloc's)."""

    def __init__(self):
        super().__init__("kx-task", gdb.COMMAND_DATA)

    def invoke_kernel(self, arg, cpu):
        if arg.strip():
            try:
                pid = int(gdb.parse_and_eval(arg))
            except gdb.error:
                raise gdb.GdbError("usage: kx-task [PID]")
            task = task_by_pid(pid)
            if task is None:
                raise gdb.GdbError(f"no task with pid {pid}")
        else:
            task = runqueues()[cpu]["curr"]
            pid = int(task["pid"])
        cpu, running = task_cpu(task)
        parent = task["real_parent"]
        gdb.write(f"task {int(task):#010x}: pid {pid} ({utils.read_string(task['comm'])}), "
                  f"tgid {int(task['tgid'])}, parent "
                  f"{int(parent['pid']) if int(parent) else 0}\n")
        gdb.write(f"state:          {task_state(task)}"
                  f"{', exit_code ' + str(int(task['exit_code'])) if int(task['exit_state']) else ''}\n")
        gdb.write(f"cpu:            {cpu}{' (running)' if running else ''}\n")
        gdb.write(f"thread flags:   {thread_flags(task)}\n")
        gdb.write(f"pending:        {format_pending(task['pending'])}\n")
        if int(task["signal"]):
            gdb.write(f"shared pending: {format_pending(task['signal']['shared_pending'])}\n")
        gdb.write(f"blocked:        {format_sigset(task['blocked'])}\n")
        gdb.write(str(task.dereference()) + "\n")


KxTask()
