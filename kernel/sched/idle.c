/* The idle loop each CPU falls into when nothing is runnable (Linux's
 * kernel/sched/idle.c do_idle()). It sleeps in WFI; an interrupt, or the
 * reschedule IPI of a wake-up aimed at this CPU, ends the sleep. */
#include <linux/sched.h>
#include "sched.h"

/* WFI with IRQs masked still wakes on a pending interrupt, which is then
 * taken when local_irq_enable() unmasks it: no wake-up slips between the
 * need_resched() test and the sleep. The DSB completes our stores first
 * (ARM ARM B1.8.15 recommends it before WFI). */
static void cpu_do_idle(void)
{
	__asm__ __volatile__("dsb\n\twfi" ::: "memory");
}

static void do_idle(void)
{
	while (!need_resched()) {
		local_irq_disable();
		if (!need_resched() && !idle_balance())
			cpu_do_idle();
		local_irq_enable();
	}
	schedule_idle();
}

void __noreturn cpu_startup_entry(void)
{
	for (;;)
		do_idle();
}
