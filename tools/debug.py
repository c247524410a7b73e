#!/usr/bin/env python3
"""make debug: the kernel in QEMU, halted for gdb, with gdb in this terminal.

QEMU runs in a session of its own and gdb as the terminal's foreground job, so
that Ctrl-C reaches gdb alone, which interrupts the target and prompts: QEMU,
make and this script never see it. The console gets a socket of
its own, DIR/console.sock: `make console` in another terminal types into it and
shows what it prints; all it prints also goes to DIR/console.log. gdb talks to
QEMU through DIR/gdb.sock (a socket, not a TCP port, so that several QEMUs on
one machine never collide) and loads the kx-* commands (tools/gdb). QEMU ends
with gdb.

  tools/debug.py [--build DIR] [--dir DIR] [--append CMDLINE] [-- GDB-ARGS...]
"""
import argparse
import os
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wait_for_socket(path, qemu, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end and qemu.poll() is None:
        if os.path.exists(path):
            return True
        time.sleep(0.05)
    return False


def stop(qemu):
    if qemu.poll() is None:
        qemu.terminate()
        try:
            qemu.wait(5)
        except subprocess.TimeoutExpired:
            qemu.kill()
            qemu.wait()


def run_in_foreground(cmd):
    """Run @cmd as the terminal's foreground process group, as a shell runs a
    job: the terminal's Ctrl-C then reaches gdb alone, not make or this script.
    Without a terminal (a test), it runs in ours; this process ignores SIGINT.
    RETURNS: its exit status."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not os.isatty(0):
        return subprocess.call(cmd, preexec_fn=lambda: signal.signal(signal.SIGINT,
                                                                       signal.SIG_DFL))

    def become_foreground():
        os.setpgid(0, 0)
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # tcsetpgrp from the background
        os.tcsetpgrp(0, os.getpgrp())
        signal.signal(signal.SIGTTOU, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    signal.signal(signal.SIGTTOU, signal.SIG_IGN)
    proc = subprocess.Popen(cmd, preexec_fn=become_foreground)
    try:
        while True:
            _, status = os.waitpid(proc.pid, os.WUNTRACED)
            if not os.WIFSTOPPED(status):
                return os.waitstatus_to_exitcode(status)
            # ^Z: no shell knows this job to resume it, so it goes on.
            os.killpg(proc.pid, signal.SIGCONT)
    finally:
        os.tcsetpgrp(0, os.getpgrp())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"),
                        help="where kernel7.img, initramfs.cpio and kernel.elf are")
    parser.add_argument("--dir", help="where the sockets and console.log go (default: --build)")
    parser.add_argument("--append", default="", help="the kernel command line")
    parser.add_argument("gdb_args", nargs=argparse.REMAINDER,
                        help="after --: more gdb arguments (-batch -ex ...)")
    args = parser.parse_args()
    run_dir = args.dir or args.build
    console, gdb_sock = (os.path.join(run_dir, n) for n in ("console.sock", "gdb.sock"))
    log = os.path.join(run_dir, "console.log")
    for path in (console, gdb_sock):
        if os.path.exists(path):
            os.unlink(path)
    qemu_cmd = [os.environ.get("QEMU", "qemu-system-arm"), "-M", "raspi2b",
                "-display", "none", "-monitor", "none",
                "-chardev", f"socket,id=console,path={console},server=on,wait=off,logfile={log}",
                "-serial", "chardev:console",
                "-gdb", f"unix:{gdb_sock},server=on,wait=off", "-S",
                "-kernel", os.path.join(args.build, "kernel7.img"),
                "-initrd", os.path.join(args.build, "initramfs.cpio"), "-append", args.append]
    qemu = subprocess.Popen(qemu_cmd, start_new_session=True)
    # A SIGTERM (a test's timeout) still ends QEMU, through the finally.
    signal.signal(signal.SIGTERM, lambda sig, frame: sys.exit(128 + sig))
    try:
        if not wait_for_socket(gdb_sock, qemu, 10):
            sys.exit("debug: QEMU did not start its gdb server")
        print(f"QEMU is halted for gdb. The console: `make console` in another terminal "
              f"(socket {console});\neverything it prints also goes to {log}. "
              f"Ctrl-C in gdb stops the kernel; quitting gdb ends QEMU.", flush=True)
        gdb_cmd = ["gdb-multiarch", "-q", "-x", os.path.join(ROOT, "tools/gdb/kestrel-gdb.py"),
                   "-ex", f"target remote {gdb_sock}",
                   os.path.join(args.build, "kernel.elf")]
        gdb_cmd += [a for a in args.gdb_args if a != "--"]
        return run_in_foreground(gdb_cmd)
    finally:
        stop(qemu)
        for path in (console, gdb_sock):
            if os.path.exists(path):
                os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
