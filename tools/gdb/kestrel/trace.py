"""kx-trace: the trace buffer as the `trace` file shows it. Rather than decode the
ring buffer and every event's format in Python, it runs the kernel's own
formatter, ftrace_dump_read() (kernel/trace/trace_kdb.c, after Linux's kdb
ftdump), on the stopped CPU: what gdb prints is exactly what `cat trace` would.

The call runs on one CPU only (scheduler-locking on), the selected one unless it
is in user mode (then one in a kernel mode: utils.kernel_view), in SVC mode with
IRQs and FIQs masked; gdb restores every register afterwards. The formatter takes no lock and allocates nothing, so a
CPU stopped anywhere, even holding a lock, can run it."""
import gdb

from kestrel import utils

PSR_T_BIT = 0x20
PSR_F_BIT = 0x40
PSR_I_BIT = 0x80


def call_in_kernel(expr):
    """Evaluate @expr, a call of a kernel function, on the selected CPU as
    kernel code (ARM state, SVC mode, IRQs and FIQs masked, the other CPUs
    left stopped), and put the CPU back as it was."""
    cpsr = int(gdb.parse_and_eval("$cpsr")) & 0xFFFFFFFF
    locking = gdb.parameter("scheduler-locking")
    gdb.execute("set scheduler-locking on", to_string=True)
    try:
        svc = ((cpsr & ~(utils.PSR_MODE_MASK | PSR_T_BIT)) | utils.SVC_MODE | PSR_I_BIT
               | PSR_F_BIT)
        gdb.execute(f"set $cpsr = {svc:#x}", to_string=True)
        return gdb.parse_and_eval(expr)
    finally:
        gdb.execute(f"set $cpsr = {cpsr:#x}", to_string=True)
        gdb.execute(f"set scheduler-locking {locking}", to_string=True)


class KxTrace(utils.KernelCommand):
    """Print the trace buffer as the `trace` file shows it: header, then each
event in time order over the CPUs, in the trace options' format.

kx-trace
Runs the kernel's formatter on the selected CPU (see tools/gdb/kestrel/trace.py);
the trace buffer must be set up (past trace_init at boot)."""

    def __init__(self):
        super().__init__("kx-trace", gdb.COMMAND_DATA)

    def invoke_kernel(self, arg, cpu):
        rb = utils.static_value("global_trace_buffer")
        if not int(rb["buffers"][0]["slots"]):
            raise gdb.GdbError("the trace buffer is not set up yet (trace_init)")
        text = utils.static_value("ftrace_dump_text")
        inferior = gdb.selected_inferior()
        restart = 1
        while True:
            n = int(call_in_kernel(f"ftrace_dump_read({restart})"))
            if n <= 0:
                break
            gdb.write(bytes(inferior.read_memory(int(text.address), n)).decode("utf-8", "replace"))
            restart = 0


KxTrace()
