"""Helpers the commands share (Linux's scripts/gdb/linux/utils.py and lists.py):
kernel types, container_of, list walks, file-static symbols, and the kernel's
constants, which the Makefile takes from its headers into build/gdb/constants.py."""
import contextlib
import importlib
import os
import sys

import gdb

PSR_MODE_MASK = 0x1F
USR_MODE = 0x10
SVC_MODE = 0x13
SCTLR_M = 0x1  # SCTLR.M: the MMU is on


def load_constants():
    """Import constants.py from the build directory of the kernel being debugged
    (the directory of build/kernel.elf, then its gdb/)."""
    elf = gdb.current_progspace().filename
    if not elf:
        raise gdb.GdbError("no kernel loaded: `file build/kernel.elf` first")
    path = os.path.join(os.path.dirname(os.path.abspath(elf)), "gdb")
    if path not in sys.path:
        sys.path.insert(0, path)
    try:
        return importlib.import_module("constants")
    except ImportError:
        raise gdb.GdbError(f"{path}/constants.py is missing: `make build/gdb/constants.py`")


class CachedType:
    """A kernel type, looked up once per loaded kernel."""

    def __init__(self, name):
        self.name = name
        self.type = None
        gdb.events.new_objfile.connect(self._forget)

    def _forget(self, event):
        self.type = None

    def get_type(self):
        if self.type is None:
            self.type = gdb.lookup_type(self.name)
        return self.type


def static_value(name):
    """The value of a kernel variable, file-static ones included."""
    sym = gdb.lookup_global_symbol(name) or gdb.lookup_static_symbol(name)
    if sym is None:
        raise gdb.GdbError(f"no symbol {name} in the kernel: is build/kernel.elf loaded?")
    return sym.value()


def offset_of(typeobj, field):
    return int(gdb.Value(0).cast(typeobj.pointer())[field].address)


def container_of(ptr, typeobj, member):
    """Linux's container_of: the struct of type @typeobj whose @member @ptr points to."""
    addr = int(ptr.cast(gdb.lookup_type("unsigned long"))) - offset_of(typeobj, member)
    return gdb.Value(addr).cast(typeobj.pointer())


def list_for_each_entry(head, typeobj, member):
    """Each struct of type @typeobj linked through @member on the list @head
    (a struct list_head value), as Linux's list_for_each_entry."""
    node = head["next"]
    end = head.address
    while node != end:
        yield container_of(node, typeobj, member)
        node = node["next"]


def read_string(array):
    """A NUL-terminated char array, as text."""
    return array.string(errors="replace")


def cpu_of(thread):
    """QEMU's gdb thread N is CPU N-1."""
    return thread.ptid[1] - 1


def sees_kernel():
    """Can the selected CPU read kernel memory: MMU on, not in user mode?"""
    try:
        if not int(gdb.parse_and_eval("$SCTLR")) & SCTLR_M:
            return False
    except gdb.error:
        pass  # no CP15 registers from this gdb server: judge by the mode alone
    return int(gdb.parse_and_eval("$cpsr")) & PSR_MODE_MASK != USR_MODE


@contextlib.contextmanager
def kernel_view():
    """Let gdb read the kernel's memory, whatever the selected CPU is doing.
    Yields the selected CPU's number.

    QEMU's gdb server reads memory through the selected CPU's MMU with the
    privilege of its current mode, and will not switch a CPU out of user mode:
    stopped in a user program, a CPU shows user memory only. The kernel's
    memory is mapped alike on every CPU, so the command then reads it through
    another CPU, one in a kernel mode, and the selection is put back after."""
    selected = gdb.selected_thread()
    if selected is None or selected.is_running():
        raise gdb.GdbError("the target is running: interrupt it (Ctrl-C) first")
    reader = None
    try:
        for thread in [selected] + [t for t in gdb.selected_inferior().threads() if t != selected]:
            thread.switch()
            if sees_kernel():
                reader = thread
                break
        if reader is None:
            raise gdb.GdbError("no CPU can read the kernel's memory: the MMU is still off "
                               "(`break start_kernel`, `continue` first), or every CPU is in "
                               "user mode (`break schedule`, `continue`)")
        yield cpu_of(selected)
    except gdb.MemoryError as e:
        raise gdb.GdbError(f"{e} (is the kernel set up this far?)")
    finally:
        if gdb.selected_thread() != selected:
            selected.switch()


class KernelCommand(gdb.Command):
    """A kx-* command: invoke_kernel(arg, cpu) runs under kernel_view(), @cpu
    being the CPU selected when the command was typed."""

    def invoke(self, arg, from_tty):
        with kernel_view() as cpu:
            self.invoke_kernel(arg, cpu)
