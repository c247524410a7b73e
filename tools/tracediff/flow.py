"""A trace's flow: for each task, the sequence of what it did that two runs
of the same program must share, as comparable Items. Left out: timestamps,
CPU numbers (unless asked), scheduling events (timing decides them),
syscall arguments (addresses), and what one kernel version cannot show
(a 4.19 function that 6.1 inlines, when the other run is 6.1)."""
import re
from dataclasses import dataclass, field

from . import kernels
from .tasks import fields_of

# raw_syscalls whose return value is a pid: fork, getpid, getppid, wait4, clone, vfork, gettid, waitid
PID_RETURNING_SYSCALLS = {"2", "20", "64", "114", "120", "190", "224", "280"}


@dataclass
class Options:
    cpu: bool = False          # compare CPU numbers
    timestamps: bool = False   # compare the order of records across tasks
    sched: bool = False        # compare scheduling events
    offsets: bool = False      # compare sym-offset's +off/size
    events_only: bool = False  # leave out function-tracer lines and their stacks


@dataclass
class Item:
    kind: str
    key: str                   # what is compared between runs
    show: str                  # the record as printed
    rec: object
    chain: list = None         # call chain, innermost first (canonical names)
    stacked: bool = False      # the chain includes a <stack trace>
    notes: list = field(default_factory=list)   # expected differences that apply here
    group: object = None       # the leader of the thread group this belongs to, not the task


class Flow:
    """The items of each task of one trace. name_of(pid) names a task the
    same way in both runs (set by the comparison once tasks are paired)."""

    def __init__(self, trace, tree, opts, other_version, name_of):
        self.trace, self.tree, self.opts = trace, tree, opts
        self.version = trace.version
        self.against_6 = self.version == "4.19" and other_version == "6"
        self.name_of = name_of
        self.items = {}        # Task -> [Item]
        self.detached = {}     # Task -> [Item] compared regardless of order
        self.dropped = {}      # Task -> [Item] left out as expected differences
        self.ignored = 0
        self.build()

    def build(self):
        for rec in self.trace.records:
            task = self.tree.tasks[rec.pid]
            item = self.item(rec)
            if item is None:
                self.ignored += 1
                continue
            if item.kind == "dropped":
                self.dropped.setdefault(task, []).append(item)
                continue
            if rec.kind == "event" and rec.name == "sched_process_free":
                subject = self.subject(rec) or task
                self.detached.setdefault(subject, []).append(item)
                continue
            self.items.setdefault(task, []).append(item)
        if self.against_6:
            for task, items in self.items.items():
                self.items[task] = self.drop_inlined_graph_calls(items, self.dropped.setdefault(task, []))
        for task, items in self.items.items():
            self.items[task] = self.collapse_empty_calls(items)
        self.mark_group_notices()

    def mark_group_notices(self):
        """A thread group tells its parent that it exited from whichever of its tasks goes
        last: the leader, or the last thread (release_task), as timing decides. That
        SIGCHLD (its signal_generate, and the __send_signal call and stack before it)
        belongs to the group, and is compared by group (Item.group), not by task."""
        for task, items in self.items.items():
            leader = task if task.has_threads else task.parent
            if leader is None or not leader.has_threads or leader.parent is None:
                continue
            for n, item in enumerate(items):
                if item.kind != "event" or item.rec.name != "signal_generate":
                    continue
                f = fields_of(item.rec.fields)
                if f.get("sig") != "17" or f.get("pid") != str(leader.parent.pid):
                    continue
                item.group = leader
                before = items[max(0, n - 2):n]
                if before and before[-1].kind == "stack":
                    before = before[-2:] if len(before) == 2 else []
                else:
                    before = before[-1:]
                if before and before[0].kind == "func" and kernels.canonical(before[0].rec.name) == "__send_signal":
                    for call in before:
                        call.group = leader

    def subject(self, rec):
        pid = fields_of(rec.fields).get("pid")
        return self.tree.tasks.get(int(pid)) if pid and pid.isdigit() else None

    def fname(self, name):
        if self.opts.offsets:
            off = name[len(kernels.strip_offset(name)):]
            return kernels.canonical(name) + off
        return kernels.canonical(name)

    def item(self, rec):
        """The Item for a record, None if it is ignored, or an Item of kind
        "dropped" when the other kernel cannot have it."""
        cpu = f" [cpu {rec.cpu}]" if self.opts.cpu else ""
        if self.opts.events_only and rec.kind not in ("event", "print"):
            return None
        if rec.kind == "event":
            if not self.opts.sched and kernels.SCHEDULING_EVENTS.match(rec.name):
                return None
            item = Item("event", rec.name + ": " + self.event_fields(rec) + cpu, rec.body, rec)
            if rec.stack_line and not self.opts.events_only:
                item.chain, item.stacked = self.frames(rec.stack), True
            return item
        if rec.kind == "func":
            name = kernels.canonical(rec.name)
            item = Item("func", self.fname(rec.name) + cpu, rec.body, rec)
            if self.against_6 and name in kernels.INLINED_IN_6:
                item.kind = "dropped"
                item.notes.append(kernels.inlined_why(name))
                return item
            chain = [self.fname(rec.name)]
            if rec.parent:
                chain.append(self.fname(rec.parent))
            frames = self.frames(rec.stack)
            for known in list(chain):
                if frames and frames[0] == known:
                    frames.pop(0)
            item.chain, item.stacked = chain + frames, bool(rec.stack_line)
            return item
        if rec.kind == "stack":
            item = Item("stack", "<stack trace>", "<stack trace>", rec)
            item.chain, item.stacked = self.frames(rec.stack), True
            return item
        if rec.kind == "print":
            return Item("print", rec.fields + cpu, rec.body, rec)
        if rec.kind in ("enter", "leaf", "exit"):
            name = kernels.canonical(rec.name)
            key = {"enter": name + "() {", "leaf": name + "();", "exit": "} " + name}[rec.kind]
            return Item(rec.kind, key + cpu, rec.body, rec)
        return None

    def frames(self, stack):
        """A <stack trace>'s frames by canonical name, user addresses as <user>."""
        out = []
        for frame in stack:
            out.append("<user>" if kernels.is_user_frame(frame) else self.fname(frame))
        return out

    def event_fields(self, rec):
        """An event's fields as compared: pids named by task, CPU numbers
        and kernel addresses left out, syscall arguments left out."""
        if rec.name in ("sys_enter", "sys_exit"):
            m = re.match(r"^NR (\d+)(?: = (-?\d+))?", rec.fields)
            if not m:
                return rec.fields
            if rec.name == "sys_enter":
                return f"NR {m.group(1)}"
            value = m.group(2)
            if m.group(1) in PID_RETURNING_SYSCALLS and value and int(value) > 0:
                value = self.name_of(int(value))
            return f"NR {m.group(1)} = {value}"
        if rec.name.startswith("sys_enter_"):
            return ""
        parts = []
        for word in rec.fields.split(" "):
            key, eq, value = word.partition("=")
            if not eq:
                parts.append(word)
            elif key in kernels.PID_FIELDS and value.lstrip("-").isdigit():
                parts.append(f"{key}={self.name_of(int(value))}")
            elif key in kernels.CPU_FIELDS and not self.opts.cpu:
                continue
            elif key in kernels.KERNEL_ADDRESS_FIELDS:
                continue
            else:
                parts.append(word)
        return " ".join(parts)

    @staticmethod
    def drop_inlined_graph_calls(items, dropped):
        """function_graph: a call 6.1 inlines disappears (into dropped),
        its callees move up. RETURNS: the items kept."""
        out = []
        for item in items:
            base = item.key.split("(")[0].removeprefix("} ").split(" [")[0].strip()
            if item.kind in ("enter", "exit", "leaf") and base in kernels.INLINED_IN_6:
                item.notes.append(kernels.inlined_why(base))
                dropped.append(item)
                continue
            out.append(item)
        return out

    @staticmethod
    def collapse_empty_calls(items):
        """`f() {` directly followed by `}` is the same call as `f();`."""
        out = []
        for item in items:
            if (item.kind == "exit" and out and out[-1].kind == "enter"
                    and out[-1].key.split("(")[0] == item.key.removeprefix("} ").split(" [")[0]):
                enter = out.pop()
                out.append(Item("leaf", enter.key.replace("() {", "();"), enter.show, enter.rec,
                                notes=enter.notes))
                continue
            out.append(item)
        return out
