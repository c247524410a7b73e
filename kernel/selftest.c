/* Boot-time checks of the SMP machinery, run from kernel_init when asked
 * with selftest=ipi,tick,tracebench (what the QEMU tests use before user space can
 * prove anything). Each prints what it saw; machine_exit() then ends QEMU
 * with 0 if all passed. The trace buffer is dumped first, so the test
 * can also check the ipi_raise / ipi_entry lines. */
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/ring_buffer.h>
#include <linux/trace.h>
#include <trace/events/sched.h>

static char *selftests;

static int selftest_setup(char *str)
{
	selftests = str;
	return 1;
}
__setup("selftest=", selftest_setup);

static volatile unsigned int ipi_seen[NR_CPUS][NR_CPUS];

static void note_ipi(void *info)
{
	int from = (int)(unsigned long)info;

	ipi_seen[from][smp_processor_id()]++;
}

/* Runs on CPU `from`: a function-call IPI to every other CPU. */
static void send_to_others(void *info)
{
	int from = smp_processor_id(), to;

	for_each_online_cpu(to)
		if (to != from)
			smp_call_function_single(to, note_ipi, (void *)(unsigned long)from, 1);
}

/* Every CPU sends an IPI to every other CPU, which must arrive. We run on
 * one CPU and ask each CPU in turn to send, so the senders really differ.
 * CONTEXT: IRQs on; a CPU that runs send_to_others does so in its IPI
 * handler, with IRQs off, while the targets answer in theirs. */
static int selftest_ipi(void)
{
	int from, to, failed = 0;

	for_each_online_cpu(from) {
		if (from == smp_processor_id())
			send_to_others(NULL);
		else
			smp_call_function_single(from, send_to_others, NULL, 1);
	}
	for_each_online_cpu(from)
		for_each_online_cpu(to)
			if (from != to) {
				pr_info("selftest ipi: CPU%d -> CPU%d: %u\n", from, to,
					ipi_seen[from][to]);
				failed |= ipi_seen[from][to] != 1;
			}
	return failed;
}

/* The tick arrives on every CPU: counts over a tenth of a second. */
static int selftest_tick(void)
{
	unsigned long before[NR_CPUS], after;
	int cpu, failed = 0;
	u64 until = local_clock() + NSEC_PER_SEC / 10;

	for_each_online_cpu(cpu)
		before[cpu] = kstat_irqs_cpu(IRQ_LOCAL_BASE + 0, cpu) +
			      kstat_irqs_cpu(IRQ_LOCAL_BASE + 1, cpu);
	while (local_clock() < until)
		schedule();
	for_each_online_cpu(cpu) {
		after = kstat_irqs_cpu(IRQ_LOCAL_BASE + 0, cpu) +
			kstat_irqs_cpu(IRQ_LOCAL_BASE + 1, cpu);
		pr_info("selftest tick: CPU%d: %lu ticks in 100 ms\n", cpu, after - before[cpu]);
		failed |= after - before[cpu] < HZ / 20;
	}
	return failed;
}

/* The cost of a tracepoint, off and on (one sched_wakeup record written
 * to the ring), in ns per call with the loop; under QEMU's -icount
 * shift=0 a nanosecond is one instruction, so `make bench` repeats. */
static int selftest_tracebench(void)
{
	const int n = 10000;
	u64 t0, t1, t2;
	int i;

	trace_set_clr_event("sched", "sched_wakeup", 0);
	t0 = local_clock();
	for (i = 0; i < n; i++)
		trace_sched_wakeup(current);
	t1 = local_clock();
	trace_set_clr_event("sched", "sched_wakeup", 1);
	for (i = 0; i < n; i++)
		trace_sched_wakeup(current);
	t2 = local_clock();
	trace_set_clr_event("sched", "sched_wakeup", 0);
	tracing_reset_online_cpus();
	pr_info("selftest tracebench: tracepoint off %llu ns, on %llu ns (per call, loop included)\n",
		(t1 - t0) / n, (t2 - t1) / n);
	return ring_buffer_entries(&global_trace_buffer) != 0;
}

void boot_selftests(void)
{
	int failed = 0;

	if (!selftests)
		return;
	if (strstr(selftests, "ipi"))
		failed |= selftest_ipi();
	if (strstr(selftests, "tick"))
		failed |= selftest_tick();
	if (strstr(selftests, "tracebench"))
		failed |= selftest_tracebench();
	pr_info("selftest: %s\n", failed ? "FAILED" : "passed");
	ftrace_dump(DUMP_ALL);
	machine_exit(failed);
}
