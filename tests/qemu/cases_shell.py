"""QEMU case for the shell at the student's bench (issue 11): our /bin/sh at the console, one
boot. The prompt shows the directory; cd, cd -, $PWD; errors as bash and Linux print them
(a write tracefs refuses, a file tracefs cannot create, a missing directory); uname's fields;
line editing and history; ^C at the prompt; a background job reported when it ends, while
the shell waits at its prompt; kill with job specs and bad arguments; and the SIGCHLD a
finished command sends the shell, delivered to its handler as bash's is in seed 000's trace.
(The non-interactive parts of the shell are checked by user/etc/sh-test, also on Linux.)
"""
import re

EOL = r"\r?\n"
LEFT, UP = "\x1b[D", "\x1b[A"
CTRL_C, CTRL_E, CTRL_W = "\x03", "\x05", "\x17"


def line(text):
    """A whole console line (a regex)."""
    return rf"^{text}\r?$"


def check_sigchld_to_shell(text):
    """rpi_proc_exit's SIGCHLD to the shell that ran it: generated with res=0 (the shell has a
    handler) and delivered to it with SA_RESTART | SA_RESTORER, as bash's in seed 000."""
    gen = re.search(r"^\s+rpi_proc_exit-(\d+)\s+\[\d{3}\] d\.\.\.\s+[\d.]+: signal_generate: "
                    r"sig=17 errno=0 code=1 comm=sh pid=(\d+) grp=1 res=0\r?$", text, re.M)
    if not gen:
        return ["no signal_generate of rpi_proc_exit's SIGCHLD to sh with res=0"]
    deliver = re.compile(rf"^\s+sh-{gen.group(2)}\s+\[\d{{3}}\] d\.\.\.\s+[\d.]+: signal_deliver: "
                         r"sig=17 errno=0 code=1 sa_handler=[0-9a-f]+ sa_flags=14000000\r?$", re.M)
    if not deliver.search(text, gen.end()):
        return [f"no signal_deliver of SIGCHLD in sh-{gen.group(2)} after its generation"]
    return []


CASES = [
    {
        "name": "shell-prompt-cd-errors-uname-editing-jobs-sigchld",
        "append": "rdinit=/init trace_event=signal:*",
        "script": [(r"^/ # ", "cd /sys/kernel/tracing\r"),
                   (r"^/sys/kernel/tracing # ", "echo foo > tracing_on; /bin/echo foo > tracing_on; "
                    "echo 1 > nosuch; echo 1 > events/nosuch/enable\r"),
                   (r"nosuch/enable: .*\n/sys/kernel/tracing # ", "cd -\r"),
                   (r"^/ # ", "echo $PWD $OLDPWD; pwd\r"),
                   (line("/"), "uname -s; uname -n; uname -r; uname -m; uname -a\r"),
                   (r"armv7l\r?\n/ # ", "echo wrld" + LEFT * 3 + "o" + CTRL_E + "!\r"),
                   (line("world!"), UP + CTRL_W + "again\r"),
                   (line("again"), "echo never" + CTRL_C),
                   (r"\^C\r?\n/ # ", "echo status $?\r"),
                   (line("status 130"), "sleep 0.5 &\r"),
                   (r"Done +sleep 0\.5\r?\n/ # ", "sleep 10 &\r"),
                   (line(r"\[1\] \d+"), "kill %1\r"),
                   (r"Terminated +sleep 10\r?\n/ # ", "kill %1; echo st $?; kill foo; echo st $?\r"),
                   (line("st 1") + EOL + ".*" + EOL + line("st 1"), "rpi_proc_exit\r"),
                   (r"exited=1 code=3\r?\n/ # ", "cat /sys/kernel/tracing/trace; echo end-of-trace\r"),
                   (line("end-of-trace"), "exit\r")],
        "expect": [
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
            r"/ # echo never\^C\r?\n/ # echo status", line("status 130"),
            # reported at the prompt when it ends: the report takes the prompt's line
            r"/ # \r\x1b\[K\[1\]\+  Done                    sleep 0\.5\r?\n/ # ",
            r"\[1\]\+  Terminated              sleep 10\r?\n/ # ",
            line(r"sh: kill: %1: no such job"), line("st 1"),
            line(r"sh: kill: foo: arguments must be process or job IDs"), line("st 1"),
            line(r"parent: pid=\d+ wait4 -> \d+ status=0x300 exited=1 code=3"),
            r"init: /bin/sh exited with status 0"],
        "check": check_sigchld_to_shell,
        "forbid": [r"Kernel panic", r"Internal error", r"not found"],
        "exit": 0,
        "timeout": 40,
    },
]
