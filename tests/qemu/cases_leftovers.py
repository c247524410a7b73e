"""QEMU cases of the leftovers stream: symbol names for head.S's code (kallsyms from
_text), and what /proc/<pid>/stack and wchan show."""

CASES = [
    {
        # The idle task of CPU 0 was entered from head.S's __mmap_switched: its stack
        # traces end there by name, not as a raw address.
        "name": "kallsyms-names-head-text",
        "append": "rdinit=/init ftrace=function ftrace_filter=schedule_idle "
                  "trace_options=func_stack_trace,sym-offset -- /bin/sh -c \"sleep 1; "
                  "echo 0 > /sys/kernel/tracing/tracing_on; cat /sys/kernel/tracing/trace; "
                  "/usr/bin/grep -e ' _text$' -e ' __mmap_switched$' /proc/kallsyms\"",
        "expect": [r"<idle>-0 +\[000\] .{4} +\d+\.\d{6}: schedule_idle\+0x[0-9a-f]+/0x[0-9a-f]+ "
                   r"<-cpu_startup_entry\+0x[0-9a-f]+/0x[0-9a-f]+\n.*<stack trace>\n"
                   r" => schedule_idle\+0x[0-9a-f]+/0x[0-9a-f]+\n"
                   r" => cpu_startup_entry\+0x[0-9a-f]+/0x[0-9a-f]+\n"
                   r" => start_kernel\+0x[0-9a-f]+/0x[0-9a-f]+\n => __mmap_switched\+0x0/0x[0-9a-f]+$",
                   r"^c0008000 T _text\n[0-9a-f]{8} T __mmap_switched$",
                   r"init: /bin/sh exited with status 0"],
        "forbid": [r"^ => 0xc0", r"Kernel panic", r"Internal error"],
        "exit": 0,
        "timeout": 30,
    },
]
