"""tracediff: put two Linux `trace` files side by side (this kernel's and
real Linux's, 4.19's or 6.x's) and say whether they show the same flow.

  tracediff A B                 the verdict: exit 0 same flow, 1 they differ, 2 unreadable input
  tracediff -s A B              both flows side by side, each row marked
  tracediff A                   one trace's flow, task by task
  tracediff --svg out.svg A [B] a timeline picture (B drawn under A)
  tracediff --translate-script SCRIPT   the ftrace script with Linux 6.1's names
"""
import argparse
import os
import signal
import sys

from . import report
from .compare import compare
from .flow import Flow, Options
from .parse import parse_file
from .tasks import TaskTree

UNREADABLE = 2


def load(path, side):
    """Parse path. RETURNS: a Trace, or None after saying why it cannot be read."""
    try:
        trace = parse_file(path)
    except OSError as e:
        print(f"tracediff: {side}: cannot read {path}: {e.strerror or e}", file=sys.stderr)
        return None
    if not trace.records and not trace.tracer:
        lines = len(trace.malformed)
        print(f"tracediff: {side}: {path} is not a trace: no header and no line in Linux's trace format"
              + (f" ({lines} lines skipped)" if lines else " (empty)"), file=sys.stderr)
        for line in report.malformed_lines(trace, side, 5):
            print("  " + line, file=sys.stderr)
        return None
    return trace


def main(argv=None):
    ap = argparse.ArgumentParser(prog="tracediff", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("traces", nargs="*", metavar="TRACE")
    ap.add_argument("-s", "--side-by-side", action="store_true", help="print both flows side by side")
    ap.add_argument("-w", "--width", type=int, default=0, help="side-by-side width (default: $COLUMNS or 160)")
    ap.add_argument("--cpu", action="store_true", help="compare CPU numbers too")
    ap.add_argument("--timestamps", action="store_true",
                    help="compare the order of records across tasks too (by their timestamps)")
    ap.add_argument("--sched", action="store_true", help="compare scheduling events too")
    ap.add_argument("--offsets", action="store_true", help="compare sym-offset's +off/size too")
    ap.add_argument("--events-only", action="store_true",
                    help="compare events only, not function-tracer lines and stack traces")
    ap.add_argument("--svg", metavar="FILE", help="draw the trace(s) as a timeline into FILE")
    ap.add_argument("--title", default="", help="the picture's title")
    ap.add_argument("--translate-script", metavar="SCRIPT",
                    help="print the ftrace script SCRIPT with the names Linux 6.1 uses")
    args = ap.parse_args(argv)
    opts = Options(cpu=args.cpu, timestamps=args.timestamps, sched=args.sched, offsets=args.offsets,
                   events_only=args.events_only)

    if args.translate_script:
        return translate(args.translate_script)
    if not 1 <= len(args.traces) <= 2:
        ap.print_usage(sys.stderr)
        print("tracediff: give one or two trace files", file=sys.stderr)
        return UNREADABLE
    traces = [load(path, side) for path, side in zip(args.traces, "AB")]
    if None in traces:
        return UNREADABLE
    if args.svg:
        from .svg import draw
        with open(args.svg, "w") as f:
            f.write(draw(traces, opts, args.title))
        print(f"tracediff: wrote {args.svg}")
        if len(traces) == 1:
            return 0
    if len(traces) == 1:
        tree = TaskTree(traces[0])
        flow = Flow(traces[0], tree, opts, traces[0].version, lambda pid: tree.tasks[pid].label
                    if pid in tree.tasks else f"pid {pid}")
        print(report.flow_listing(traces[0], flow, tree))
        return 0
    result = compare(traces[0], traces[1], opts)
    if args.side_by_side:
        width = args.width or int(os.environ.get("COLUMNS", 0) or 160)
        print(report.side_by_side(result, width))
    elif not args.svg:
        print(report.summary(result))
    return 0 if result.same else 1


def translate(path):
    from .script import translate as translate_text
    try:
        with open(path) as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        print(f"tracediff: cannot read the script {path}: {e}", file=sys.stderr)
        return UNREADABLE
    out, changes = translate_text(text)
    sys.stdout.write(out)
    for change in changes:
        print(f"tracediff: for Linux 6.1: {change}", file=sys.stderr)
    return 0


def run():
    """The program: main()'s status as the exit status; a closed pipe
    (tracediff ... | head) ends it quietly."""
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())


if __name__ == "__main__":
    run()
