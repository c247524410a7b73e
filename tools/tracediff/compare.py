"""Compare the flows of two traces task by task: the same records in the
same order within each task (across tasks, SMP timing decides the
interleaving, on Linux as here), the same call chains. Each divergence is
one plain line; differences that Linux 4.19 and 6.1 are documented to have
(kernels.py) are expected notes, not divergences."""
import difflib
from collections import Counter
from dataclasses import dataclass, field

from . import kernels
from .flow import Flow, Options
from .tasks import TaskTree, match_tasks


@dataclass
class Row:
    mark: str            # " " same, "~" same but for an expected difference, "!" differs, "<" only A, ">" only B
    a: object = None     # Item
    b: object = None
    notes: list = field(default_factory=list)    # numbers of Result.expected entries


@dataclass
class Section:
    task_a: object       # Task or None
    task_b: object
    rows: list = field(default_factory=list)


class Result:
    def __init__(self, a, b):
        self.a, self.b = a, b
        self.sections = []
        self.divergences = []       # one plain line each
        self.expected = []          # distinct expected-difference lines
        self.expected_count = Counter()

    def note(self, text):
        """Record an expected difference. RETURNS: its number (1-based)."""
        if text not in self.expected:
            self.expected.append(text)
        self.expected_count[text] += 1
        return self.expected.index(text) + 1

    @property
    def same(self):
        return not self.divergences


def where(item, side):
    return f"{side}:{item.rec.line}" if item is not None else ""


def compare(trace_a, trace_b, opts=None):
    """Compare trace_a with trace_b. RETURNS: a Result."""
    opts = opts or Options()
    result = Result(trace_a, trace_b)
    tree_a, tree_b = TaskTree(trace_a), TaskTree(trace_b)
    pairs = match_tasks(tree_a, tree_b)
    back = {b: a for a, b in pairs.items()}

    def name_a(pid):
        task = tree_a.tasks.get(pid)
        return task.label if task else f"pid {pid}"

    def name_b(pid):
        task = tree_b.tasks.get(pid)
        if task is None:
            return f"pid {pid}"
        return back[task].label if task in back else "B:" + task.label

    flow_a = Flow(trace_a, tree_a, opts, trace_b.version, name_a)
    flow_b = Flow(trace_b, tree_b, opts, trace_a.version, name_b)

    def relevant(flow, task):
        return task in flow.items or task in flow.detached or task in flow.dropped

    for task_a in tree_a.in_tree_order():
        task_b = pairs.get(task_a)
        if not relevant(flow_a, task_a) and not (task_b and relevant(flow_b, task_b)):
            continue
        section = Section(task_a, task_b)
        result.sections.append(section)
        if task_b is None:
            items = flow_a.items.get(task_a, [])
            section.rows = [Row("<", a=item) for item in items] + dropped_rows(result, flow_a.dropped, task_a, "a")
            if items or flow_a.detached.get(task_a):
                first = items[0] if items else flow_a.detached[task_a][0]
                result.divergences.append(
                    f"{task_a.label} (pid {task_a.pid}): only in A, {len(section.rows)} records from "
                    f"A:{first.rec.line} ({first.show}){hint_missing(trace_b, first)}")
            continue
        compare_task(result, section, flow_a, flow_b, task_a, task_b)
    for task_b in tree_b.in_tree_order():
        if task_b in back or not relevant(flow_b, task_b):
            continue
        items = flow_b.items.get(task_b, [])
        section = Section(None, task_b, [Row(">", b=item) for item in items]
                          + dropped_rows(result, flow_b.dropped, task_b, "b"))
        result.sections.append(section)
        if items or flow_b.detached.get(task_b):
            first = items[0] if items else flow_b.detached[task_b][0]
            result.divergences.append(
                f"{task_b.label} (pid {task_b.pid}): only in B, {len(section.rows)} records from "
                f"B:{first.rec.line} ({first.show}){hint_missing(trace_a, first)}")
    if opts.timestamps:
        compare_order(result, flow_a, flow_b, pairs)
    return result


def hint_missing(other_trace, item):
    """Why the other trace may lack item, when its header says so."""
    if item.kind in ("func", "stack") and other_trace.tracer not in ("function", ""):
        return f"; the other trace's tracer is {other_trace.tracer}"
    if item.kind in ("enter", "exit", "leaf") and other_trace.tracer not in ("function_graph", ""):
        return f"; the other trace's tracer is {other_trace.tracer}"
    return ""


def compare_task(result, section, flow_a, flow_b, task_a, task_b):
    label = task_a.label
    items_a = [i for i in flow_a.items.get(task_a, []) if i.group is None]
    items_b = [i for i in flow_b.items.get(task_b, []) if i.group is None]
    if task_a.comm != task_b.comm and "<...>" not in (task_a.comm, task_b.comm) \
            and not (task_a.kthread and task_a.kthread == task_b.kthread):
        short, long_ = sorted((task_a.comm, task_b.comm), key=len)
        if not (len(short) == 7 and long_.startswith(short)):
            result.divergences.append(f"{label}: the same task is {task_a.comm} in A and {task_b.comm} in B")
    matcher = difflib.SequenceMatcher(None, [i.key for i in items_a], [i.key for i in items_b],
                                      autojunk=False)
    rows = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(items_a[i1:i2], items_b[j1:j2]):
                rows.append(same_row(result, label, a, b, (flow_a.version, flow_b.version)))
            continue
        rows.extend(changed_rows(result, label, items_a[i1:i2], items_b[j1:j2], flow_a.trace, flow_b.trace))
    rows += dropped_rows(result, flow_a.dropped, task_a, "a")
    rows += dropped_rows(result, flow_b.dropped, task_b, "b")
    rows += group_rows(result, label, flow_a, flow_b, task_a, task_b)
    rows.sort(key=row_order(rows))
    section.rows = rows
    detached_a = Counter(i.key for i in flow_a.detached.get(task_a, []))
    detached_b = Counter(i.key for i in flow_b.detached.get(task_b, []))
    for key in sorted(set(detached_a) | set(detached_b)):
        if detached_a[key] != detached_b[key]:
            result.divergences.append(f"{label}: `{key}` appears {detached_a[key]} times in A and "
                                      f"{detached_b[key]} in B")
        elif detached_a[key]:
            result.note("sched_process_free is compared by the task it frees, not where it fires "
                        "(Linux frees from an RCU callback, this kernel when the task is reaped)")


def group_rows(result, label, flow_a, flow_b, leader_a, leader_b):
    """What belongs to a thread group rather than to one of its tasks (Flow.mark_group_notices),
    compared at its leader: the same records, whichever task of the group did them."""
    grouped_a = [i for items in flow_a.items.values() for i in items if i.group is leader_a]
    grouped_b = [i for items in flow_b.items.values() for i in items if i.group is leader_b]
    if not grouped_a and not grouped_b:
        return []
    if [i.key for i in grouped_a] != [i.key for i in grouped_b]:
        first = (grouped_a or grouped_b)[0]
        result.divergences.append(f"{label}: the thread group tells its parent differently "
                                  f"({where(first, 'A' if grouped_a else 'B')}: {first.show})")
        return [Row("<", a=i) for i in grouped_a] + [Row(">", b=i) for i in grouped_b]
    note = result.note("a thread group's SIGCHLD to its parent comes from its last task to exit, "
                       "the leader or a thread as timing decides: compared by group")
    return [Row("~", a, b, [note]) for a, b in zip(grouped_a, grouped_b)]


def dropped_rows(result, dropped, task, side):
    """Rows for the items of task the other kernel cannot have, with why."""
    return [Row("~", **{side: item}, notes=[result.note(n) for n in item.notes])
            for item in dropped.get(task, [])]


def row_order(rows):
    """Sort rows by their place in A, B's rows after the A row before them,
    so that dropped items land where they were in the file."""
    position = {}
    last_a = 0
    for index, row in enumerate(rows):
        if row.a is not None and row.mark != "~":
            last_a = row.a.rec.line
        position[id(row)] = (row.a.rec.line if row.a is not None else last_a, index)
    return lambda row: position[id(row)]


def same_row(result, label, a, b, versions):
    """Two items with the same key: the names each kernel gives them, and
    their call chains."""
    notes = [result.note(n) for n in rename_notes(a, b)]
    mark = "~" if notes else " "
    if a.chain is not None or b.chain is not None:
        same, chain_notes, why = compare_chains(a, b, versions)
        notes += [result.note(n) for n in chain_notes]
        if not same:
            result.divergences.append(f"{label}: {why} ({where(a, 'A')}, {where(b, 'B')})")
            return Row("!", a, b, notes)
        if chain_notes:
            mark = "~"
    return Row(mark, a, b, notes)


def rename_notes(a, b):
    """Why the same function is printed under two names by A and B."""
    notes = []
    for name_a, name_b in ((a.rec.name, b.rec.name), (a.rec.parent, b.rec.parent)):
        if kernels.strip_offset(name_a) != kernels.strip_offset(name_b):
            notes += [n for n in (kernels.rename_note(name_a), kernels.rename_note(name_b)) if n]
    return notes


def changed_rows(result, label, items_a, items_b, trace_a, trace_b):
    """A run of items that differ: pairs of the same event or function
    with other fields are changes, the rest is only in one run."""
    rows = []
    j = 0
    for a in items_a:
        k = next((k for k in range(j, len(items_b)) if same_thing(a, items_b[k])), None)
        if k is None:
            rows.append(Row("<", a=a))
            result.divergences.append(f"{label}: only A has `{a.show}` ({where(a, 'A')})"
                                      f"{hint_missing(trace_b, a)}")
            continue
        for b in items_b[j:k]:
            rows.append(Row(">", b=b))
            result.divergences.append(f"{label}: only B has `{b.show}` ({where(b, 'B')})"
                                      f"{hint_missing(trace_a, b)}")
        b = items_b[k]
        rows.append(Row("!", a, b))
        result.divergences.append(f"{label}: {describe_change(a, b)} ({where(a, 'A')}, {where(b, 'B')})")
        j = k + 1
    for b in items_b[j:]:
        rows.append(Row(">", b=b))
        result.divergences.append(f"{label}: only B has `{b.show}` ({where(b, 'B')}){hint_missing(trace_a, b)}")
    return rows


def same_thing(a, b):
    return a.kind == b.kind and a.kind in ("event", "print") and a.rec.name == b.rec.name


def describe_change(a, b):
    """One line saying how two records of the same event differ."""
    fa = a.key.split(": ", 1)[1] if ": " in a.key else a.key
    fb = b.key.split(": ", 1)[1] if ": " in b.key else b.key
    wa, wb = fa.split(" "), fb.split(" ")
    diffs = [f"{x} in A, {y} in B" for x, y in zip(wa, wb) if x != y]
    if len(wa) != len(wb) or not diffs:
        return f"{a.rec.name} differs: A `{fa}`, B `{fb}`"
    return f"{a.rec.name} differs: " + "; ".join(diffs)


def normalize_for_6(chain, notes):
    """A 4.19 call chain as 6.1 would show it: without the functions 6.1
    inlines and the frames its shorter calls skip (each noted)."""
    out = []
    for frame in chain[:1]:
        out.append(frame)
    for frame in chain[1:]:
        if frame in kernels.INLINED_IN_6:
            notes.append(kernels.inlined_why(frame))
            continue
        if frame in kernels.TAIL_CALLING_IN_6:
            notes.append(kernels.tail_call_why(frame))
            continue
        out.append(frame)
    for caller, between, callee, why in kernels.CALLS_SHORTENED_IN_6:
        if caller in out and callee in out and out.index(callee) < out.index(caller):
            lo, hi = out.index(callee), out.index(caller)
            if any(f in between for f in out[lo + 1:hi]):
                out = out[:lo + 1] + [f for f in out[lo + 1:hi] if f not in between] + out[hi:]
                notes.append(why)
    return out


def name_returns_for_4_19(chain_6, chain_4_19, notes):
    """Name a 6.1 frame that is a return into the next symbol as the 4.19
    frame at the same place, when it stands for that one (each noted)."""
    for i, frame in enumerate(chain_6):
        stands_for, why = kernels.RETURN_INTO_NEXT_SYMBOL_IN_6.get(frame, ((), ""))
        if i < len(chain_4_19) and chain_4_19[i] in stands_for:
            chain_6[i] = chain_4_19[i]
            notes.append(why)


def is_entry(frame):
    return frame in kernels.ENTRY_FRAMES or frame == "<user>"


def compare_chains(a, b, versions):
    """Compare the call chains of two matching records. Across 4.19 and
    6.1, a chain may end before the syscall entry and user address, and an
    event's stack (6.1's stacktrace trigger) may start further out.
    RETURNS: (same, expected notes, why they differ)."""
    notes = []
    ca, cb = list(a.chain or []), list(b.chain or [])
    cross_version = versions[0] != versions[1]
    if versions == ("4.19", "6"):
        ca = normalize_for_6(ca, notes)
        name_returns_for_4_19(cb, ca, notes)
    elif versions == ("6", "4.19"):
        cb = normalize_for_6(cb, notes)
        name_returns_for_4_19(ca, cb, notes)
    name = kernels.canonical(a.rec.name) if a.kind == "func" else f"{a.rec.name or 'the'}"
    if a.stacked != b.stacked:
        return False, notes, f"only {'A' if a.stacked else 'B'} has a <stack trace> after {name}"
    if ca == cb:
        return True, notes, ""
    if not cross_version:
        return False, notes, chain_why(name, ca, cb)
    # the longer chain must hold the shorter one: extra outer frames only
    # the way in from user space; extra inner frames only before an event
    longer, shorter, side = (ca, cb, "B") if len(ca) >= len(cb) else (cb, ca, "A")
    for start in range(0, len(longer) - len(shorter) + 1):
        if longer[start:start + len(shorter)] != shorter:
            continue
        inner, outer = longer[:start], longer[start + len(shorter):]
        if inner and a.kind != "event":
            continue
        if not all(is_entry(f) for f in outer):
            continue
        if inner:
            notes.append(f"{side}'s stack trace starts {len(inner)} frames further out "
                         f"(6.1's stacktrace trigger leaves out the innermost frames)")
        if outer:
            notes.append(f"{side}'s stack trace ends before {', '.join(outer)} "
                         f"(6.1's unwinder stops at the syscall entry)")
        return True, notes, ""
    return False, notes, chain_why(name, ca, cb)


def chain_why(name, ca, cb):
    """One line naming where two call chains part."""
    i = 0
    while i < min(len(ca), len(cb)) and ca[i] == cb[i]:
        i += 1
    where_ = f"after {ca[i - 1]}" if i else "at once"
    rest_a = " <- ".join(ca[i:i + 3]) or "(nothing)"
    rest_b = " <- ".join(cb[i:i + 3]) or "(nothing)"
    return f"{name} call chains part {where_}: A <- {rest_a}, B <- {rest_b}"


def compare_order(result, flow_a, flow_b, pairs):
    """--timestamps: the order of records across tasks, by time."""
    def merged(flow, name):
        items = [(i.rec.ts or 0, i.rec.line, name(t), i.key) for t, its in flow.items.items() for i in its]
        return [f"{n}: {k}" for _, _, n, k in sorted(items)]
    label_b = {b: a.label for a, b in pairs.items()}
    seq_a = merged(flow_a, lambda t: t.label)
    seq_b = merged(flow_b, lambda t: label_b.get(t, "B:" + t.label))
    matcher = difflib.SequenceMatcher(None, seq_a, seq_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            a = seq_a[i1] if i1 < i2 else "(nothing)"
            b = seq_b[j1] if j1 < j2 else "(nothing)"
            result.divergences.append(f"order across tasks differs: A has {a} where B has {b}")
