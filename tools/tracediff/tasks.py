"""The tasks of a trace and their fork tree, and which task of one run is
which task of another. Pids differ between runs, so a task is named by its
place in the tree: "sh/rpi_proc_exit/rpi_proc_exit" is the child of the
rpi_proc_exit that the first sh started. The tree comes from what the
trace shows: sched_process_fork, task_newtask and sched_wakeup_new lines
(parent and child); without them, the function tracer's copy_process
lines, matched in order with the new pids in the order Linux hands them
out; last, the SIGCHLD a child sends its parent when it exits
(signal_generate sig=17 with a CLD_* code). A task whose exit notifies
its grandparent is a thread: the last thread of a group to exit tells the
group's parent, and which one is last is a matter of timing, so threads
are paired between runs by what they did, not by their order. So is a
child that exits without telling anyone (a thread's exit_signal is -1)."""
import difflib
import os
import re

from .kernels import canonical, kthread_class

FIELD = re.compile(r"(\w+)=(\S+)")
UNKNOWN_COMM = "<...>"


def fields_of(text):
    return dict(FIELD.findall(text))


class Task:
    def __init__(self, pid, first):
        self.pid = pid
        self.own_comm = ""           # as its own lines show it (Linux prints the last comm it saved)
        self.exec_comm = ""          # its program's name, from sched_process_exec
        self.field_comm = ""         # the last comm other events gave it
        self.first = first           # order of first appearance
        self.parent = None           # Task
        self.fork_rec = None         # the parent's record of its creation, if the trace has one
        self.has_threads = False     # some of its children are its threads
        self.did = []                # what its records are, in order (to pair threads)
        self.children = []           # Tasks, in the order they appeared
        self.label = ""
        self.has_records = False

    @property
    def comm(self):
        """The task's name: as its lines show it (unless function_graph cut
        it to 7 characters), else from its exec, else from other events."""
        own = self.own_comm
        for other in (self.exec_comm, self.field_comm):
            if own and len(own) == 7 and other.startswith(own):
                return other
        return own or self.exec_comm or self.field_comm or UNKNOWN_COMM

    @property
    def kthread(self):
        return kthread_class(self.comm)

    @property
    def short(self):
        return self.label.rsplit("/", 1)[-1]

    def __repr__(self):
        return f"Task({self.label or self.comm}:{self.pid})"


class TaskTree:
    """The tasks of one Trace, keyed by pid, with parents and labels."""

    def __init__(self, trace):
        self.tasks = {}
        self.order = 0
        self.sigchld = []            # (child, parent) from exit notifications
        self.forks = []              # (record index, Task) of copy_process lines
        self.first_seen = {}         # pid -> record index
        forked_by_event = False
        for index, rec in enumerate(trace.records):
            task = self.task(rec.pid)
            self.first_seen.setdefault(rec.pid, index)
            task.has_records = True
            task.did.append(canonical(rec.name) if rec.kind != "event" else rec.name)
            if rec.comm != UNKNOWN_COMM:
                task.own_comm = rec.comm
            if rec.kind == "event":
                forked_by_event |= rec.name in ("sched_process_fork", "task_newtask")
                self.learn(rec, task)
            elif rec.kind in ("func", "enter", "leaf") and rec.name.split("+")[0].split(".")[0] == "copy_process":
                self.forks.append((index, task, rec))
        if not forked_by_event:
            self.adopt_by_fork_order()
        for child, parent in self.sigchld:
            self.adopt(parent, child)
            if child.parent is not parent and child.parent and child.parent.parent is parent:
                child.parent.has_threads = True
        notifying = {child for child, _ in self.sigchld}
        for task in self.tasks.values():
            if task.parent and task not in notifying and \
                    ("do_exit" in task.did or "sched_process_exit" in task.did):
                task.parent.has_threads = True
        self.label_all()

    def task(self, pid, comm=UNKNOWN_COMM):
        """The Task for pid, created at its first mention; comm is the name
        an event gives it."""
        if pid not in self.tasks:
            self.tasks[pid] = Task(pid, self.order)
            self.order += 1
        task = self.tasks[pid]
        if comm and comm != UNKNOWN_COMM:
            task.field_comm = comm
        return task

    def adopt(self, parent, child, rec=None):
        """parent forked child (rec: the record that shows it)."""
        if child.parent is None and parent is not child and not self.is_ancestor(child, parent):
            child.parent = parent
            child.fork_rec = rec
            parent.children.append(child)

    @staticmethod
    def is_ancestor(a, b):
        while b is not None:
            if b is a:
                return True
            b = b.parent
        return False

    def learn(self, rec, task):
        """What an event line says about tasks: names, and who forked whom."""
        f = fields_of(rec.fields)
        name = rec.name

        def pid_of(key):
            try:
                return int(f[key])
            except (KeyError, ValueError):
                return None

        if name == "sched_process_fork":
            child_pid = pid_of("child_pid")
            if child_pid is not None:
                self.adopt(task, self.task(child_pid, f.get("child_comm", UNKNOWN_COMM)), rec)
        elif name in ("task_newtask", "sched_wakeup_new"):
            child_pid = pid_of("pid")
            if child_pid is not None and child_pid != rec.pid:
                self.adopt(task, self.task(child_pid, f.get("comm", UNKNOWN_COMM)), rec)
        elif name == "signal_generate":
            target = pid_of("pid")
            if target is not None:
                parent = self.task(target, f.get("comm", UNKNOWN_COMM))
                if f.get("sig") == "17" and f.get("code") in ("1", "2", "3", "4", "5", "6"):
                    self.sigchld.append((task, parent))
        elif name == "sched_process_exec":
            if "filename" in f:
                task.exec_comm = os.path.basename(f["filename"])[:15]
        elif name == "sched_switch":
            for p, c in (("prev_pid", "prev_comm"), ("next_pid", "next_comm")):
                if pid_of(p) is not None:
                    self.task(pid_of(p), f.get(c, UNKNOWN_COMM))
        elif "pid" in f and pid_of("pid") is not None:
            self.task(pid_of("pid"), f.get("comm", UNKNOWN_COMM))

    def adopt_by_fork_order(self):
        """Each copy_process line made the next pid: pair them in order with
        the pids first seen after the first of them, lowest first, as long
        as each child appears after its fork."""
        if not self.forks:
            return
        start = self.forks[0][0]
        born = sorted(pid for pid, index in self.first_seen.items() if index > start and pid > 0
                      and pid > max((p for p, i in self.first_seen.items() if i <= start), default=0))
        for (index, parent, rec), pid in zip(self.forks, born):
            if self.first_seen[pid] <= index:
                return
            self.adopt(parent, self.tasks[pid], rec)

    def label_all(self):
        """Name each task by its path from its root; siblings of the same
        name are numbered in the order they were forked (#2, #3...)."""
        def name(task):
            return task.kthread or task.comm

        def label(tasks, prefix):
            seen = {}
            for task in tasks:
                n = name(task)
                seen[n] = seen.get(n, 0) + 1
                task.label = prefix + n + (f"#{seen[n]}" if seen[n] > 1 else "")
                label(task.children, task.label + "/")

        label(self.roots(), "")

    def roots(self):
        return sorted((t for t in self.tasks.values() if t.parent is None), key=lambda t: t.first)

    def in_tree_order(self):
        """The tasks, each followed by its children in the order it forked them."""
        out = []

        def visit(tasks):
            for task in tasks:
                out.append(task)
                visit(task.children)
        visit(self.roots())
        return out


def same_name(a, b):
    """Whether two tasks may be the same program: the same comm (or kind
    of kernel thread); function_graph cuts comms to 7 characters."""
    na, nb = a.kthread or a.comm, b.kthread or b.comm
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    return len(short) == 7 and long_.startswith(short)


def match_tasks(tree_a, tree_b):
    """Pair the tasks of two runs. Siblings are paired in order among
    those with the same name, from the roots down; tasks left over (their
    parent was not seen in one run) are paired by name and order of
    appearance. RETURNS: dict Task of A -> Task of B."""
    pairs = {}
    used_b = set()

    def pair(a, b):
        pairs[a] = b
        used_b.add(id(b))
        pair_lists(a.children, b.children, a.has_threads or b.has_threads)

    def pair_lists(list_a, list_b, threads=False):
        for a in list_a:
            if a in pairs:
                continue
            candidates = [b for b in list_b if id(b) not in used_b and same_name(a, b)]
            if threads and candidates:
                candidates.sort(key=lambda b: -difflib.SequenceMatcher(None, a.did, b.did).ratio())
            if candidates:
                pair(a, candidates[0])

    pair_lists(tree_a.roots(), tree_b.roots())
    pair_lists(sorted((t for t in tree_a.tasks.values() if t not in pairs), key=lambda t: t.first),
               sorted((t for t in tree_b.tasks.values() if id(t) not in used_b), key=lambda t: t.first))
    return pairs
