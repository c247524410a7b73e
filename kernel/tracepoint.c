/* Adding and removing a tracepoint's probes (Linux's kernel/tracepoint.c,
 * over fixed slots instead of RCU-replaced arrays: see <linux/tracepoint.h>). */
#include <asm/irqflags.h>
#include <linux/errno.h>
#include <linux/percpu.h>
#include <linux/tracepoint.h>
#include <linux/sched.h>

/* Per CPU: the IRQ state before the running probes masked IRQs, and
 * whether probes are running. */
static DEFINE_PER_CPU(unsigned long, traced_irqflags);
static DEFINE_PER_CPU(bool, in_probes);

notrace bool tracepoint_enter(unsigned long *flags)
{
	int cpu;

	*flags = arch_local_irq_save();
	cpu = raw_smp_processor_id();
	if (per_cpu(in_probes, cpu)) {
		arch_local_irq_restore(*flags);
		return false;
	}
	per_cpu(traced_irqflags, cpu) = *flags;
	per_cpu(in_probes, cpu) = true;
	return true;
}

notrace void tracepoint_exit(unsigned long flags)
{
	per_cpu(in_probes, raw_smp_processor_id()) = false;
	arch_local_irq_restore(flags);
}

notrace unsigned long tracepoint_irqflags(unsigned long flags)
{
	int cpu = raw_smp_processor_id();

	return per_cpu(in_probes, cpu) ? per_cpu(traced_irqflags, cpu) : flags;
}

int tracepoint_probe_register(struct tracepoint *tp, const struct tracepoint_func *probe)
{
	int i, free = -1;

	for (i = 0; i < TRACEPOINT_MAX_PROBES; i++) {
		if (tp->funcs[i] == probe)
			return -EEXIST;
		if (!tp->funcs[i] && free < 0)
			free = i;
	}
	if (free < 0)
		return -ENOSPC;
	if (!tp->key && tp->regfunc)
		tp->regfunc();
	/* Release: the probe's data is written before a caller can find it. */
	__atomic_store_n(&tp->funcs[free], probe, __ATOMIC_RELEASE);
	WRITE_ONCE(tp->key, tp->key + 1);
	return 0;
}

/* A caller that found the probe before it was removed may still run it:
 * probes and their data live for good, so that is harmless. */
int tracepoint_probe_unregister(struct tracepoint *tp, const struct tracepoint_func *probe)
{
	int i;

	for (i = 0; i < TRACEPOINT_MAX_PROBES; i++) {
		if (tp->funcs[i] != probe)
			continue;
		WRITE_ONCE(tp->funcs[i], NULL);
		WRITE_ONCE(tp->key, tp->key - 1);
		if (!tp->key && tp->unregfunc)
			tp->unregfunc();
		return 0;
	}
	return -ENOENT;
}
