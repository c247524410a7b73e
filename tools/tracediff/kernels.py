"""What differs between Linux 4.19 (the seeds' kernel, and the names and
format this kernel follows) and Linux 6.1 (Debian's, which `make
linux-trace` boots) in a trace, each with the one line that explains it;
and which records are scheduling noise rather than a program's flow.
Checked against real traces (tests/trace/, docs/traces/) and against the
available_filter_functions of Debian's 6.1.0-50-armmp."""
import re

# 6.1 name -> (4.19 name, why)
RENAMED_IN_6 = {
    "kernel_clone": ("_do_fork", "4.19's _do_fork is called kernel_clone in 6.1"),
    "__send_signal_locked": ("__send_signal", "4.19's __send_signal is called __send_signal_locked in 6.1"),
    "send_signal_locked": ("send_signal", "4.19's send_signal is called send_signal_locked in 6.1"),
    "force_sig_info_to_task": ("force_sig_info", "6.1's force_sig_info_to_task does 4.19's force_sig_info's "
                               "job (6.1's force_sig_fault reaches it through force_sig_fault_to_task)"),
}
NAMES_AFTER_4_19 = set(RENAMED_IN_6)

# Functions of 4.19's paths that 6.1's compiler inlines: no line, no frame
# in 6.1 (none of them is in its available_filter_functions).
INLINED_IN_6 = {
    "legacy_queue", "exit_notify", "do_signal", "handle_signal", "setup_rt_frame", "setup_frame",
    "kill_something_info", "kill_proc_info", "__do_user_fault",
}


def inlined_why(name):
    return f"{name} is a function in 4.19 and inlined in 6.1, so 6.1 has no line or frame for it"


# Functions that end with a call in 6.1, built without frame pointers: the
# call reuses their frame, so they are on no 6.1 stack trace (4.19 is built
# with frame pointers and without sibling calls, as this kernel is).
TAIL_CALLING_IN_6 = {"group_send_sig_info", "force_sig_fault_to_task", "do_translation_fault",
                     "do_undefinstr", "arm_notify_die"}


def tail_call_why(name):
    return (f"{name} ends with a call in 6.1, which is built without frame pointers: "
            f"the callee reuses its frame, so 6.1's stack traces skip it")


# Calls 6.1 makes directly where 4.19 went through other functions:
# (caller, 4.19's frames in between, callee, why).
CALLS_SHORTENED_IN_6 = [
    ("do_notify_parent", ("__group_send_sig_info", "send_signal"), "__send_signal",
     "6.1's do_notify_parent calls __send_signal_locked itself (4.19: __group_send_sig_info, send_signal)"),
]

# 6.1 return addresses that are the first byte of the next symbol: 6.1's
# __pabt_usr ends with its call into C and falls through into
# ret_from_exception, and __und_usr sets lr to ret_from_exception, so the
# frame is named after the entry code's next function (4.19's names the
# entry code itself). 6.1 name -> (the 4.19 frames it stands for, why).
RETURN_INTO_NEXT_SYMBOL_IN_6 = {
    "ret_from_exception": ({"__pabt_usr", "__und_usr"},
                           "6.1's exception entry returns into ret_from_exception+0x0 (its call is the "
                           "last instruction before it), so its frame has ret_from_exception's name"),
}

# Frames of the way in from user space: an unwinder may stop before them.
ENTRY_FRAMES = {
    "ret_fast_syscall", "__sys_trace_return", "__sys_trace", "slow_work_pending", "ret_to_user",
    "ret_to_user_from_irq", "ret_from_fork", "vector_swi", "__irq_usr", "__dabt_usr", "__pabt_usr",
    "__und_usr", "__irq_svc", "__dabt_svc", "__pabt_svc", "__und_svc", "work_pending",
}
USER_ADDRESS = re.compile(r"^(0x)?[0-9a-f]+$")

# Events whose timing, not the program, decides whether and where they appear.
SCHEDULING_EVENTS = re.compile(
    r"^(sched_switch|sched_wakeup|sched_waking|sched_migrate_task|sched_stat_\w+|sched_kthread\w*|"
    r"sched_wake_idle\w*|sched_pi_setprio|sched_move_numa|sched_stick_numa|sched_swap_numa|"
    r"timer_\w+|hrtimer_\w+|workqueue_\w+|irq_handler_\w+|softirq_\w+|tasklet_\w+|ipi_\w+|rcu_\w+|"
    r"cpu_idle|cpu_frequency\w*|console)$")

# Fields that hold a pid (mapped between runs), a CPU (ignored unless asked),
# or an address of the kernel (differs between any two builds).
PID_FIELDS = {"pid", "child_pid", "old_pid", "prev_pid", "next_pid", "parent_pid", "tgid"}
CPU_FIELDS = {"target_cpu", "orig_cpu", "dest_cpu", "cpu"}
KERNEL_ADDRESS_FIELDS = {"function", "work", "timer", "expires", "now", "clone_flags_addr",
                         "workqueue", "hrtimer", "callback", "baseclk"}

# Kernel threads: their names carry CPU numbers and differ between kernels.
KTHREAD = re.compile(r"^(<idle>|swapper|kworker|ksoftirqd|kthreadd|migration|cpuhp|rcu_\w+|"
                     r"kcompactd\d*|kswapd\d*|khungtaskd|oom_reaper|watchdog|irq|kblockd|writeback|"
                     r"kdevtmpfs|jbd2|kauditd|khugepaged|kintegrityd|edac-poller|mmc_complete|"
                     r"ksmd|netns|kstrp|ipv6_addrconf|zswap\w*|scsi_\w+|idle_inject|"
                     r"kthrotld|blkcg_punt_bio|devfreq_wq|inet_frag_wq|mm_percpu_wq|"
                     r"pool_workqueue_release|kworker\w*)(/.*)?$")

SUFFIX = re.compile(r"\.(part|isra|constprop|cold|lto_priv|localalias)(\.\d+)?")


def strip_offset(name):
    """do_exit+0x14/0xc18 -> do_exit (sym-offset's part)."""
    return name.split("+", 1)[0]


def base_name(name):
    """The C function a symbol is: no sym-offset, no GCC clone suffix
    (copy_process.part.5 is copy_process)."""
    return SUFFIX.sub("", strip_offset(name))


def canonical(name):
    """The 4.19 name of a function printed by either kernel."""
    base = base_name(name)
    return RENAMED_IN_6.get(base, (base, ""))[0]


def rename_note(name):
    """Why name differs from its canonical form, or "" if it does not."""
    base = base_name(name)
    if base in RENAMED_IN_6:
        return RENAMED_IN_6[base][1]
    if base != strip_offset(name):
        return f"{strip_offset(name)} is GCC's clone of {base} (same function)"
    return ""


def is_user_frame(frame):
    return bool(USER_ADDRESS.match(frame)) or frame in ("<...>", "0")


def kthread_class(comm):
    """The kind of kernel thread comm names ("kworker" for kworker/u8:0),
    or None for a user task. <idle> and swapper/N are both "<idle>"."""
    m = KTHREAD.match(comm)
    if not m:
        return None
    name = m.group(1)
    return "<idle>" if name == "swapper" else name


def translate_filter_word(word):
    """A word of a set_ftrace_filter/notrace or set_graph_function write, for
    Linux 6.1. RETURNS: (replacement or None to drop it, why or "")."""
    neg = word.startswith("!")
    name = word[1:] if neg else word
    for new, (old, why) in RENAMED_IN_6.items():
        if name == old:
            return ("!" if neg else "") + new, why
    if name in INLINED_IN_6:
        return None, inlined_why(name)
    return word, ""
