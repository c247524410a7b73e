"""What a parsed trace is made of: one Record per entry of Linux's `trace`
file (an event, a function-tracer line, a function_graph call or return, a
trace_printk/marker text) with the <stack trace> that followed it, and the
Trace that holds them with what its header said and which lines were not
understood."""
from dataclasses import dataclass, field


@dataclass
class Record:
    line: int                 # 1-based line number in the file
    kind: str                 # event, func, print, stack, enter, leaf, exit, elided, lost
    comm: str
    pid: int
    cpu: int
    ts: float | None          # seconds; None where the line has no timestamp
    name: str = ""            # event name, function (as printed), or "" for stack/print
    fields: str = ""          # an event's text after "name: ", a print's text
    parent: str = ""          # the function tracer's "<-caller", as printed
    flags: str = ""           # the irq-info columns ("d..." or "dn..."), "" if absent
    depth: int = 0            # function_graph nesting
    graph: bool = False       # a function_graph line
    stack: list = field(default_factory=list)   # frames of the <stack trace> that followed
    stack_line: int = 0       # where that <stack trace> was
    body: str = ""            # what follows the task/CPU/time columns, as printed
    text: str = ""            # the whole line as printed


@dataclass
class Trace:
    path: str
    tracer: str = ""          # "# tracer: NAME"
    layout: str = ""          # "4.19" (4 flag columns), "6.x" (5), "graph", "" if unknown
    records: list = field(default_factory=list)
    malformed: list = field(default_factory=list)   # (line, text, why)
    notes: list = field(default_factory=list)       # (line, text): lost events, elisions
    cpus: int = 0             # "#P:N"

    @property
    def version(self):
        """'6' when the trace shows it comes from Linux 5/6 (5 flag columns
        or a name 4.19 did not have), else '4.19', the format we follow."""
        if self.layout == "6.x":
            return "6"
        from .kernels import NAMES_AFTER_4_19
        if any(r.name.split("+")[0] in NAMES_AFTER_4_19 for r in self.records if r.kind != "event"):
            return "6"
        return "4.19"
