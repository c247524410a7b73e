#!/usr/bin/env python3
"""The lessons (docs/lessons/) against the repository (issue 11): every file a lesson names
exists, nothing points outside the repository, the index (and README.md's list) links
every lesson, the index gives each lesson one make command whose target exists (make -n),
README.md names only files that exist, and every quoted block of a real or stored trace
(seed, trace, linux) is found in the file it quotes (tools/lessoncheck.py; the QEMU case
trace-lessons-same-flow-as-linux checks the trace and output blocks against a live boot). Prints TAP for tools/run-host-tests.sh."""
import os
import sys
import tempfile
import unittest

import tap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.dont_write_bytecode = True
import lessoncheck  # noqa: E402


class Lessons(unittest.TestCase):
    def test_every_named_path_exists(self):
        problems = [p for path in lessoncheck.lesson_files() for p in lessoncheck.check_paths(path)]
        self.assertEqual(problems, [])

    def test_index_links_every_lesson(self):
        self.assertEqual(lessoncheck.check_index(), [])

    def test_index_gives_one_command_per_lesson(self):
        self.assertEqual(lessoncheck.check_commands(), [])

    def test_readme_names_real_files_and_every_lesson(self):
        readme = os.path.join(ROOT, "README.md")
        self.assertEqual(lessoncheck.check_paths(readme), [])
        text = open(readme).read()
        for path in lessoncheck.lesson_files():
            name = os.path.basename(path)
            if name[:2].isdigit():
                self.assertIn(f"](docs/lessons/{name})", text)

    def test_quoted_traces_are_in_the_stored_traces(self):
        problems = [p for path in lessoncheck.lesson_files()
                    for p in lessoncheck.check_blocks(path, lessoncheck.stored_source)]
        self.assertEqual(problems, [])

    def test_the_checks_catch_a_rotten_lesson(self):
        """A missing file, a path outside the repository, a line that is not in the trace,
        lines out of order: each is reported. What varies between runs is not."""
        with tempfile.NamedTemporaryFile("w", suffix=".md", dir=lessoncheck.LESSONS) as f:
            f.write("See `kernel/nosuch.c`, `kernel/fork.c`, [pic](img/nosuch.svg) and "
                    "../shared/seeds/000.txt.\n\n"
                    "```trace rpi_proc_exit\n"
                    "   rpi_proc_exit-77    [003] d...     9.999999: signal_generate: sig=17 errno=0 "
                    "code=1 comm=rpi_proc_exit pid=76 grp=1 res=1\n```\n\n"
                    "```trace rpi_proc_exit\n"
                    "   rpi_proc_exit-10    [001] d...     0.978277: signal_generate: sig=17 errno=0 "
                    "code=1 comm=rpi_proc_exit pid=9 grp=1 res=0\n```\n\n"
                    "```seed exit-fork-sigchld.txt\n"
                    " => ret_fast_syscall+0x0/0x28\n"
                    " => copy_process.part.5+0x18/0x1b08\n```\n")
            f.flush()
            paths = lessoncheck.check_paths(f.name)
            blocks = lessoncheck.check_blocks(f.name, lessoncheck.stored_source)
        self.assertEqual(len(paths), 3, paths)
        self.assertTrue(any("kernel/nosuch.c: no such file" in p for p in paths))
        self.assertTrue(any("img/nosuch.svg: no such file" in p for p in paths))
        self.assertTrue(any("outside the repository" in p for p in paths))
        self.assertEqual(len(blocks), 2, blocks)
        self.assertIn("res=0", blocks[0])
        self.assertIn("copy_process.part.5", blocks[1])

    def test_console_blocks(self):
        """The live check reads the boot's "=== run/trace PROG" sections."""
        console = ("=== run proc_exit\r\nchild: pid=40 ppid=39, calling exit(3)\r\n"
                   "=== run proc_exit status 0\r\n=== trace proc_exit\r\n"
                   "   proc_exit-40    [002] ....     1.000000: sched_process_exit: comm=proc_exit pid=40 prio=120\r\n"
                   "=== end trace proc_exit\r\n")
        source = lessoncheck.console_source(console)
        self.assertIsNone(lessoncheck.missing_in_order(["child: pid=6 ppid=5, calling exit(3)"],
                                                        source("output", "proc_exit")))
        self.assertEqual(lessoncheck.missing_in_order(["child: pid=6 ppid=5, calling exit(4)"],
                                                      source("output", "proc_exit")),
                         "child: pid=6 ppid=5, calling exit(4)")
        self.assertIsNone(lessoncheck.missing_in_order(
            ["   proc_exit-6     [000] ....     0.5: sched_process_exit: comm=proc_exit pid=6 prio=120"],
            source("trace", "proc_exit")))
        self.assertEqual(source("trace", "kill9"), [])


if __name__ == "__main__":
    tap.main(sys.modules[__name__])
