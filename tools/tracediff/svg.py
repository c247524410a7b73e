"""A trace as a picture: a timeline with one lane per CPU and one per task,
each record a dot on its task's lane (and a mark on the lane of the CPU it
ran on), arrows from a fork to the child's first record and from each
signal_generate to the signal_deliver it caused. Two traces are drawn one
above the other, their tasks in the same order and colours. The time axis
is the order of the records (equal steps, so that nothing overlaps), with
the time since the first record written under it."""
from xml.sax.saxutils import escape

from .flow import Flow, Options
from .kernels import base_name
from .tasks import TaskTree, fields_of, match_tasks

STEP = 26            # px between two records
LANE = 24            # px per lane
LEFT = 250           # the lane names
LABELS = 120         # room for the slanted record names above the lanes
LEGEND = ["dot: a record on its task's lane (hover for the line); box: the CPU it ran on;",
          "black arrow: fork; red arrow: signal_generate to signal_deliver (dashed: not delivered in the trace)"]
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
           "#7f7f7f", "#bcbd22"]


def draw(traces, opts=None, title=""):
    """RETURNS: an SVG document drawing one or two traces."""
    opts = opts or Options()
    trees = [TaskTree(t) for t in traces]
    pairs = match_tasks(trees[0], trees[1]) if len(trees) == 2 else {}
    back = {b: a for a, b in pairs.items()}
    panels = []
    order_a = {task: n for n, task in enumerate(trees[0].in_tree_order())}
    for index, (trace, tree) in enumerate(zip(traces, trees)):
        other = traces[1 - index].version if len(traces) == 2 else trace.version
        flow = Flow(trace, tree, opts, other,
                    lambda pid, tree=tree: tree.tasks[pid].label if pid in tree.tasks else f"pid {pid}")
        name = (lambda t: t.label) if index == 0 else (lambda t: back[t].label if t in back else t.label)
        panel = Panel(trace, tree, flow, name, "AB"[index])
        if index == 1:      # B's lanes in the order of their partners in A
            panel.tasks.sort(key=lambda t: order_a.get(back.get(t), len(order_a)))
        panels.append(panel)
    colours = {}
    for panel in panels:
        for task in panel.tasks:
            colours.setdefault(panel.name(task), PALETTE[len(colours) % len(PALETTE)])
    width = max(620, LEFT + max(len(p.items) for p in panels) * STEP + LABELS + 40)
    y = 70 if title else 40
    body = []
    if title:
        body.append(f'<text x="10" y="24" class="title">{escape(title)}</text>')
    for n, line in enumerate(LEGEND):
        body.append(f'<text x="10" y="{y - 24 + 12 * n}" class="axis">{escape(line)}</text>')
    for panel in panels:
        svg, height = panel.render(y, colours)
        body.append(svg)
        y += height + 20
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" '
            f'viewBox="0 0 {width} {y}" font-family="DejaVu Sans Mono, monospace" font-size="11">\n'
            '<style>.title{font-size:15px;font-weight:bold} .head{font-size:12px;font-weight:bold} '
            '.lane{fill:#333} .rec{font-size:10px} .axis{fill:#666;font-size:9px}</style>\n'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/>'
            '</marker></defs>\n'
            f'<rect width="{width}" height="{y}" fill="white"/>\n' + "\n".join(body) + "\n</svg>\n")


def item_label(item):
    """The few words a dot is labelled with."""
    rec = item.rec
    if item.kind == "event":
        f = fields_of(rec.fields)
        extra = f" sig={f['sig']}" if "sig" in f else ""
        return rec.name + extra
    if item.kind in ("func", "enter", "leaf"):
        return base_name(rec.name)
    if item.kind == "exit":
        return "}"
    return item.key[:24]


class Panel:
    def __init__(self, trace, tree, flow, name, side):
        self.trace, self.tree, self.flow, self.name, self.side = trace, tree, flow, name, side
        self.tasks = [t for t in tree.in_tree_order() if flow.items.get(t)]
        self.items = sorted(((i.rec.ts or 0.0, i.rec.line, t, i) for t in self.tasks for i in flow.items[t]),
                            key=lambda x: (x[0], x[1]))
        self.cpus = sorted({i.rec.cpu for _, _, _, i in self.items})

    def lane_name(self, task):
        """The task's name and pid, and its depth in the fork tree."""
        label = self.name(task)
        return label.rsplit("/", 1)[-1] + f" ({task.pid})", min(label.count("/"), 6)

    def render(self, top, colours):
        out = []
        what = f"{self.side}: {self.trace.path}"
        out.append(f'<text x="10" y="{top + 14}" class="head">{escape(what)}</text>')
        lanes_top = top + 24 + LABELS
        lane_y = {}
        names = [((f"cpu{c}", 0), ("cpu", c)) for c in self.cpus] + \
                [(self.lane_name(t), ("task", t)) for t in self.tasks]
        for row, ((label, depth), key) in enumerate(names):
            y = lanes_top + row * LANE + LANE // 2
            lane_y[key] = y
            out.append(f'<text x="{10 + 12 * depth}" y="{y + 4}" class="lane">{escape(label[:30])}</text>')
            out.append(f'<line x1="{LEFT - 6}" y1="{y}" x2="{LEFT + len(self.items) * STEP}" y2="{y}" '
                       f'stroke="#ddd"/>')
        x_of = {}
        first_ts = self.items[0][0] if self.items else 0.0
        for n, (ts, _, task, item) in enumerate(self.items):
            x = LEFT + n * STEP + STEP // 2
            x_of[id(item)] = x
            colour = colours.get(self.name(task), "#333")
            ty = lane_y[("task", task)]
            cy = lane_y[("cpu", item.rec.cpu)]
            out.append(f'<rect x="{x - STEP // 2 + 1}" y="{cy - 7}" width="{STEP - 2}" height="14" '
                       f'fill="{colour}" opacity="0.55"/>')
            out.append(f'<circle cx="{x}" cy="{ty}" r="5" fill="{colour}"><title>'
                       f'{escape(item.rec.text)}</title></circle>')
            ly = lanes_top - 6
            out.append(f'<text x="{x}" y="{ly}" class="rec" transform="rotate(-40 {x} {ly})">'
                       f'{escape(item_label(item))}</text>')
            out.append(f'<line x1="{x}" y1="{ly + 2}" x2="{x}" y2="{ty - 6}" stroke="#eee"/>')
            if n % 5 == 0:
                ay = lanes_top + len(names) * LANE + 12
                out.append(f'<text x="{x}" y="{ay}" class="axis" text-anchor="middle">'
                           f'+{(ts - first_ts) * 1000:.1f}ms</text>')
        out += self.lifelines(lane_y, x_of, colours)
        out += self.fork_arrows(lane_y, x_of)
        out += self.signal_arrows(lane_y, x_of)
        height = 24 + LABELS + len(names) * LANE + 20
        return "\n".join(out), height

    def lifelines(self, lane_y, x_of, colours):
        out = []
        for task in self.tasks:
            xs = [x_of[id(i)] for i in self.flow.items[task]]
            y = lane_y[("task", task)]
            out.append(f'<line x1="{min(xs)}" y1="{y}" x2="{max(xs)}" y2="{y}" '
                       f'stroke="{colours.get(self.name(task), "#333")}" stroke-width="2"/>')
        return out

    def fork_arrows(self, lane_y, x_of):
        """Parent -> child, from the parent's record of the fork (or, if the
        trace has none, from that moment on the parent's lane)."""
        out = []
        x_of_rec = {id(i.rec): x_of[id(i)] for t in self.tasks for i in self.flow.items[t]}
        for task in self.tasks:
            parent = task.parent
            if parent is None or ("task", parent) not in lane_y:
                continue
            child_x = x_of[id(self.flow.items[task][0])]
            x0 = x_of_rec.get(id(task.fork_rec), child_x - STEP // 2)
            out.append(arrow(x0, lane_y[("task", parent)], child_x, lane_y[("task", task)], "#444", "fork"))
        return out

    def signal_arrows(self, lane_y, x_of):
        """signal_generate -> the target's next signal_deliver of that signal."""
        out = []
        for task in self.tasks:
            for item in self.flow.items[task]:
                if item.rec.name != "signal_generate":
                    continue
                f = fields_of(item.rec.fields)
                target = self.tree.tasks.get(int(f["pid"])) if f.get("pid", "").isdigit() else None
                if target is None or ("task", target) not in lane_y:
                    continue
                x0 = x_of[id(item)]
                deliver = [x_of[id(i)] for i in self.flow.items.get(target, [])
                           if i.rec.name == "signal_deliver" and fields_of(i.rec.fields).get("sig") == f.get("sig")
                           and x_of[id(i)] > x0]
                if deliver:
                    out.append(arrow(x0, lane_y[("task", task)], deliver[0], lane_y[("task", target)],
                                     "#d62728", f"sig {f.get('sig')}"))
                else:
                    y1 = lane_y[("task", target)]
                    out.append(arrow(x0, lane_y[("task", task)], x0 + STEP // 2, y1, "#d62728",
                                     f"sig {f.get('sig')} res={f.get('res', '?')}", dashed=True))
        return out


def arrow(x0, y0, x1, y1, colour, what, dashed=False):
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (f'<path d="M{x0},{y0} C{x0 + 10},{(y0 + y1) / 2} {x1 - 10},{(y0 + y1) / 2} {x1},{y1}" '
            f'fill="none" stroke="{colour}" stroke-width="1.4" marker-end="url(#arrow)"{dash}>'
            f'<title>{escape(what)}</title></path>')
