"""QEMU cases for job control: the interactive shell (user/bin/sh/) with the tty's ^Z, ^C
and ^\\ keys, jobs, fg, bg, and the signals they send, seen in the trace.

A key only reaches a job once the job has the terminal, so no key is typed right after a
command: a background `sh -c 'sleep 1; echo tick'` prints "tick" a second later, when the
foreground `sleep 10` has long owned the terminal, and the key follows the "tick" (the
ticker's "Done" may then come before or after the key's report: TICKER_DONE). A key's
echo may come after the shell's report of what its signal did (n_tty signals first, then
echoes, as Linux's): the cases list these keys in "late_echo", and run.py matches the
transcript without their echoes and counts them apart, so an echoed "^Z" line reads "".
Line ends are matched as \\r?\\n: run.py may see a "\\r\\n" split across two reads.
The prompt is "/ # " (PS1's default "\\w \\$ ").

The second boot goes on with the shell at the student's bench (issue 11): the prompt shows
the directory; cd, cd -, $PWD; errors as bash and Linux print them (a write tracefs refuses,
a file tracefs cannot create, a missing directory); uname's fields; line editing and history;
^C at the prompt; a background job reported when it ends, while the shell waits at its
prompt; kill with job specs and bad arguments; and the SIGCHLD a finished command sends the
shell, delivered to its handler as bash's is in seed 000's trace. (The non-interactive parts
of the shell are checked by user/etc/sh-test, also on Linux.)
Every wait below is for text seen only once in its boot: run.py looks for it in the whole
console output, so a wait for text already seen would type at once.
"""
import re

# A trace line's need-resched column is matched as [.nNp], never pinned: a tick that
# falls inside the traced step (a loaded host stretches every step) sets it.

EOL = r"\r?\n"
PROMPT = "/ # "
TRACE_ENABLE = "echo 1 > /sys/kernel/tracing/events/signal/enable\r"
TRACE_SHOW = "cat /sys/kernel/tracing/trace; echo end-of-trace\r"
TICKER = "sh -c 'sleep 1; echo tick' &\r"
# The ticker's end, reported before the prompt that follows the key's report if the
# ticker had exited by then, else at that prompt, replacing its line (the key may be
# typed between its "tick" and its exit)
TICKER_DONE = r"(/ # \r\x1b\[K)?\[1\][ +-]  Done                    sh -c 'sleep 1; echo tick'"
FORBID = [r"Kernel panic", r"Internal error", r"^sh: "]
LEFT, UP = "\x1b[D", "\x1b[A"
CTRL_C, CTRL_E, CTRL_W = "\x03", "\x05", "\x17"


def transcript(*lines):
    """Consecutive console lines (regexes), from the start of a line."""
    return "^" + EOL.join(lines)


def line(text):
    """A whole console line (a regex)."""
    return rf"^{text}\r?$"


def signal_generate(sender, sig, code, comm, res=0):
    """A signal_generate line of the trace file, in Linux 4.19's format."""
    return line(rf"\s+{sender}-\d+\s+\[\d{{3}}\] d[.nNp]\.\.\s+\d+\.\d{{6}}: signal_generate: sig={sig} "
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
            line(rf"\s+sh-\d+\s+\[\d{{3}}\] d[.nNp]\.\.\s+\d+\.\d{{6}}: signal_deliver: sig=17 errno=0 "
                 rf"code={code} sa_handler=[0-9a-f]+ sa_flags=14000000")]


def shell_delivery():
    """The shell's SIGCHLD handler ran (sa_flags=14000000: SA_RESTART | SA_RESTORER)."""
    return line(r"\s+sh-\d+\s+\[\d{3}\] d[.nNp]\.\.\s+\d+\.\d{6}: signal_deliver: sig=17 errno=0 "
                r"code=\d sa_handler=[0-9a-f]+ sa_flags=14000000")


def check_sigchld_to_shell(text):
    """rpi_proc_exit's SIGCHLD to the shell that ran it: generated with res=0 (the shell has a
    handler) and delivered to it with SA_RESTART | SA_RESTORER, as bash's in seed 000."""
    gen = re.search(r"^\s+rpi_proc_exit-(\d+)\s+\[\d{3}\] d[.nNp]\.\.\s+[\d.]+: signal_generate: "
                    r"sig=17 errno=0 code=1 comm=sh pid=(\d+) grp=1 res=0\r?$", text, re.M)
    if not gen:
        return ["no signal_generate of rpi_proc_exit's SIGCHLD to sh with res=0"]
    deliver = re.compile(rf"^\s+sh-{gen.group(2)}\s+\[\d{{3}}\] d[.nNp]\.\.\s+[\d.]+: signal_deliver: "
                         r"sig=17 errno=0 code=1 sa_handler=[0-9a-f]+ sa_flags=14000000\r?$", re.M)
    if not deliver.search(text, gen.end()):
        return [f"no signal_deliver of SIGCHLD in sh-{gen.group(2)} after its generation"]
    return []


# The shell at the bench, typed after the job-control part of the second boot
BENCH_SCRIPT = [
    (r"^/sys/kernel/tracing # ", "echo foo > tracing_on; /bin/echo foo > tracing_on; "
     "echo 1 > nosuch; echo 1 > events/nosuch/enable\r"),
    (r"nosuch/enable: .*\n/sys/kernel/tracing # ", "cd -\r"),
    (r"^/sys/kernel/tracing # cd -\r?\n/\r?\n/ # ", "echo $PWD $OLDPWD; pwd\r"),
    (line("/ /sys/kernel/tracing"), "uname -s; uname -n; uname -r; uname -m; uname -a\r"),
    (r"armv7l\r?\n/ # ", "echo wrld" + LEFT * 3 + "o" + CTRL_E + "!\r"),
    (line("world!"), UP + CTRL_W + "again\r"),
    (line("again"), "echo never" + CTRL_C),
    (r"/ # echo never\r?\n/ # ", "echo status $?\r"),
    (line("status 130"), "sleep 0.5 &\r"),
    (r"Done +sleep 0\.5\r?\n/ # ", "sleep 10 &\r"),
    (r"Done +sleep 0\.5\r?\n/ # sleep 10 &\r?\n\[1\] \d+", "kill %1\r"),
    (r"Terminated +sleep 10\r?\n/ # ", "kill %1; echo st $?; kill foo; echo st $?\r"),
    (line("st 1") + EOL + ".*" + EOL + line("st 1"), "rpi_proc_exit\r"),
    (r"exited=1 code=3\r?\n/ # ", "cat /sys/kernel/tracing/trace; echo end-of-bench\r"),
    (line("end-of-bench"), "exit\r")]
BENCH_EXPECT = [
    # bash's and coreutils' messages for refused writes, Linux's errnos for files
    # tracefs cannot create (EACCES) and for a missing directory (ENOENT)
    line("sh: echo: write error: Invalid argument"),
    line("echo: write error: Invalid argument"),
    line("sh: nosuch: Permission denied"),
    line("sh: events/nosuch/enable: No such file or directory"),
    r"^/sys/kernel/tracing # cd -\r?\n/\r?\n/ # ",
    line("/ /sys/kernel/tracing"), line("/"),
    line("Linux") + EOL + line("raspberrypi") + EOL + line(r"4\.19\.0-kestrel-[\d.]+") + EOL +
    line("armv7l") + EOL + line(r"Linux raspberrypi 4\.19\.0-kestrel-[\d.]+ #1 SMP armv7l"),
    line("world!"), line("again"),
    r"/ # echo never\r?\n/ # echo status", line("status 130"),
    # reported at the prompt when it ends: the report takes the prompt's line
    r"/ # \r\x1b\[K\[1\]\+  Done                    sleep 0\.5\r?\n/ # ",
    r"\[1\]\+  Terminated              sleep 10\r?\n/ # ",
    line(r"sh: kill: %1: no such job"), line("st 1"),
    line(r"sh: kill: foo: arguments must be process or job IDs"), line("st 1"),
    line(r"parent: pid=\d+ wait4 -> \d+ status=0x300 exited=1 code=3"),
    r"init: /bin/sh exited with status 0"]
# the shell's own messages that the bench part provokes
BENCH_MESSAGES = r"^sh: (?!echo: write error: |nosuch: |events/nosuch/enable: |kill: )"


CASES = [
    {
        "name": "jobs-ctrl-z-jobs-bg-fg-ctrl-c-done",
        "append": "rdinit=/init",
        "script": [(r"^/ # ", TRACE_ENABLE),
                   (r"signal/enable\r?\n/ # ", TICKER),
                   (line(r"\[1\] \d+"), "sleep 10\r"),
                   (line("tick"), "\x1a"),
                   (TICKER_DONE + EOL + "/ # ", "jobs\r"),
                   (r"Stopped +sleep 10\r?\n/ # ", "bg\r"),
                   (line(r"\[2\]\+ sleep 10 &"), "jobs\r"),
                   (r"Running +sleep 10 &\r?\n/ # ", "fg\r"),
                   (line("sleep 10"), "\x03"),
                   (r"/ # fg\r?\nsleep 10\r?\n\r?\n/ # ", "echo status $?\r"),
                   (line("status 130"), "sleep 0.5 &\r"),
                   (r"Done +sleep 0\.5\r?\n/ # ", TRACE_SHOW),
                   (line("end-of-trace"), "exit\r")],
        "expect": [transcript("/ # sleep 10", "tick", "",
                              r"\[2\]\+  Stopped                 sleep 10", TICKER_DONE,
                              "/ # jobs", r"\[2\]\+  Stopped                 sleep 10",
                              "/ # bg", r"\[2\]\+ sleep 10 &",
                              "/ # jobs", r"\[2\]\+  Running                 sleep 10 &",
                              "/ # fg", "sleep 10", "",
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
        "late_echo": ["^Z", "^C"],
        "forbid": FORBID,
        "exit": 0,
        "timeout": 40,
    },
    {
        "name": "jobs-ctrl-backslash-quit-background-stop-fg-shell-bench",
        "append": "rdinit=/init",
        "script": [(r"^/ # ", TRACE_ENABLE),
                   (r"signal/enable\r?\n/ # ", TICKER),
                   (line(r"\[1\] \d+"), "sleep 10\r"),
                   (line("tick"), "\x1c"),
                   (line("tick") + EOL + "Quit" + EOL + TICKER_DONE + EOL + "/ # ", "echo status $?\r"),
                   (line("status 131"), "sleep 10 &\r"),
                   (r"/ # sleep 10 &\r?\n\[1\] \d+\r?\n/ # ", "kill -STOP $!; sleep 0.5\r"),
                   (r"Stopped +sleep 10\r?\n/ # ", "fg\r"),
                   (line("sleep 10"), "\x03"),
                   (r"/ # fg\r?\nsleep 10\r?\n\r?\n/ # ", TRACE_SHOW),
                   (line("end-of-trace"), "cd /sys/kernel/tracing\r")] + BENCH_SCRIPT,
        "expect": [transcript("/ # sleep 10", "tick", "Quit", TICKER_DONE,
                              r"/ # echo status \$\?", "status 131"),
                   # a background job stopped by a signal is reported before the next
                   # prompt, after an empty line, as bash does; fg continues it
                   transcript("/ # sleep 10 &", r"\[1\] \d+", r"/ # kill -STOP \$!; sleep 0\.5", "",
                              r"\[1\]\+  Stopped                 sleep 10", "/ # fg", "sleep 10",
                              "", "/ # "),
                   tty_signal(3),
                   # kill is the shell's builtin, as bash's
                   signal_generate("sh", 19, 0, "sleep"),
                   signal_generate("sleep", 17, 5, "sh"),
                   shell_delivery(),
                   shell_sigcont("sleep"),
                   tty_signal(2)] + BENCH_EXPECT,
        "late_echo": ["^\\", "^C"],
        "check": check_sigchld_to_shell,
        "forbid": [r"Kernel panic", r"Internal error", BENCH_MESSAGES, r"not found"],
        "exit": 0,
        "timeout": 60,
    },
]
