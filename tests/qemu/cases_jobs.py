"""QEMU cases for job control: the interactive shell (user/bin/sh/) with the tty's ^Z, ^C
and ^\\ keys, jobs, fg, bg, and the signals they send, seen in the trace.

A key only reaches a job once the job has the terminal, so no key is typed right after a
command: a background `sh -c 'sleep 1; echo tick'` prints "tick" a second later, when the
foreground `sleep 10` has long owned the terminal, and the key follows the "tick".
Line ends are matched as \\r?\\n: run.py may see a "\\r\\n" split across two reads.
The prompt is "/ # " (PS1's default "\\w \\$ ").
"""

EOL = r"\r?\n"
PROMPT = "/ # "
TRACE_ENABLE = "echo 1 > /sys/kernel/tracing/events/signal/enable\r"
TRACE_SHOW = "cat /sys/kernel/tracing/trace; echo end-of-trace\r"
TICKER = "sh -c 'sleep 1; echo tick' &\r"
FORBID = [r"Kernel panic", r"Internal error", r"^sh: "]


def transcript(*lines):
    """Consecutive console lines (regexes), from the start of a line."""
    return "^" + EOL.join(lines)


def line(text):
    """A whole console line (a regex)."""
    return rf"^{text}\r?$"


def signal_generate(sender, sig, code, comm, res=0):
    """A signal_generate line of the trace file, in Linux 4.19's format."""
    return line(rf"\s+{sender}-\d+\s+\[\d{{3}}\] d\.\.\.\s+\d+\.\d{{6}}: signal_generate: sig={sig} "
                rf"errno=0 code={code} comm={comm} pid=\d+ grp=1 res={res}")


def tty_signal(sig):
    """A key's signal: the flip-buffer work item sends it (n_tty's isig), si_code SI_KERNEL."""
    return signal_generate(r"kworker/u8:0", sig, 128, "sleep")


def shell_sigcont(comm):
    """fg and bg send SIGCONT to the job's process group from the shell: si_code SI_USER.
    res=1 (ignored): SIGCONT's work, the wake-up, is done in prepare_signal; its default
    action is to do nothing more."""
    return signal_generate("sh", 18, 0, comm, res=1)


def sigchld_to_shell(code):
    """A job's SIGCHLD to the shell, which has bash's handler: delivered (res=0), and the
    handler runs in the shell (sa_flags=14000000: SA_RESTART | SA_RESTORER)."""
    return [signal_generate("sleep", 17, code, "sh"),
            line(rf"\s+sh-\d+\s+\[\d{{3}}\] d\.\.\.\s+\d+\.\d{{6}}: signal_deliver: sig=17 errno=0 "
                 rf"code={code} sa_handler=[0-9a-f]+ sa_flags=14000000")]


def shell_delivery():
    """The shell's SIGCHLD handler ran (sa_flags=14000000: SA_RESTART | SA_RESTORER)."""
    return line(r"\s+sh-\d+\s+\[\d{3}\] d\.\.\.\s+\d+\.\d{6}: signal_deliver: sig=17 errno=0 "
                r"code=\d sa_handler=[0-9a-f]+ sa_flags=14000000")


CASES = [
    {
        "name": "jobs-ctrl-z-jobs-bg-fg-ctrl-c-done",
        "append": "rdinit=/init",
        "script": [(r"^/ # ", TRACE_ENABLE),
                   (r"signal/enable\r?\n/ # ", TICKER),
                   (line(r"\[1\] \d+"), "sleep 10\r"),
                   (line("tick"), "\x1a"),
                   (r"^\[1\]   Done .*tick'\r?\n/ # ", "jobs\r"),
                   (r"Stopped +sleep 10\r?\n/ # ", "bg\r"),
                   (line(r"\[2\]\+ sleep 10 &"), "jobs\r"),
                   (r"Running +sleep 10 &\r?\n/ # ", "fg\r"),
                   (line("sleep 10"), "\x03"),
                   (r"\^C\r?\n/ # ", "echo status $?\r"),
                   (line("status 130"), "sleep 0.5 &\r"),
                   (r"Done +sleep 0\.5\r?\n/ # ", TRACE_SHOW),
                   (line("end-of-trace"), "exit\r")],
        "expect": [transcript("/ # sleep 10", "tick", r"\^Z",
                              r"\[2\]\+  Stopped                 sleep 10",
                              r"\[1\]   Done                    sh -c 'sleep 1; echo tick'",
                              "/ # jobs", r"\[2\]\+  Stopped                 sleep 10",
                              "/ # bg", r"\[2\]\+ sleep 10 &",
                              "/ # jobs", r"\[2\]\+  Running                 sleep 10 &",
                              "/ # fg", "sleep 10", r"\^C",
                              r"/ # echo status \$\?", "status 130",
                              r"/ # sleep 0\.5 &", r"\[1\] \d+",
                              # reported when it ends, the shell waiting at its prompt:
                              # the report takes the prompt's line, the prompt follows
                              r"(/ # \r\x1b\[K)?\[1\]\+  Done                    sleep 0\.5",
                              "/ # "),
                   tty_signal(20),
                   # the stop wakes the shell's waitpid(WUNTRACED): SIGCHLD, CLD_STOPPED;
                   # res=2 if the ticker's SIGCHLD still waits (the shell blocks it
                   # while it waits for a foreground job, as bash)
                   signal_generate("sleep", 17, 5, "sh", res="[02]"),
                   shell_delivery(),
                   shell_sigcont("sleep"),
                   # and SIGCONT makes it CLD_CONTINUED (waitpid's WCONTINUED), which
                   # the handler takes at the prompt
                   signal_generate("sleep", 17, 6, "sh"),
                   shell_delivery(),
                   shell_sigcont("sleep"),
                   tty_signal(2),
                   r"init: /bin/sh exited with status 0"],
        "forbid": FORBID,
        "exit": 0,
        "timeout": 40,
    },
    {
        "name": "jobs-ctrl-backslash-quit-background-stop-fg",
        "append": "rdinit=/init",
        "script": [(r"^/ # ", TRACE_ENABLE),
                   (r"signal/enable\r?\n/ # ", TICKER),
                   (line(r"\[1\] \d+"), "sleep 10\r"),
                   (line("tick"), "\x1c"),
                   (r"\^\\Quit\r?\n", "echo status $?\r"),
                   (line("status 131"), "sleep 10 &\r"),
                   (r"/ # sleep 10 &\r?\n\[1\] \d+\r?\n/ # ", "kill -STOP $!; sleep 0.5\r"),
                   (r"Stopped +sleep 10\r?\n/ # ", "fg\r"),
                   (line("sleep 10"), "\x03"),
                   (r"\^C\r?\n/ # ", TRACE_SHOW),
                   (line("end-of-trace"), "exit\r")],
        "expect": [transcript("/ # sleep 10", "tick", r"\^\\Quit",
                              r"\[1\]\+  Done                    sh -c 'sleep 1; echo tick'",
                              r"/ # echo status \$\?", "status 131"),
                   # a background job stopped by a signal is reported before the next
                   # prompt, after an empty line, as bash does; fg continues it
                   transcript("/ # sleep 10 &", r"\[1\] \d+", r"/ # kill -STOP \$!; sleep 0\.5", "",
                              r"\[1\]\+  Stopped                 sleep 10", "/ # fg", "sleep 10",
                              r"\^C", "/ # "),
                   tty_signal(3),
                   # kill is the shell's builtin, as bash's
                   signal_generate("sh", 19, 0, "sleep"),
                   signal_generate("sleep", 17, 5, "sh"),
                   shell_delivery(),
                   shell_sigcont("sleep"),
                   tty_signal(2),
                   r"init: /bin/sh exited with status 0"],
        "forbid": FORBID,
        "exit": 0,
        "timeout": 40,
    },
]
