/* The periodic tick (Linux's kernel/time/tick-common.c and tick-sched.c):
 * what each CPU does on its timer interrupt, and jiffies.
 *
 * jiffies follows the counter, not the number of interrupts: when the
 * interrupt comes late (QEMU on a busy host, an IRQ-off stretch), the tick
 * CPU adds every tick period that went by (Linux's
 * tick_do_update_jiffies64), so timeouts and sleeps end on time; and each
 * CPU charges every period to the task it found running, as Linux's
 * tick_handle_periodic does by running tick_periodic() once per missed
 * period. */
#include <linux/irq_work.h>
#include <linux/irq.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/time.h>
#include <linux/timer.h>

/* The CPU that updates jiffies (Linux's tick_do_timer_cpu): every CPU runs
 * its own timers, in update_process_times(). */
#define TICK_DO_TIMER_CPU 0

static u64 last_jiffies_update; /* ns: the start of the current jiffy */

/* Start jiffies counting from now. CONTEXT: boot, before the tick. */
void tick_init(void)
{
	last_jiffies_update = local_clock();
}

/*
 * Must be called with interrupts disabled, on the tick CPU only.
 */
static void tick_do_update_jiffies64(u64 now)
{
	u64 delta = now - last_jiffies_update;
	unsigned long ticks;

	if (delta < TICK_NSEC)
		return;
	ticks = div_u64(delta, TICK_NSEC);
	last_jiffies_update += (u64)ticks * TICK_NSEC;
	/* Linux's do_timer(ticks): there is no jiffies_64 here. */
	jiffies += ticks;
	calc_global_load(ticks);
}

/**
 * tick_handle_periodic - this CPU's timer interrupt
 * @periods: the tick periods since its previous one (1 if it came in time)
 *
 * CONTEXT: hardirq.
 */
void tick_handle_periodic(unsigned int periods)
{
	int cpu = smp_processor_id();

	if (cpu == TICK_DO_TIMER_CPU) {
		tick_do_update_jiffies64(local_clock());
		update_wall_time();
		irq_work_tick();
	}
	while (periods--)
		update_process_times();
}
