/* Boot-time checks of the SMP machinery, run from kernel_init when asked
 * with selftest=ipi,tick,timer,tracebench (what the QEMU tests use before user space can
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
#include <linux/timer.h>
#include <linux/ring_buffer.h>
#include <linux/trace.h>
#include <asm/barrier.h>
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

/* This CPU's timer interrupts so far (secure and non-secure lines). */
static unsigned long timer_irqs(int cpu)
{
	return kstat_irqs_cpu(IRQ_LOCAL_BASE + 0, cpu) + kstat_irqs_cpu(IRQ_LOCAL_BASE + 1, cpu);
}

/*
 * tick_sample - read @t from the counter, wait until every CPU has taken
 * two more timer interrupts, then read jiffies into @j and the counter
 * into @seen. The second interrupt on the jiffies CPU came after the first
 * had updated jiffies from a counter reading taken after @t (run_local_timers'
 * lock orders that store before the next interrupt's count), and jiffies
 * never runs ahead of the counter: so @j is jiffies as of some moment in
 * [@t, @seen], however late the interrupts came (a busy host).
 * RETURNS: 0, or 1 if a CPU took no interrupt in 10 s of the counter.
 */
static int tick_sample(u64 *t, u64 *seen, unsigned long *j, unsigned long irqs[])
{
	unsigned long before[NR_CPUS];
	int cpu, waiting;

	*t = local_clock();
	for_each_online_cpu(cpu)
		before[cpu] = timer_irqs(cpu);
	do {
		schedule();
		waiting = 0;
		for_each_online_cpu(cpu) {
			irqs[cpu] = timer_irqs(cpu);
			waiting |= irqs[cpu] - before[cpu] < 2;
		}
		if (waiting && local_clock() - *t > 10ULL * NSEC_PER_SEC) {
			for_each_online_cpu(cpu)
				if (irqs[cpu] - before[cpu] < 2)
					pr_info("selftest tick: CPU%d: no tick in 10 s\n", cpu);
			return 1;
		}
	} while (waiting);
	smp_rmb(); /* the interrupt counts before jiffies */
	*j = jiffies;
	*seen = local_clock();
	return 0;
}

/*
 * The tick arrives on every CPU, and jiffies follow the counter: over at
 * least 100 ms, jiffies advance by the tick periods the counter says went
 * by, within what the two samples allow (tick_sample). Not a count of
 * interrupts in wall time: on a busy host they come late and several
 * periods at once, which is still a working tick.
 */
static int selftest_tick(void)
{
	unsigned long irqs0[NR_CPUS], irqs1[NR_CPUS], j0, j1;
	u64 t0, seen0, t1, seen1;
	long least, most;
	int cpu;

	if (tick_sample(&t0, &seen0, &j0, irqs0))
		return 1;
	while (local_clock() - seen0 < NSEC_PER_SEC / 10)
		schedule();
	if (tick_sample(&t1, &seen1, &j1, irqs1))
		return 1;
	for_each_online_cpu(cpu)
		pr_info("selftest tick: CPU%d: %lu timer interrupts in %llu ms\n", cpu,
			irqs1[cpu] - irqs0[cpu], div_u64(seen1 - t0, NSEC_PER_MSEC));
	/* j0 is of a moment in [t0, seen0], j1 of one in [t1, seen1] */
	least = div_u64(t1 - seen0, TICK_NSEC);
	most = div_u64(seen1 - t0, TICK_NSEC) + 1;
	pr_info("selftest tick: jiffies +%lu, the counter says %ld..%ld (HZ=%d)\n",
		j1 - j0, least, most, HZ);
	return (long)(j1 - j0) < least || (long)(j1 - j0) > most;
}

/* A timer whose function holds its CPU until the selftest releases it,
 * then 2 ms more: long enough for del_timer_sync to be caught waiting. */
static struct busy_timer {
	struct timer_list timer;
	int cpu; /* where its function ran, or -1 */
	int started, release, finished;
} busy;

static void busy_timer_fn(struct timer_list *t)
{
	struct busy_timer *b = container_of(t, struct busy_timer, timer);
	u64 start = local_clock();

	WRITE_ONCE(b->cpu, smp_processor_id());
	smp_mb(); /* cpu before started */
	WRITE_ONCE(b->started, 1);
	while (!READ_ONCE(b->release) && local_clock() - start < 10ULL * NSEC_PER_SEC)
		;
	udelay(2000);
	smp_mb(); /* the function's work before finished */
	WRITE_ONCE(b->finished, 1);
}

/*
 * Per-CPU timer bases: a timer put on another CPU (add_timer_on) runs
 * there; re-armed from here while its function runs, it stays on that
 * CPU's base (moving it would let it run on two CPUs at once);
 * del_timer_sync from here returns only after the function has finished
 * there; re-armed when not running, it moves to this CPU's base. Five
 * rounds on each other CPU; each count printed must be 5.
 */
static int selftest_timer(void)
{
	int self = smp_processor_id(), cpu, round, failed = 0;

	timer_setup(&busy.timer, busy_timer_fn, 0);
	for_each_online_cpu(cpu) {
		int ran = 0, stayed = 0, waited = 0, moved = 0;

		if (cpu == self)
			continue;
		for (round = 0; round < 5; round++) {
			u64 start = local_clock();

			busy.cpu = -1;
			busy.started = busy.release = busy.finished = 0;
			busy.timer.expires = jiffies;
			add_timer_on(&busy.timer, cpu);
			while (!READ_ONCE(busy.started) && local_clock() - start < 10ULL * NSEC_PER_SEC)
				;
			smp_rmb(); /* started before cpu */
			ran += READ_ONCE(busy.cpu) == cpu;
			mod_timer(&busy.timer, jiffies + 10 * HZ);
			stayed += (busy.timer.flags & TIMER_CPUMASK) == cpu;
			WRITE_ONCE(busy.release, 1);
			waited += del_timer_sync(&busy.timer) == 1 && READ_ONCE(busy.finished);
			mod_timer(&busy.timer, jiffies + 10 * HZ);
			moved += (busy.timer.flags & TIMER_CPUMASK) == self &&
				 del_timer_sync(&busy.timer) == 1;
		}
		pr_info("selftest timer: CPU%d: ran there %d, stayed while running %d, "
			"del_timer_sync waited %d, moved to CPU%d %d\n",
			cpu, ran, stayed, waited, self, moved);
		failed |= ran != 5 || stayed != 5 || waited != 5 || moved != 5;
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
	if (strstr(selftests, "timer"))
		failed |= selftest_timer();
	if (strstr(selftests, "tracebench"))
		failed |= selftest_tracebench();
	pr_info("selftest: %s\n", failed ? "FAILED" : "passed");
	ftrace_dump(DUMP_ALL);
	machine_exit(failed);
}
