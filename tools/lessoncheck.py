#!/usr/bin/env python3
"""lessoncheck: keep the lessons in docs/lessons/ true to the repository and to what the
kernel prints, so that they never rot.

A lesson quotes output in fenced blocks whose info string says what it quotes:
  ```trace PROG    lines of PROG's trace on this kernel under the book's ftrace set-up
                   (what `make trace PROG=PROG` saves; docs/traces/PROG.kestrel.txt)
  ```linux PROG    lines of real Linux 6.1's trace of PROG (docs/traces/PROG.linux.txt)
  ```output PROG   lines PROG itself prints (build/traces/PROG.kestrel.out)
  ```seed FILE     lines of a real Linux 4.19 trace kept in tests/trace/rpi-4.19/FILE
Each block's lines must appear in that output in the same order, other lines between them
allowed ("..." lines in a block only mark the gap). What changes from run to run is masked
on both sides: pids, CPUs, timestamps, latency flags, +offset/size, user addresses and
handler addresses. Seed quotes are compared unmasked: they are quotes of a fixed file.
Every repository path a lesson names (in `backquotes` or as a link) must exist (a path
after the word "Linux" on its line is Linux's, and left alone), and the
course's index, docs/lessons/README.md, must link every lesson and give each one command
to run it (one `make ...` in its "run it" column, a target that exists: `make -n`).

  lessoncheck.py              check every lesson against docs/traces/ and tests/trace/
  RETURNS (exit status): 0 when all hold, 1 otherwise (each problem on a line)
make test also runs blocks_against_console() on the lesson programs' QEMU boot
(tests/qemu/cases_tracediff.py), so the trace and output blocks are checked live.
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LESSONS = os.path.join(ROOT, "docs", "lessons")
KINDS = ("trace", "linux", "output", "seed")

# fenced blocks: ```KIND NAME ... ```
BLOCK = re.compile(r"^```(\w+)[ \t]+(\S+)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
# an event or function line: TASK-PID [CPU] FLAGS TIMESTAMP: ... (4.19's 4 flags, 6.1's 5)
TRACE_HEAD = re.compile(r"^\s*(.+?)-(\d+)\s+\[\d{3}\]\s+\S{4,5}\s+\d+\.\d+:\s")
# what varies from run to run inside a line
VARYING = [
    (re.compile(r"\+0x[0-9a-f]+/0x[0-9a-f]+"), "+OFF"),               # sym-offset
    (re.compile(r"^(\s*=> )0x[0-9a-f]+$"), r"\1ADDR"),                # a user return address
    (re.compile(r"\b((?:child_|old_|next_|prev_)?pid)=-?\d+"), r"\1=PID"),
    (re.compile(r"\b(ppid|tid)([= ])\d+"), r"\1\2PID"),
    (re.compile(r"\b(wait4|clone) -> (tid )?\d+"), r"\1 -> \2PID"),
    (re.compile(r"\bkill\(\d+"), "kill(PID"),
    (re.compile(r"\bkill -(\w+) \d+"), r"kill -\1 PID"),
    (re.compile(r"\bsa_handler=[0-9a-f]+"), "sa_handler=H"),
    (re.compile(r"\b0x7[0-9a-f]{7}\b"), "USERADDR"),                  # a user stack address
]


def normalize(line):
    """A trace or output line with what varies between runs masked."""
    line = line.rstrip()
    m = TRACE_HEAD.match(line)
    if m:
        line = f"{m.group(1).strip()}-PID: " + line[m.end():]
    for pattern, repl in VARYING:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def lesson_files():
    return sorted(os.path.join(LESSONS, f) for f in os.listdir(LESSONS) if f.endswith(".md"))


def blocks(path):
    """The quoting blocks of a lesson: [(kind, name, [lines], line number)]."""
    text = open(path).read()
    out = []
    for m in BLOCK.finditer(text):
        if m.group(1) in KINDS:
            lines = [l for l in m.group(3).splitlines() if l.strip() and l.strip() != "..."]
            out.append((m.group(1), m.group(2), lines, text.count("\n", 0, m.start()) + 1))
    return out


def missing_in_order(quoted, actual, masked=True):
    """The first quoted line not found, in order, among actual; None if all are."""
    norm = normalize if masked else (lambda l: l.rstrip())
    have = [norm(l) for l in actual]
    i = 0
    for q in quoted:
        want = norm(q)
        while i < len(have) and have[i] != want:
            i += 1
        if i == len(have):
            return q
        i += 1
    return None


def check_blocks(path, source):
    """Check a lesson's blocks; source(kind, name) gives the lines to look in, or None when
    that output is not at hand (then the block is left to the other check). RETURNS: problems."""
    problems = []
    rel = os.path.relpath(path, ROOT)
    for kind, name, lines, lineno in blocks(path):
        actual = source(kind, name)
        if actual is None:
            continue
        if not lines:
            problems.append(f"{rel}:{lineno}: empty {kind} block")
            continue
        miss = missing_in_order(lines, actual, masked=(kind != "seed"))
        if miss is not None:
            problems.append(f"{rel}:{lineno}: {kind} {name}: not found (in order): {miss.strip()}")
    return problems


def read_lines(path):
    try:
        with open(path) as f:
            return f.read().splitlines()
    except OSError:
        return []


def stored_source(kind, name):
    """The outputs kept in the repository: docs/traces/ and tests/trace/rpi-4.19/."""
    if kind == "trace":
        return read_lines(os.path.join(ROOT, "docs", "traces", name + ".kestrel.txt"))
    if kind == "linux":
        return read_lines(os.path.join(ROOT, "docs", "traces", name + ".linux.txt"))
    if kind == "seed":
        return read_lines(os.path.join(ROOT, "tests", "trace", "rpi-4.19", name))
    return None     # a program's output is only checked live


def console_source(text):
    """The outputs of the lesson programs' boot (tools/trace-run.sh's /etc/trace-run), whose
    console frames each program's output and trace in "=== run/trace PROG" lines."""
    lines = text.replace("\r", "").splitlines()

    def section(start, end):
        try:
            i = lines.index(start)
        except ValueError:
            return []
        j = next((k for k in range(i + 1, len(lines)) if lines[k].startswith(end)), len(lines))
        return lines[i + 1:j]

    def source(kind, name):
        if kind == "trace":
            return section(f"=== trace {name}", f"=== end trace {name}")
        if kind == "output":
            return section(f"=== run {name}", f"=== run {name} status")
        return None
    return source


def blocks_against_console(text):
    """make test's check: every lesson's trace and output blocks against the boot's console.
    RETURNS: problems (empty when all hold)."""
    source = console_source(text)
    return [p for path in lesson_files() for p in check_blocks(path, source)]


# `path`s and links in a lesson that name a file of the repository
CODE_SPAN = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
REPO_TOP = ("boot/", "kernel/", "include/", "user/", "tests/", "tools/", "docs/", "sdcard/",
            "Makefile", "README.md", "linker.ld", "kernel.mk", "sdcard.mk")


def named_paths(path):
    """(repository-relative path as named, line number) for each file a lesson names."""
    text = open(path).read()
    # paths inside quoted output are the kernel's, not ours
    prose = BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    prose = re.sub(r"^```.*?^```", lambda m: "\n" * m.group(0).count("\n"), prose, flags=re.M | re.S)
    here = os.path.relpath(os.path.dirname(path), ROOT)
    out = []
    for n, line in enumerate(prose.splitlines(), 1):
        for m in LINK.finditer(line):
            target = m.group(1).split("#")[0]
            if target and "://" not in target:
                out.append((os.path.normpath(os.path.join(here, target)), n))
        for m in CODE_SPAN.finditer(line):
            word = m.group(1).strip()
            if re.search(r"\bLinux", line[:m.start()]):
                continue        # "Linux's `kernel/kthread.c`": Linux's file, not ours
            relative = word.startswith(("../", "img/"))
            if " " in word or not (relative or word.startswith(REPO_TOP)):
                continue
            word = word.rstrip(".,:;")
            if relative:
                word = os.path.normpath(os.path.join(here, word))
            out.append((word.split(":")[0], n))
    return out


def check_paths(path):
    """RETURNS: problems: a named path that does not exist, or a pointer outside the
    repository (the team's /work/shared is not the learner's)."""
    rel = os.path.relpath(path, ROOT)
    problems = []
    text = open(path).read()
    for n, line in enumerate(text.splitlines(), 1):
        if "shared/" in line and ("../shared" in line or "/work/" in line):
            problems.append(f"{rel}:{n}: names a file outside the repository")
    for name, n in named_paths(path):
        if not os.path.exists(os.path.join(ROOT, name)):
            problems.append(f"{rel}:{n}: {name}: no such file in the repository")
    return problems


def check_index():
    """RETURNS: problems: a lesson (NN-name.md) that docs/lessons/README.md does not link."""
    index = os.path.join(LESSONS, "README.md")
    linked = set(LINK.findall(open(index).read())) if os.path.exists(index) else set()
    return [f"docs/lessons/README.md: no link to {os.path.basename(p)}" for p in lesson_files()
            if re.match(r"\d\d-", os.path.basename(p)) and os.path.basename(p) not in linked]


# a row of the index: | N | [title](NN-name.md) | seed | run it |
INDEX_ROW = re.compile(r"^\|\s*(\d+)\s*\|.*\]\((\d\d-[^)]+\.md)\).*\|([^|]*)\|\s*$", re.M)


def check_commands():
    """RETURNS: problems: a lesson whose row in docs/lessons/README.md does not give one
    command (a single `make ...`) in its last column, or names a make target that does not
    exist (one `make -n -k` of them all, so that the check costs one parse of the Makefile)."""
    index = os.path.join(LESSONS, "README.md")
    rows = {name: cell.strip() for _, name, cell in INDEX_ROW.findall(open(index).read())}
    problems, targets = [], {}
    for path in lesson_files():
        name = os.path.basename(path)
        if not re.match(r"\d\d-", name):
            continue
        one = re.fullmatch(r"`make ([^`]+)`", rows.get(name, ""))
        if not one:
            problems.append(f"docs/lessons/README.md: {name}: not one `make ...` command "
                            f"to run it: {rows.get(name, '(no row)')!r}")
            continue
        for word in shlex.split(one.group(1)):
            if "=" not in word:
                targets.setdefault(word, name)
    if targets:
        dry = subprocess.run(["make", "-n", "-k", "-C", ROOT] + list(targets),
                             capture_output=True, text=True)
        missing = re.findall(r"No rule to make target '([^']+)'", dry.stderr)
        problems += [f"docs/lessons/README.md: {targets.get(t, t)}: `make {t}`: no such target"
                     for t in missing]
        if dry.returncode != 0 and not missing:
            problems.append(f"docs/lessons/README.md: make -n {' '.join(targets)} failed: "
                            f"{dry.stderr.strip()[-300:]}")
    return problems


def main():
    problems = check_index() + check_commands()
    for path in lesson_files():
        problems += check_paths(path)
        problems += check_blocks(path, stored_source)
    for p in problems:
        print(p)
    print(f"lessoncheck: {len(lesson_files())} lessons, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
