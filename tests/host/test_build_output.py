#!/usr/bin/env python3
"""The build's output as a user sees it (issue 11): one short line per file, as Linux's
kbuild prints ("  CC      kernel/exit.c"), for the kernel and the user programs alike;
`make V=1` prints the full commands instead. Builds a few objects into a scratch build
directory (B=...), so the real build/ is left alone. Prints TAP for tools/run-host-tests.sh."""
import os
import subprocess
import sys
import tempfile
import unittest

import tap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCES = ["kernel/exit.c", "user/bin/echo.c", "boot/entry-common.S"]


def objects(build):
    """The objects make builds from SOURCES, under the build directory `build`."""
    out = []
    for src in SOURCES:
        obj = os.path.splitext(src)[0] + ".o"
        out.append(os.path.join(build, obj.replace("user/", "user/obj/", 1)))
    return out


def make(build, *args):
    p = subprocess.run(["make", "--no-print-directory", "-B", f"B={build}", *args, *objects(build)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


class BuildOutput(unittest.TestCase):
    def setUp(self):
        self.build = tempfile.mkdtemp(prefix="kestrel-build-")

    def tearDown(self):
        subprocess.run(["rm", "-rf", self.build])

    def test_one_short_line_per_file(self):
        status, out, err = make(self.build)
        self.assertEqual(status, 0, err)
        self.assertEqual(out.splitlines(), ["  CC      kernel/exit.c", "  CC      user/bin/echo.c",
                                            "  AS      boot/entry-common.S"])
        self.assertEqual(err, "")

    def test_v1_shows_every_command(self):
        status, out, err = make(self.build, "V=1")
        self.assertEqual(status, 0, err)
        lines = out.splitlines()
        self.assertEqual(len(lines), 3, out)
        for line, src in zip(lines, SOURCES):
            self.assertTrue(line.startswith("arm-none-eabi-gcc "), line)
            self.assertIn(f" -c -o {self.build}/", line)
            self.assertTrue(line.endswith(" " + src), line)


if __name__ == "__main__":
    tap.main(sys.modules[__name__])
