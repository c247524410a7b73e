"""QEMU cases for job control: the interactive shell (user/bin/sh.c) with the tty's ^Z, ^C
and ^\\ keys, jobs, fg, bg, and the signals the tty sends, seen in the trace.

A key only reaches a job once the job has the terminal, so no key is typed right after a
command: a background `sh -c 'sleep 1; echo tick'` prints "tick" a second later, when the
foreground `sleep 10` has long owned the terminal, and the key follows the "tick".
"""

TRACE_ENABLE = "echo 1 > /sys/kernel/tracing/events/signal/signal_generate/enable\r"
TICKER = "sh -c 'sleep 1; echo tick' &\r"


TRACE_SHOW = "cat /sys/kernel/tracing/trace; echo end-of-trace\r"


def signal_generate(sender, sig, code, comm, res=0):
    """A signal_generate line of the trace file, in Linux 4.19's format."""
    return (rf"^\s+{sender}-\d+\s+\[\d{{3}}\] d\.\.\.\s+\d+\.\d{{6}}: signal_generate: sig={sig} "
            rf"errno=0 code={code} comm={comm} pid=\d+ grp=1 res={res}$")


def tty_signal(sig):
    """A key's signal: the flip-buffer work item sends it (n_tty's isig), si_code SI_KERNEL."""
    return signal_generate(r"kworker/u8:0", sig, 128, "sleep")


def shell_sigcont(comm):
    """fg and bg send SIGCONT to the job's process group from the shell: si_code SI_USER.
    res=1 (ignored): SIGCONT's work, the wake-up, is done in prepare_signal; its default
    action is to do nothing more."""
    return signal_generate("sh", 18, 0, comm, res=1)


FORBID = [r"Kernel panic", r"Internal error", r"^sh: "]

CASES = [
    {
        "name": "jobs-ctrl-z-jobs-bg-fg-ctrl-c-done",
        "append": "rdinit=/init",
        "script": [(r"^# ", TRACE_ENABLE),
                   (r"signal_generate/enable\n# ", TICKER),
                   (r"^\[1\] \d+$", "sleep 10\r"),
                   (r"^tick$", "\x1a"),
                   (r"^\[1\]   Done .*tick'\n# ", "jobs\r"),
                   (r"Stopped +sleep 10\n# ", "bg\r"),
                   (r"^\[2\]\+ sleep 10 &$", "jobs\r"),
                   (r"Running +sleep 10 &\n# ", "fg\r"),
                   (r"^sleep 10$", "\x03"),
                   (r"\^C\n# ", "echo status $?\r"),
                   (r"^status 130$", "true &\r"),
                   (r"# true &\n\[1\] \d+\n# ", "sleep 1\r"),
                   (r"Done +true\n# ", TRACE_SHOW),
                   (r"^end-of-trace$", "exit\r")],
        "expect": [r"^# sleep 10\ntick\n\^Z\n\[2\]\+  Stopped                 sleep 10\n"
                   r"\[1\]   Done                    sh -c 'sleep 1; echo tick'\n# jobs\n"
                   r"\[2\]\+  Stopped                 sleep 10\n# bg\n\[2\]\+ sleep 10 &\n# jobs\n"
                   r"\[2\]\+  Running                 sleep 10 &\n# fg\nsleep 10\n\^C\n# echo status \$\?\n"
                   r"status 130\n# true &\n\[1\] \d+\n# sleep 1\n\[1\]\+  Done                    true\n# ",
                   tty_signal(20),
                   # the stop wakes the shell's waitpid(WUNTRACED): SIGCHLD with CLD_STOPPED
                   signal_generate("sleep", 17, 5, "sh", res=1),
                   shell_sigcont("sleep"),
                   shell_sigcont("sleep"),
                   tty_signal(2),
                   r"init: /bin/sh exited with status 0"],
        "forbid": FORBID,
        "exit": 0,
        "timeout": 40,
    },
    {
        "name": "jobs-ctrl-backslash-quit-and-ttin-stop",
        "append": "rdinit=/init",
        "script": [(r"^# ", TRACE_ENABLE),
                   (r"signal_generate/enable\n# ", TICKER),
                   (r"^\[1\] \d+$", "sleep 10\r"),
                   (r"^tick$", "\x1c"),
                   (r"\^\\Quit\n", "echo status $?\r"),
                   (r"^status 131$", "cat &\r"),
                   (r"# cat &\n\[1\] \d+\n# ", "sleep 1\r"),
                   (r"Stopped +cat\n# ", "fg\r"),
                   (r"^cat$", "\x04"),
                   (r"^cat\n# ", TRACE_SHOW),
                   (r"^end-of-trace$", "exit\r")],
        "expect": [r"^# sleep 10\ntick\n\^\\Quit\n\[1\]\+  Done                    sh -c 'sleep 1; echo tick'\n"
                   r"# echo status \$\?\nstatus 131\n",
                   # a background reader gets SIGTTIN and stops; bash reports it before the prompt
                   r"^# cat &\n\[1\] \d+\n# sleep 1\n\n\[1\]\+  Stopped                 cat\n# fg\ncat\n# ",
                   tty_signal(3),
                   signal_generate("cat", 21, 128, "cat"),	# n_tty_read's job_control check
                   shell_sigcont("cat"),
                   r"init: /bin/sh exited with status 0"],
        "forbid": FORBID,
        "exit": 0,
        "timeout": 40,
    },
]
