"""What tracediff prints: the verdict with one line per divergence and per
documented difference, the two flows side by side with each row marked, and
a single trace's flow task by task."""
import difflib
import textwrap
from itertools import zip_longest

from .kernels import canonical

LEGEND = ("marks: ' ' same, '~' same but for a documented Linux 4.19/6.1 difference [note], "
          "'!' differs, '<' only in A, '>' only in B")
LAYOUTS = {"4.19": "Linux 4.19 layout", "6.x": "Linux 6.x layout", "graph": "function_graph layout",
           "": "no records"}


def describe(trace, side):
    version = "Linux 6.1 names" if trace.version == "6" else "Linux 4.19 names"
    records = len(trace.records)
    return (f"{side}: {trace.path} ({LAYOUTS.get(trace.layout, trace.layout)}, {version}, "
            f"tracer {trace.tracer or '?'}, {records} records)")


def malformed_lines(trace, side, limit=20):
    out = []
    for number, text, why in trace.malformed[:limit]:
        out.append(f"{side}:{number}: skipped, {why}: {text[:100]!r}")
    if len(trace.malformed) > limit:
        out.append(f"{side}: ... and {len(trace.malformed) - limit} more lines skipped")
    return out


def task_name(task):
    return f"{task.label} (pid {task.pid})" if task else "-"


def summary(result):
    """The verdict: tasks paired, documented differences, divergences."""
    a, b = result.a, result.b
    lines = [describe(a, "A"), describe(b, "B")]
    lines += malformed_lines(a, "A") + malformed_lines(b, "B")
    lines += [f"{side}:{number}: {text}" for side, t in (("A", a), ("B", b)) for number, text in t.notes]
    paired = [s for s in result.sections if s.task_a and s.task_b]
    if paired:
        lines.append("tasks: " + ", ".join(f"{s.task_a.label} = A {s.task_a.pid}, B {s.task_b.pid}"
                                           for s in paired))
    if result.expected:
        lines.append("documented differences (not divergences):")
        for number, text in enumerate(result.expected, 1):
            count = result.expected_count[text]
            lines.append(f"  [{number}] {text}" + (f" ({count} times)" if count > 1 else ""))
    compared = sum(1 for s in result.sections for r in s.rows if r.a is not None and r.b is not None)
    if result.same:
        lines.append(f"same flow: {len(paired)} tasks, {compared} records compared")
    else:
        lines.append(f"flows differ: {len(result.divergences)} divergences")
        lines += ["  " + d for d in result.divergences]
    return "\n".join(lines)


def cell(item):
    """What a row shows of an item: its body as printed, then its stack."""
    if item is None:
        return [""]
    text = item.show.rstrip()[2:] if item.rec.graph else item.show.strip()
    return [text] + [" => " + frame for frame in item.rec.stack]


def side_by_side(result, width=160):
    """Both flows, task by task, row by row, each row marked."""
    col = max(30, (width - 8) // 2)
    out = [describe(result.a, "A"), describe(result.b, "B"), LEGEND]
    for section in result.sections:
        out.append("")
        out.append(f"== {task_name(section.task_a)} | {task_name(section.task_b)}")
        for row in section.rows:
            notes = ("  [" + ",".join(str(n) for n in row.notes) + "]") if row.notes else ""
            for i, (left, right) in enumerate(row_lines(row)):
                for j, (l_text, r_text) in enumerate(zip_longest(wrap(left, col), wrap(right, col),
                                                                  fillvalue="")):
                    mark = row.mark if i == j == 0 else " "
                    tail = notes if i == j == 0 else ""
                    out.append(f"{mark} {l_text.ljust(col)} | {r_text}{tail}".rstrip())
    out.append("")
    out.append(summary(result))
    return "\n".join(out)


def row_lines(row):
    """The (left, right) lines of a row: the records, then their stack
    frames with the same function on the same line."""
    left, right = cell(row.a), cell(row.b)
    lines = [(left[0], right[0])]
    fa, fb = left[1:], right[1:]
    names_a = [canonical(f[4:]) for f in fa]
    names_b = [canonical(f[4:]) for f in fb]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, names_a, names_b, autojunk=False).get_opcodes():
        if op == "equal":
            lines += list(zip(fa[i1:i2], fb[j1:j2]))
        else:
            lines += list(zip_longest(fa[i1:i2], fb[j1:j2], fillvalue=""))
    return lines


def wrap(line, col):
    return textwrap.wrap(line, col, subsequent_indent="    ", break_on_hyphens=False) or [""]


def flow_listing(trace, flow, tree):
    """One trace alone: its tasks as a tree and what each did."""
    out = [describe(trace, "A")] + malformed_lines(trace, "A")
    out += [f"A:{number}: {text}" for number, text in trace.notes]
    for task in sorted(tree.tasks.values(), key=lambda t: t.first):
        items = flow.items.get(task, []) + flow.detached.get(task, [])
        if not items:
            continue
        parent = f", child of {task.parent.label}" if task.parent else ""
        out.append(f"== {task.label} (pid {task.pid}{parent})")
        for item in items:
            for i, text in enumerate(cell(item)):
                out.append(f"  {item.rec.line:>6}  {text}" if i == 0 else f"          {text}")
    if flow.ignored:
        out.append(f"({flow.ignored} scheduling records not shown; --sched shows them)")
    return "\n".join(out)
