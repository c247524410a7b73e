"""Read Linux's `trace` text (kernel/trace/trace_output.c and
trace_functions_graph.c print it) into Records: the 4.19 layout
(`%16s-%-5d [%03d] dn.. 12.345678: body`), 6.x's (5 flag columns, `%-7d`
pids), no flag columns (irq-info off), `<stack trace>` blocks, and
function_graph's columns. A line that fits none of these is kept in
Trace.malformed with its number; parsing never stops on one."""
import re

from .records import Record, Trace

# TASK-PID [(TGID)] [CPU] FLAGS TIMESTAMP: BODY  (print_trace_header / trace_print_context)
CONTEXT = re.compile(
    r"^\s*(?P<comm>.+?)-(?P<pid>\d+)\s+(?:\(\s*[-\d]+\)\s+)?\[(?P<cpu>\d+)\]\s+"
    r"(?:(?P<flags>[.dDbXB][^\s]{3,4})\s+)?(?P<ts>\d+(?:\.\d+)?):\s(?P<body>.*)$")
STACK_FRAME = re.compile(r"^ => (?P<frame>\S.*?)\s*$")
# "name: fields" (an event, or trace_printk's "ip: text" with sym-offset)
EVENT = re.compile(r"^(?P<name>[\w.]+(?:\+0x[0-9a-f]+/0x[0-9a-f]+)?):(?: (?P<fields>.*)|)$")
# "func[+off/size] [<addr>] [<-parent[+off/size] [<addr>]]" (trace_fn_trace)
FUNCTION = re.compile(
    r"^(?P<func>[\w.$]+(?:\+0x[0-9a-f]+/0x[0-9a-f]+)?)(?: <[0-9a-f]+>)?"
    r"(?:\s+<-(?P<parent>[\w.$]+(?:\+0x[0-9a-f]+/0x[0-9a-f]+)?|0x[0-9a-f]+|0)(?: <[0-9a-f]+>)?)?$")
# function_graph: [ABSTIME |] CPU) [TASK-PID] | [DURATION |] BODY
GRAPH = re.compile(
    r"^\s*(?:(?P<abstime>\d+\.\d+)\s+\|\s+)?(?P<cpu>\d+)\)\s*(?:(?P<task>\S.*?-\d+)\s*)?\|(?P<rest>.*)$")
GRAPH_SWITCH = re.compile(r"^\s*(?P<cpu>\d+)\)\s+(?P<prev>\S.*?-\d+)\s+=>\s+(?P<next>\S.*?-\d+)\s*$")
GRAPH_DURATION = re.compile(r"^\s*[!#*@$+]?\s*(?:\d+\.\d+ us)?\s*$")
GRAPH_TASK = re.compile(r"^(?P<comm>.*)-(?P<pid>\d+)$")
LOST = re.compile(r"^CPU:\s*\d+ \[LOST \d+ EVENTS\]\s*$")
BUFFER_STARTED = re.compile(r"^#{5} CPU \d+ buffer started #{4}\s*$")
# Linux's trace_seq holds a page: no line of `trace` is longer
LINE_MAX = 4096


def parse_file(path):
    """Parse the trace at path. RETURNS: a Trace. Raises OSError when the
    file cannot be read; bytes that are not UTF-8 are replaced, not fatal."""
    with open(path, "rb") as f:
        data = f.read()
    return parse_text(data.decode("utf-8", "replace"), path)


def parse_text(text, path="<text>"):
    """Parse a whole `trace` text. RETURNS: a Trace whose records are in file order."""
    trace = Trace(path)
    parser = _Parser(trace)
    for number, line in enumerate(text.split("\n"), 1):
        parser.line(number, line.rstrip("\r"))
    return trace


class _Parser:
    def __init__(self, trace):
        self.trace = trace
        self.stack_owner = None      # the record a " => frame" line belongs to
        self.graph_current = {}      # cpu -> (comm, pid): function_graph's last context switch
        self.graph_open = {}         # pid -> names of the calls not yet returned

    def malformed(self, number, line, why):
        self.trace.malformed.append((number, line, why))
        self.stack_owner = None

    def line(self, number, line):
        trace = self.trace
        if not line.strip():
            return
        if len(line) > LINE_MAX:
            self.malformed(number, line[:LINE_MAX], f"{len(line)} characters, longer than any trace line")
            return
        frame = STACK_FRAME.match(line)
        if frame:
            if self.stack_owner is None:
                self.malformed(number, line, "stack frame outside a <stack trace>")
            else:
                self.stack_owner.stack.append(frame.group("frame"))
            return
        self.stack_owner = None
        stripped = line.strip()
        if stripped.startswith("#"):
            self.header(stripped)
            return
        if stripped == "..." or stripped.startswith("...\t"):
            trace.notes.append((number, "lines elided here by the trace's author"))
            return
        if LOST.match(stripped) or BUFFER_STARTED.match(stripped):
            trace.notes.append((number, stripped))
            return
        m = CONTEXT.match(line)
        if m:
            self.context_line(number, line, m)
            return
        if self.graph_line(number, line):
            return
        self.malformed(number, line, "not a line of Linux's trace format")

    def header(self, line):
        trace = self.trace
        m = re.match(r"^# tracer: (\S+)", line)
        if m:
            trace.tracer = m.group(1)
            if trace.tracer == "function_graph":
                trace.layout = trace.layout or "graph"
        m = re.search(r"#P:(\d+)", line)
        if m:
            trace.cpus = int(m.group(1))

    def context_line(self, number, line, m):
        trace = self.trace
        flags = m.group("flags") or ""
        if flags and trace.layout not in ("graph",):
            layout = "6.x" if len(flags) == 5 else "4.19"
            trace.layout = trace.layout or layout
        rec = Record(line=number, kind="", comm=m.group("comm").strip(), pid=int(m.group("pid")),
                     cpu=int(m.group("cpu")), ts=float(m.group("ts")), flags=flags, text=line.strip())
        body = rec.body = m.group("body").rstrip()
        if body in ("<stack trace>", "<user stack trace>"):
            owner = self.stack_owner_for(rec)
            if owner is None:
                rec.kind = "stack"
                trace.records.append(rec)
                owner = rec
            owner.stack_line = number
            self.stack_owner = owner
            return
        fn = FUNCTION.match(body)
        ev = EVENT.match(body)
        if ev and not fn:
            name = ev.group("name")
            if "+0x" in name:
                rec.kind, rec.name, rec.fields = "print", name, ev.group("fields") or ""
            else:
                rec.kind, rec.name, rec.fields = "event", name, ev.group("fields") or ""
        elif fn:
            rec.kind, rec.name, rec.parent = "func", fn.group("func"), fn.group("parent") or ""
        else:
            rec.kind, rec.fields = "print", body
        trace.records.append(rec)

    def stack_owner_for(self, rec):
        """The record a <stack trace> entry belongs to: the last one of the
        same task on the same CPU (other CPUs' lines may come in between)."""
        for prev in reversed(self.trace.records[-64:]):
            if prev.pid == rec.pid and prev.cpu == rec.cpu:
                if prev.kind in ("event", "func", "print") and not prev.stack_line:
                    return prev
                return None
        return None

    def graph_line(self, number, line):
        """A function_graph line. RETURNS: True if it was one (recorded or skipped)."""
        trace = self.trace
        if re.match(r"^\s*-{20,}\s*$", line):
            return True
        sw = GRAPH_SWITCH.match(line)
        if sw:
            task = GRAPH_TASK.match(sw.group("next"))
            self.graph_current[int(sw.group("cpu"))] = (task.group("comm").strip(), int(task.group("pid")))
            return True
        m = GRAPH.match(line)
        if not m:
            return False
        trace.layout = trace.layout or "graph"
        cpu = int(m.group("cpu"))
        rest = m.group("rest")
        if "|" in rest and GRAPH_DURATION.match(rest.split("|", 1)[0]):
            rest = rest.split("|", 1)[1]
        if m.group("task"):
            task = GRAPH_TASK.match(m.group("task"))
            comm, pid = task.group("comm").strip(), int(task.group("pid"))
        elif cpu in self.graph_current:
            comm, pid = self.graph_current[cpu]
        else:
            comm, pid = f"cpu{cpu}", -1 - cpu
        indent = len(rest) - len(rest.lstrip(" "))
        body = rest.strip()
        ts = float(m.group("abstime")) if m.group("abstime") else None
        rec = Record(line=number, kind="", comm=comm, pid=pid, cpu=cpu, ts=ts,
                     depth=max(0, (indent - 2) // 2), body=rest.rstrip(), graph=True, text=line.strip())
        opened = self.graph_open.setdefault(pid, [])
        if body in ("==========>", "<=========="):
            return True
        call = re.match(r"^([\w.$]+)\(\) \{$", body)
        leaf = re.match(r"^([\w.$]+)\(\);$", body)
        ret = re.match(r"^\}(?: /\* ([\w.$]+) \*/)?$", body)
        comment = re.match(r"^/\* (.*) \*/$", body)
        if call:
            rec.kind, rec.name = "enter", call.group(1)
            opened.append(rec.name)
        elif leaf:
            rec.kind, rec.name = "leaf", leaf.group(1)
        elif ret:
            rec.kind = "exit"
            rec.name = ret.group(1) or (opened[-1] if opened else "")
            if opened:
                opened.pop()
        elif comment:
            ev = EVENT.match(comment.group(1))
            if ev:
                rec.kind, rec.name, rec.fields = "event", ev.group("name"), ev.group("fields") or ""
            else:
                rec.kind, rec.fields = "print", comment.group(1)
        else:
            self.malformed(number, line, "a function_graph line this tool does not know")
            return True
        trace.records.append(rec)
        return True
