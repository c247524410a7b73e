#!/usr/bin/env python3
"""Boot the kernel in QEMU for each test case and check what the console shows.

Every run is bounded by a timeout and ends QEMU itself: through semihosting
(the `semihosting` boot option makes power-off and panic exit QEMU with a
status), through power-off (a watchdog reset marked as a halt), or through
the plain watchdog reset that `-no-reboot` turns into an exit.
Cases are in tests/qemu/cases.py. Prints one line per case (wall and CPU
seconds: QEMU runs one host thread per guest CPU) and ends with
"qemu: N passed, N failed"; the counts also go to build/qemu.counts, each
case's seconds to build/qemu-times.json. The longest cases start first (by
their CPU seconds in the last run, else by their timeouts), so that the
last case to end is a short one.

  tests/qemu/run.py [-j JOBS] [-k PATTERN] [-v]
"""
import argparse
import concurrent.futures
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402

QEMU = os.environ.get("QEMU", "qemu-system-arm")
TIMES = os.path.join(ROOT, "build", "qemu-times.json")
INITRD = "@ROOT@/build/initramfs.cpio"


class Measured(subprocess.Popen):
    """A child whose CPU seconds (its own and those of the descendants it
    waited for) are known once it is reaped: poll() and wait() reap it with
    wait4(), which returns its resource usage."""
    cpu = 0.0

    def poll(self):
        if self.returncode is None:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self._reaped(status, usage)
        return self.returncode

    def wait(self, timeout=None):
        if timeout is None and self.returncode is None:
            self._reaped(*os.wait4(self.pid, 0)[1:])
        end = time.monotonic() + (timeout or 0)
        while self.poll() is None:
            if time.monotonic() >= end:
                raise subprocess.TimeoutExpired(self.args, timeout)
            time.sleep(0.02)
        return self.returncode

    def _reaped(self, status, usage):
        self.returncode = os.waitstatus_to_exitcode(status)
        self.cpu = usage.ru_utime + usage.ru_stime


def qemu_command(case):
    image = os.path.join(ROOT, "build", "kernel7.img")
    cmd = [QEMU, "-M", "raspi2b", "-display", "none", "-serial", "stdio",
           "-monitor", "none", "-semihosting-config", "enable=on,target=native"]
    if case.get("no_reboot", True):
        cmd.append("-no-reboot")
    if case.get("icount"):
        cmd += ["-icount", "shift=0"]
    if case.get("bios"):
        cmd += ["-bios", image]
    else:
        append = case.get("append", "")
        if case.get("semihosting", True):
            append += " semihosting"
        cmd += ["-kernel", image, "-append", append.strip()]
        # The initramfs, loaded beside the kernel as a boot loader does
        initrd = case.get("initrd", INITRD)
        if initrd:
            cmd += ["-initrd", initrd.replace("@ROOT@", ROOT)]
    for arg in case.get("qemu_args", []):
        cmd.append(arg.replace("@ROOT@", ROOT))
    return cmd


class Console:
    """The guest's serial console: what it printed so far, and typing."""

    def __init__(self, proc, late_echoes=()):
        self.proc = proc
        self.raw = ""
        self.late_echoes = late_echoes
        os.set_blocking(proc.stdout.fileno(), False)

    @property
    def full_text(self):
        # Normalised as a whole: a read may end between a \r and its \n.
        return self.raw.replace("\r\n", "\n")

    @property
    def text(self):
        """What the script's waits and the case's checks see: full_text without the
        echoes that may come late (the case's "late_echo", e.g. "^C"). n_tty sends a
        signal key's signal first and echoes the key after (Linux's
        n_tty_receive_signal_char), so the shell on another CPU may report the job's
        end or stop, even print its prompt, before the echo: on a loaded host it
        does now and then. check_late_echoes() counts them instead."""
        text = self.full_text
        for echo in self.late_echoes:
            text = text.replace(echo, "")
        return text

    def poll(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                chunk = self.proc.stdout.read()
            except (BlockingIOError, ValueError):
                chunk = None
            if chunk:
                self.raw += chunk.decode("utf-8", "replace")
            elif self.proc.poll() is not None:
                return
            else:
                time.sleep(0.02)

    def wait_for(self, pattern, deadline):
        while time.monotonic() < deadline:
            if re.search(pattern, self.text, re.M):
                return True
            if self.proc.poll() is not None:
                self.poll(0.1)
                return re.search(pattern, self.text, re.M) is not None
            self.poll(0.05)
        return False

    def type(self, data, deadline):
        """Write to the guest's console as fast as QEMU takes it, reading its
        output meanwhile, so that a long paste cannot deadlock on full pipes."""
        data = data.encode()
        fd = self.proc.stdin.fileno()
        os.set_blocking(fd, False)
        while data and time.monotonic() < deadline and self.proc.poll() is None:
            try:
                data = data[os.write(fd, data):]
            except BlockingIOError:
                self.poll(0.02)
        return not data


def check_text(case, text, reasons):
    """Apply the case's expect, expect_anywhere, forbid and check to @text."""
    pos = 0
    for pattern in case.get("expect", []):
        m = re.compile(pattern, re.M).search(text, pos)
        if not m:
            reasons.append(f"missing (in order): {pattern!r}")
        else:
            pos = m.end()
    for pattern in case.get("expect_anywhere", []):
        if not re.search(pattern, text, re.M):
            reasons.append(f"missing: {pattern!r}")
    for pattern in case.get("forbid", []):
        m = re.search(pattern, text, re.M)
        if m:
            reasons.append(f"unexpected: {m.group(0)!r}")
    check = case.get("check")
    if check:
        try:
            reasons += check(text)
        except Exception as e:  # a broken check fails its case, not the run
            reasons.append(f"check raised {e!r}")
    return reasons


def run_gdb_case(case):
    """Boot under `make debug`'s tools/debug.py, with gdb in batch mode running the
    case's commands; the checks see gdb's output, then the console log."""
    start = time.monotonic()
    timeout = case.get("timeout", 20)
    with tempfile.TemporaryDirectory(dir=os.path.join(ROOT, "build")) as run_dir:
        cmd = [os.path.join(ROOT, "tools", "debug.py"), "--build", os.path.join(ROOT, "build"),
               "--dir", run_dir, "--append", case.get("append", ""), "--", "-batch", "-nx"]
        for command in case["gdb"]:
            cmd += ["-ex", command]
        # Its own process group, so that a timeout ends gdb too; debug.py
        # then ends QEMU (which has a session of its own).
        proc = Measured(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
        reasons = []
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            out, _ = proc.communicate()
            reasons.append(f"timed out after {timeout} s")
        log = os.path.join(run_dir, "console.log")
        console = ""
        if os.path.exists(log):
            with open(log, errors="replace") as f:
                console = f.read().replace("\r\n", "\n")
    text = out.decode("utf-8", "replace") + "\n---- console ----\n" + console
    if proc.returncode and not reasons:
        reasons.append(f"tools/debug.py exit status {proc.returncode}")
    check_text(case, text, reasons)
    return not reasons, reasons, text, time.monotonic() - start, proc.cpu


def run_case(case):
    """Boot, drive and check one case.
    RETURNS: (ok, reasons, console text, wall seconds, CPU seconds)."""
    if "gdb" in case:
        return run_gdb_case(case)
    start = time.monotonic()
    proc = Measured(qemu_command(case), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT, cwd=ROOT)
    console = Console(proc, case.get("late_echo", ()))
    deadline = start + case.get("timeout", 20)
    reasons = []
    # Each step: (pattern to wait for, text to type[, seconds to wait after the
    # pattern, for a program that prints before it blocks])
    for wait, data, *settle in case.get("script", []):
        if not console.wait_for(wait, deadline):
            reasons.append(f"never saw {wait!r} before typing")
            break
        if settle:
            console.poll(settle[0])
        if not console.type(data, deadline):
            reasons.append(f"QEMU did not take all of {data[:40]!r}... before the end")
            break
    until = case.get("until")
    while proc.poll() is None and time.monotonic() < deadline:
        if until and re.search(until, console.text, re.M):
            proc.kill()
            proc.wait()
            break
        console.poll(0.1)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
        reasons.append(f"timed out after {case.get('timeout', 20)} s")
    console.poll(0.1)
    status = proc.returncode
    if not until and status is not None and "exit" in case and status != case["exit"]:
        reasons.append(f"QEMU exit status {status}, expected {case['exit']}")
    check_text(case, console.text, reasons)
    check_late_echoes(case, console.full_text, reasons)
    return not reasons, reasons, console.full_text, time.monotonic() - start, proc.cpu


def check_late_echoes(case, text, reasons):
    """Each key of the case's "late_echo" ("^C" for Ctrl-C) was echoed as many times
    as the script typed it: the checks saw the text without these echoes."""
    for echo in case.get("late_echo", ()):
        key = chr(ord(echo[1]) - 64)
        typed = sum(data.count(key) for _, data, *_ in case.get("script", []))
        if text.count(echo) < typed:
            reasons.append(f"{echo} typed {typed} times, echoed {text.count(echo)} times")


def last_times():
    """Each case's {"wall", "cpu"} seconds in its last run (build/qemu-times.json)."""
    try:
        with open(TIMES) as f:
            times = json.load(f)
        return {name: t for name, t in times.items() if isinstance(t.get("cpu"), (int, float))}
    except (OSError, ValueError, AttributeError):
        return {}


def longest_first(selected, last):
    """@selected in the order to start them: by CPU seconds in their last run
    (@last), cases never run first; on a clean build, by timeout. The
    workers then end within a short case of each other."""
    if last:
        return sorted(selected, key=lambda c: -last.get(c["name"], {}).get("cpu", float("inf")))
    return sorted(selected, key=lambda c: -c.get("timeout", 20))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("-k", "--keyword", default="")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    times = last_times()
    selected = longest_first([c for c in cases.CASES if args.keyword in c["name"]], times)
    passed = failed = cpu_total = 0
    logdir = os.path.join(ROOT, "build", "qemu-logs")
    os.makedirs(logdir, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_case, c): c for c in selected}
        for future in concurrent.futures.as_completed(futures):
            case = futures[future]
            ok, reasons, text, seconds, cpu = future.result()
            times[case["name"]] = {"wall": round(seconds, 1), "cpu": round(cpu, 1)}
            cpu_total += cpu
            with open(os.path.join(logdir, case["name"] + ".log"), "w") as log:
                log.write(text)
            if ok:
                passed += 1
                print(f"PASS {case['name']} ({seconds:.1f} s, {cpu:.1f} s CPU)")
            else:
                failed += 1
                print(f"FAIL {case['name']} ({seconds:.1f} s, {cpu:.1f} s CPU)")
                for r in reasons:
                    print(f"     {r}")
                print(f"     console log: build/qemu-logs/{case['name']}.log")
            if args.verbose:
                print(text)
    with open(os.path.join(ROOT, "build", "qemu.counts"), "w") as f:
        f.write(f"{passed} {failed}\n")
    with open(TIMES, "w") as f:
        json.dump(times, f, indent=1, sort_keys=True)
    print(f"qemu: {cpu_total:.0f} s CPU in {len(selected)} boots")
    print(f"qemu: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
