/* panic(): the kernel cannot go on (Linux's kernel/panic.c). Print why,
 * dump the trace buffer if ftrace_dump_on_oops asked for it, stop the other
 * CPUs, then reboot after panic= seconds: at once if negative, never if 0.
 * Under the `semihosting` boot option QEMU exits with status 1 instead. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <linux/trace.h>
#include <asm/bug.h>

static int panic_cpu = -1;

void __noreturn panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;
	int this_cpu = smp_processor_id();

	local_irq_disable();
	/* Only one CPU panics; another one arriving here just stops. */
	if (__atomic_exchange_n(&panic_cpu, this_cpu, __ATOMIC_SEQ_CST) != -1 &&
	    panic_cpu != this_cpu)
		for (;;)
			__asm__ __volatile__("wfi");

	bust_spinlocks(1);
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	if (ftrace_dump_on_oops)
		ftrace_dump(ftrace_dump_on_oops);
	smp_send_stop();

	if (semihosting_exit) {
		pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
		machine_exit(1);
	}
	if (panic_timeout > 0) {
		u64 until = local_clock() + (u64)panic_timeout * NSEC_PER_SEC;
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		while (local_clock() < until)
			;
	}
	if (panic_timeout != 0)
		machine_restart();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	for (;;)
		__asm__ __volatile__("wfi");
}

/* WARN_ON(): report and carry on. */
void __warn(const char *file, int line)
{
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d\n", smp_processor_id(), current->pid, file,
		line);
	dump_stack();
}
