#!/usr/bin/env python3
"""Check a console log of /etc/all-tests or runtests (on Linux or on our
kernel): every "=== NAME" section must end with "=== NAME status 0", init
must report that its command finished, and where expected/NAME.txt exists,
the section's lines must match it once process ids are masked (pid=N) and
both are sorted (lines from different processes may interleave on SMP). A
section named by a path (=== /glibc/armhf/hello) uses its base name's file.
usage: compare.py CONSOLE_LOG EXPECTED_DIR..."""
import os
import re
import sys

PID = re.compile(r'(pid=|ppid=|tid=|tid |-> |kill\(|kill -INT )\d+')


def normalize(line):
    return PID.sub(r'\1N', line.rstrip())


def sections(log):
    """Yield (name, lines, end) per "=== NAME" section; end is None if cut."""
    name, lines = None, []
    for line in log:
        m = re.match(r'^=== (\S+)(?: (status \d+|killed by signal \d+|did not run))?$', line)
        if m and m.group(2) is None:
            name, lines = m.group(1), []
        elif m and name == m.group(1):
            yield name, lines, m.group(2)
            name = None
        elif name is not None:
            lines.append(line.rstrip('\n'))
    if name is not None:
        yield name, lines, None


def check_sections(log, expected_dirs):
    """RETURNS: ([names of the sections that passed], [one line per failure])
    for the sections of log, a list of lines."""
    passed, failures = [], []
    for name, lines, end in sections(log):
        why = None
        if end != 'status 0':
            why = end or 'output ends inside the section'
            fails = [l for l in lines if l.startswith('FAIL')]
            if fails:
                why += '; ' + '; '.join(fails)
        base = os.path.basename(name)
        expected = next((p for p in (os.path.join(d, base + '.txt') for d in expected_dirs)
                         if os.path.exists(p)), None)
        if why is None and expected:
            with open(expected) as f:
                want = sorted(normalize(l) for l in f if l.strip())
            got = sorted(normalize(l) for l in lines if l.strip())
            if got != want:
                why = 'output differs from %s: got %r' % (expected, got)
        if why:
            failures.append('FAIL %s: %s' % (name, why))
        else:
            passed.append(name)
    return passed, failures


def main():
    log_path, expected_dirs = sys.argv[1], sys.argv[2:]
    with open(log_path, errors='replace') as f:
        log = f.readlines()
    names, failures = check_sections(log, expected_dirs)
    for name in names:
        print('PASS %s' % name)
    for line in failures:
        print(line)
    passed, failed = len(names), len(failures)
    if passed + failed == 0:
        failed += 1
        print('FAIL log: no "=== NAME" section in %s' % log_path)
    if not any(re.match(r'^init: \S+ exited with status \d+$', l) for l in log):
        failed += 1
        print('FAIL boot: init\'s command did not finish (see %s)' % log_path)
    print('linux: %d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
