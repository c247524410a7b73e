"""An ftrace set-up script (the shell lines a learner writes into tracefs)
as Linux 6.1 needs it: the function names written to set_ftrace_filter,
set_ftrace_notrace, set_graph_function and set_graph_notrace are 6.1's
(kernel_clone for _do_fork...), and functions 6.1 inlines are left out,
since naming one makes the whole write fail there with EINVAL."""
import re

from .kernels import translate_filter_word

FILTER_FILES = re.compile(r">>?\s*\S*(set_ftrace_filter|set_ftrace_notrace|set_graph_function|set_graph_notrace)\b")
WORD = re.compile(r"!?[A-Za-z_][\w.]*")


def translate(text):
    """RETURNS: (the script for 6.1, the list of changes as plain lines)."""
    out, changes = [], []
    for line in text.split("\n"):
        m = FILTER_FILES.search(line)
        if not m or line.lstrip().startswith("#"):
            out.append(line)
            continue
        command, redirect = line[:m.start()], line[m.start():]
        kept = []

        def replace(word_match):
            word = word_match.group(0)
            if word in ("echo", "printf"):
                return word
            new, why = translate_filter_word(word)
            if why:
                changes.append(f"{word} -> {new or '(left out)'}: {why}")
            if new is not None:
                kept.append(new)
            return new or ""

        command = WORD.sub(replace, command)
        if not kept:
            out.append("# (nothing of this line exists in Linux 6.1) " + line)
            continue
        out.append(re.sub(r"  +", " ", command).rstrip() + " " + redirect)
    return "\n".join(out), changes
