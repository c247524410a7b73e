#!/usr/bin/env python3
"""Host tests of tracediff (tools/tracediff/) against real traces kept in
the repository (tests/trace/: Linux 4.19 on a Pi, Linux 6.1 on QEMU;
docs/traces/: this kernel's and Linux 6.1's traces of the lesson programs)
and against garbage. Prints TAP ("ok N - name") for tools/run-host-tests.sh.
The command-line tests run build/tracediff, the program `make` installs."""
import os
import random
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

import tap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.dont_write_bytecode = True      # no __pycache__ in tools/

from tracediff import kernels  # noqa: E402
from tracediff.compare import compare  # noqa: E402
from tracediff.flow import Options  # noqa: E402
from tracediff.parse import parse_file, parse_text  # noqa: E402
from tracediff.report import side_by_side, summary  # noqa: E402
from tracediff.script import translate  # noqa: E402
from tracediff.svg import draw  # noqa: E402
from tracediff.tasks import TaskTree  # noqa: E402

TRACES = os.path.join(ROOT, "tests", "trace")
LESSONS = os.path.join(ROOT, "docs", "traces")
TRACEDIFF = os.path.join(ROOT, "build", "tracediff")
RPI = os.path.join(TRACES, "rpi-4.19")
QEMU61 = os.path.join(TRACES, "linux-6.1-qemu")


def read(path):
    with open(path) as f:
        return f.read()


def run(*args):
    p = subprocess.run([TRACEDIFF, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def shift_pids(text, delta):
    """The same trace as another run would number it: every pid + delta
    (task columns and pid fields), pid 0 (idle) and 1 (init) kept."""
    def task(m):
        pid = int(m.group(2))
        return f"{m.group(1)}-{pid + delta if pid > 1 else pid}"

    def field(m):
        pid = int(m.group(2))
        return f"{m.group(1)}={pid + delta if pid > 1 else pid}"
    text = re.sub(r"(\S+)-(\d+)(?=\s+\[|\s+\||\s+=>|\s*$)", task, text, flags=re.M)
    return re.sub(r"\b(pid|child_pid|old_pid|prev_pid|next_pid)=(\d+)", field, text)


class ParseRealTraces(unittest.TestCase):
    def test_419_function_lines_and_stacks(self):
        t = parse_file(os.path.join(RPI, "exit-fork-sigchld.txt"))
        self.assertEqual((t.tracer, t.layout, t.version, t.cpus), ("function", "4.19", "4.19", 4))
        self.assertEqual(t.malformed, [])
        first = t.records[0]
        self.assertEqual((first.kind, first.comm, first.pid, first.cpu, first.name, first.parent),
                         ("func", "bash", 2181, 3, "copy_process.part.5+0x14/0x1b08", "_do_fork+0xd8/0x438"))
        self.assertEqual(first.stack, ["copy_process.part.5+0x18/0x1b08", "_do_fork+0xd8/0x438",
                                       "sys_clone+0x34/0x3c", "ret_fast_syscall+0x0/0x28", "0x7ed03260"])
        kinds = [(r.kind, r.name) for r in t.records]
        self.assertEqual(kinds[-3:], [("event", "sched_process_exit"), ("event", "signal_generate"),
                                      ("event", "signal_deliver")])
        self.assertEqual([n for n, _ in t.notes], [19])     # the author's "..."

    def test_419_placeholder_comm_and_print_lines(self):
        t = parse_file(os.path.join(RPI, "exit-exec-whoami-cat.txt"))
        self.assertEqual(t.malformed, [])
        self.assertIn(("<...>", 30084), {(r.comm, r.pid) for r in t.records})
        self.assertEqual(TaskTree(t).tasks[30084].comm, "get_ftrace.sh")   # from its exec event
        sig = parse_file(os.path.join(RPI, "signal-sigint-tty-handler.txt"))
        prints = [r for r in sig.records if r.kind == "print"]
        self.assertEqual([(p.name, p.fields) for p in prints],
                         [("setup_return+0x160/0x264", "[+] handler:0x10510, sig: 2")])
        self.assertEqual(len([r for r in sig.records if r.stack]), 2)

    def test_61_function_trace(self):
        t = parse_file(os.path.join(QEMU61, "proc_exit.function.txt"))
        self.assertEqual((t.layout, t.version, t.malformed), ("6.x", "6", []))
        fork = next(r for r in t.records if r.name == "kernel_clone")
        self.assertEqual((fork.comm, fork.pid, fork.parent, fork.flags), ("init", 1, "sys_clone", "....."))
        stacks = [r for r in t.records if r.stack]
        self.assertTrue(stacks and all(r.stack == ["do_group_exit", "__wake_up_parent"] for r in stacks))

    def test_61_function_graph(self):
        t = parse_file(os.path.join(QEMU61, "proc_exit.function_graph.txt"))
        self.assertEqual((t.tracer, t.layout, t.malformed), ("function_graph", "graph", []))
        kinds = {r.kind for r in t.records}
        self.assertEqual(kinds, {"enter", "exit", "leaf", "event"})
        clone = next(r for r in t.records if r.name == "kernel_clone")
        self.assertEqual((clone.kind, clone.depth, clone.comm, clone.pid, clone.cpu), ("enter", 1, "init", 1, 0))
        exits = [r for r in t.records if r.kind == "exit" and r.pid == 219]
        self.assertTrue(all(r.name for r in exits))
        fork = next(r for r in t.records if r.name == "sched_process_fork")
        self.assertEqual(fork.fields, "comm=init pid=1 child_comm=init child_pid=219")

    def test_fork_tree_from_events(self):
        t = parse_file(os.path.join(ROOT, "tests", "qemu", "linux-6.1", "signal_kill.events.txt"))
        tree = TaskTree(t)
        child = tree.tasks[127]
        self.assertEqual((child.comm, child.parent.pid, child.parent.parent.pid), ("signal_kill", 126, 1))
        self.assertEqual(child.label, "init/signal_kill/signal_kill")
        self.assertEqual(tree.tasks[14].kthread, "rcu_sched")
        self.assertEqual(tree.tasks[0].kthread, "<idle>")


class CompareFlows(unittest.TestCase):
    def test_same_trace_same_flow(self):
        for name in ("exit-exec-whoami-cat.txt", "signal-kill9-stacks.txt"):
            t = parse_file(os.path.join(RPI, name))
            self.assertTrue(compare(t, parse_file(os.path.join(RPI, name))).same, name)

    def test_other_pids_same_flow(self):
        for path in (os.path.join(QEMU61, "signal_kill.function.txt"),
                     os.path.join(QEMU61, "signal_kill.function_graph.txt"),
                     os.path.join(ROOT, "tests", "qemu", "linux-6.1", "sigqueue.events.txt")):
            text = read(path)
            result = compare(parse_text(text, "A"), parse_text(shift_pids(text, 1000), "B"))
            self.assertTrue(result.same, f"{path}: {result.divergences}")

    def test_a_changed_field_is_one_plain_line(self):
        text = read(os.path.join(QEMU61, "proc_exit.events.txt"))
        changed = text.replace("comm=proc_exit pid=122 grp=1 res=1", "comm=proc_exit pid=122 grp=1 res=0")
        result = compare(parse_text(text, "A"), parse_text(shift_pids(changed, 7), "B"))
        self.assertEqual(len(result.divergences), 1, result.divergences)
        self.assertRegex(result.divergences[0],
                         r"^init/proc_exit/proc_exit: signal_generate differs: res=1 in A, res=0 in B "
                         r"\(A:\d+, B:\d+\)$")

    def test_a_missing_record_and_a_missing_task(self):
        text = read(os.path.join(ROOT, "tests", "qemu", "linux-6.1", "kill9.events.txt"))
        lines = text.split("\n")
        deliver = next(i for i, l in enumerate(lines) if "signal_deliver: sig=9" in l)
        without = "\n".join(lines[:deliver] + lines[deliver + 1:])
        result = compare(parse_text(text, "A"), parse_text(without, "B"))
        self.assertEqual(len(result.divergences), 1)
        self.assertIn("only A has `signal_deliver: sig=9 errno=0 code=0 sa_handler=0 sa_flags=0` "
                      f"(A:{deliver + 1})", result.divergences[0])
        quiet_child = "\n".join(l for l in lines if "kill9-143 " not in l)
        result = compare(parse_text(text, "A"), parse_text(quiet_child, "B"))
        self.assertIn("init/kill9/kill9: only A has `sched_process_exit: comm=kill9 pid=143 prio=120` (A:54)",
                      result.divergences)
        no_child = "\n".join(l for l in lines if "143" not in l)
        result = compare(parse_text(text, "A"), parse_text(no_child, "B"))
        self.assertTrue(any(d.startswith("init/kill9/kill9 (pid 143): only in A, 3 records from A:53 (signal_deliver: sig=9")
                            for d in result.divergences), result.divergences)

    def test_scheduling_events_and_cpus_are_ignored_unless_asked(self):
        text = read(os.path.join(ROOT, "tests", "qemu", "linux-6.1", "segv.events.txt"))
        other = re.sub(r"\[00(\d)\]", lambda m: f"[00{(int(m.group(1)) + 1) % 4}]", text)
        other = re.sub(r"target_cpu=00\d", "target_cpu=001", other)
        self.assertTrue(compare(parse_text(text), parse_text(other)).same)
        self.assertFalse(compare(parse_text(text), parse_text(other), Options(cpu=True)).same)
        lines = [l for l in text.split("\n") if "sched_switch" not in l]
        self.assertTrue(compare(parse_text(text), parse_text("\n".join(lines))).same)
        self.assertFalse(compare(parse_text(text), parse_text("\n".join(lines)), Options(sched=True)).same)

    def test_timestamps_order_across_tasks_only_when_asked(self):
        text = read(os.path.join(RPI, "signal-kill9-events.txt"))
        swapped = text.replace("3742.557387", "3742.555000")    # the target's sys_exit moves first
        self.assertTrue(compare(parse_text(text), parse_text(swapped)).same)
        result = compare(parse_text(text), parse_text(swapped), Options(timestamps=True))
        self.assertFalse(result.same)
        self.assertIn("order across tasks differs", result.divergences[0])

    def test_function_lines_against_events_only(self):
        fn = parse_file(os.path.join(QEMU61, "proc_exit.function.txt"))
        ev = parse_file(os.path.join(QEMU61, "proc_exit.events.txt"))
        result = compare(fn, ev)
        self.assertFalse(result.same)
        self.assertTrue(any("the other trace's tracer is nop" in d for d in result.divergences))
        text = read(os.path.join(QEMU61, "proc_exit.function.txt"))
        events = [l for l in text.split("\n") if not re.search(r": \w+ <-|<stack trace>|^ =>", l)]
        events[0] = "# tracer: nop"
        self.assertFalse(compare(fn, parse_text("\n".join(events))).same)
        self.assertTrue(compare(fn, parse_text("\n".join(events)), Options(events_only=True)).same)

    def test_419_against_61_renames_inlining_and_stacks(self):
        a = parse_text("# tracer: function\n"
                       "            bash-10    [000] ....   1.000000: copy_process+0x14/0x83c <-_do_fork+0x30/0x1e0\n"
                       "            bash-10    [000] ....   1.000010: <stack trace>\n"
                       " => copy_process+0x18/0x83c\n => _do_fork+0x30/0x1e0\n => sys_clone+0x30/0x38\n"
                       " => ret_fast_syscall+0x0/0x40\n => 0x7fffe118\n"
                       "            bash-11    [001] ....   1.100000: exit_notify+0x10/0x2a0 <-do_exit+0x16c/0x1b4\n",
                       "A")
        b = parse_text("# tracer: function\n"
                       "            bash-80      [002] .....   9.000000: copy_process+0xc/0x1d34 <-kernel_clone+0xac/0x3c4\n"
                       "            bash-80      [002] .....   9.000050: <stack trace>\n"
                       " => sys_clone+0x78/0x9c\n => ret_fast_syscall+0x0/0x1c\n", "B")
        result = compare(a, b)
        self.assertTrue(result.same, result.divergences)
        self.assertIn("4.19's _do_fork is called kernel_clone in 6.1", result.expected)
        self.assertTrue(any(e.startswith("exit_notify is a function in 4.19 and inlined in 6.1")
                            for e in result.expected))
        self.assertTrue(any("ends before <user>" in e for e in result.expected))
        # the same chain with a frame 6.1 cannot explain differs
        c = b.__class__(b.path, b.tracer, b.layout, list(b.records))
        c.records[0].stack = ["do_fork_other+0x1/0x2", "ret_fast_syscall+0x0/0x1c"]
        self.assertFalse(compare(a, c).same)

    def test_lesson_programs_here_and_on_linux(self):
        """The lesson traces make compare saved into docs/traces: the same flow."""
        names = sorted(f[:-len(".kestrel.txt")] for f in os.listdir(LESSONS) if f.endswith(".kestrel.txt"))
        self.assertGreaterEqual(len(names), 7)
        for name in names:
            ours = parse_file(os.path.join(LESSONS, name + ".kestrel.txt"))
            linux = parse_file(os.path.join(LESSONS, name + ".linux.txt"))
            self.assertEqual((ours.version, linux.version), ("4.19", "6"))
            result = compare(ours, linux)
            self.assertTrue(result.same, f"{name}: {result.divergences}")
            self.assertTrue(any(r.a and r.a.kind == "func" for s in result.sections for r in s.rows), name)
        tree = TaskTree(parse_file(os.path.join(LESSONS, "group_exit.kestrel.txt")))
        leader = next(t for t in tree.tasks.values() if t.comm == "group_exit" and t.children)
        self.assertTrue(leader.has_threads)     # its last thread tells the shell it has exited

    def test_lesson_pictures_are_up_to_date(self):
        """docs/lessons/img/ is what `make docs` draws from docs/traces/ now."""
        for name in sorted(os.listdir(os.path.join(ROOT, "docs", "lessons", "img"))):
            prog = name[:-len(".svg")]
            cwd = os.getcwd()
            try:
                os.chdir(ROOT)      # the picture names the traces as make does, from the top
                traces = [parse_file(f"docs/traces/{prog}.{k}.txt") for k in ("kestrel", "linux")]
            finally:
                os.chdir(cwd)
            svg = draw(traces, title=f"{prog}: this kernel (above) and Linux 6.1 (below)")
            self.assertEqual(svg, read(os.path.join(ROOT, "docs", "lessons", "img", name)), f"{name}: run make docs")

    def test_side_by_side_marks(self):
        text = read(os.path.join(RPI, "signal-kill9-stacks.txt"))
        other = text.replace("sig=9 errno=0 code=0 comm=bash pid=1240 grp=1 res=0",
                             "sig=9 errno=0 code=0 comm=bash pid=1240 grp=1 res=2")
        out = side_by_side(compare(parse_text(text, "A"), parse_text(other, "B")), 120)
        self.assertIn("! signal_generate: sig=9", out)
        self.assertIn("  sys_exit: NR 37 = 0", out)
        self.assertIn("flows differ: 1 divergences", out)


class Garbage(unittest.TestCase):
    def test_garbage_lines_are_reported_not_fatal(self):
        text = read(os.path.join(RPI, "signal-kill9-stacks.txt")).split("\n")
        text[10:10] = ["\x00\xff garbage", " => frame with no owner", "bash-1 [x] .... 1.0: nope", "x" * 9000]
        t = parse_text("\n".join(text), "A")
        self.assertEqual([n for n, _, _ in t.malformed], [11, 12, 13, 14])
        self.assertEqual(len([r for r in t.records if r.kind == "func"]), 3)

    def test_mutated_real_lines_never_crash(self):
        rng = random.Random(9)
        sources = [read(os.path.join(d, f)) for d in (RPI, QEMU61) for f in sorted(os.listdir(d))]
        for round_ in range(60):
            lines = rng.choice(sources).split("\n")
            for _ in range(rng.randint(1, 30)):
                i = rng.randrange(len(lines))
                line = lines[i]
                cut = rng.randrange(len(line) + 1)
                choice = rng.randrange(4)
                if choice == 0:
                    lines[i] = line[:cut]
                elif choice == 1:
                    lines[i] = line[:cut] + chr(rng.randrange(32, 0x2000)) + line[cut:]
                elif choice == 2:
                    lines.insert(i, line[cut:])
                else:
                    del lines[i]
            a = parse_text("\n".join(lines), "A")
            b = parse_text("\n".join(rng.sample(lines, len(lines))), "B")
            result = compare(a, b)
            summary(result)
            side_by_side(result)
            draw([a, b])

    def test_cli_exit_statuses(self):
        with tempfile.TemporaryDirectory() as d:
            junk = os.path.join(d, "junk")
            with open(junk, "wb") as f:
                f.write(bytes(random.Random(1).randrange(256) for _ in range(4096)))
            empty = os.path.join(d, "empty")
            open(empty, "w").close()
            good = os.path.join(RPI, "exit-fork-sigchld.txt")
            self.assertEqual(run(good, good)[0], 0)
            self.assertEqual(run(good, os.path.join(RPI, "exit-exec-whoami-cat.txt"))[0], 1)
            for bad in (junk, empty, os.path.join(d, "missing"), d):
                status, out, err = run(good, bad)
                self.assertEqual(status, 2, bad)
                self.assertIn("tracediff: B:", err)
            status, out, err = run(junk)
            self.assertEqual(status, 2)
            self.assertRegex(err, r"A:1: skipped, not a line of Linux's trace format")
            self.assertEqual(run()[0], 2)


class Tools(unittest.TestCase):
    def test_translate_the_book_script(self):
        book = read(os.path.join(ROOT, "user", "etc", "ftrace-book"))
        out, changes = translate(book)
        self.assertIn("echo 'do_exit copy_process __send_signal_locked' > set_ftrace_filter", out)
        self.assertEqual(changes, ["__send_signal -> __send_signal_locked: "
                                   "4.19's __send_signal is called __send_signal_locked in 6.1"])
        out, changes = translate("echo '_do_fork !exit_notify do_signal' >> /sys/kernel/tracing/set_ftrace_notrace\n"
                                 "echo exit_notify > set_graph_function\necho 1 > tracing_on\n")
        self.assertEqual(out.split("\n")[0], "echo 'kernel_clone ' >> /sys/kernel/tracing/set_ftrace_notrace")
        self.assertTrue(out.split("\n")[1].startswith("# (nothing of this line exists in Linux 6.1)"))
        self.assertEqual(out.split("\n")[2], "echo 1 > tracing_on")

    def test_names(self):
        self.assertEqual(kernels.canonical("copy_process.part.5+0x14/0x1b08"), "copy_process")
        self.assertEqual(kernels.canonical("__send_signal_locked+0xc/0x3f8"), "__send_signal")
        self.assertEqual(kernels.kthread_class("kworker/u8:0"), "kworker")
        self.assertIsNone(kernels.kthread_class("rpi_proc_exit"))

    def test_svg_picture(self):
        a = parse_file(os.path.join(QEMU61, "signal_kill.function.txt"))
        b = parse_file(os.path.join(ROOT, "tests", "qemu", "linux-6.1", "signal_kill.events.txt"))
        svg = draw([a, b], title="signal_kill")
        root = ET.fromstring(svg)
        ns = "{http://www.w3.org/2000/svg}"
        texts = [t.text for t in root.iter(ns + "text")]
        self.assertIn("signal_kill", texts)
        self.assertTrue(any(t and t.strip().startswith("signal_kill (") for t in texts))
        titles = [t.text for t in root.iter(ns + "title")]
        self.assertIn("fork", titles)
        self.assertIn("sig 2", titles)          # the kill from the child, delivered to the parent
        self.assertIn("sig 17 res=1", titles)   # a SIGCHLD nobody handles


if __name__ == "__main__":
    tap.main(sys.modules[__name__])
