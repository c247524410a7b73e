/* The ARM generic timer: the monotonic clock, the clocksource that
 * timekeeping (and so the vDSO) reads, and each CPU's periodic tick
 * (Linux's drivers/clocksource/arm_arch_timer.c).
 *
 * The counter's rate comes from CNTFRQ, never assumed: QEMU sets 62.5 MHz,
 * a Pi 2's firmware 19.2 MHz. The tick uses the physical timer (CNTP). It is
 * the secure timer when we run in secure state (QEMU -bios) and the
 * non-secure one otherwise, so both of the core's interrupt lines are
 * enabled at the BCM2836 local controller. The compare value is stepped by
 * a fixed period, so a late interrupt does not make the tick drift, and
 * the tick code is told how many periods it stood for. */
#include <linux/clocksource.h>
#include <linux/irq.h>
#include <linux/nmi.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <asm/elf.h>
#include <asm/io.h>
#include <mach/bcm2836.h>

u32 arch_timer_rate;
volatile unsigned long jiffies;
static struct cyc2ns clock_cyc2ns;
static u64 arch_counter_read(void);

/* The counter as the clocks' source; the vDSO reads it as CNTVCT, equal
 * to CNTPCT since CNTVOFF is 0 (boot/head.S). Linux's arch timer
 * counter is 56 bits wide at least. */
static struct clocksource clocksource_counter = {
	.name = "arch_sys_counter",
	.read = arch_counter_read,
	.mask = CLOCKSOURCE_MASK(56),
};
static u64 tick_period; /* counter cycles per tick */
static DEFINE_PER_CPU(u64, next_tick);

static inline u64 arch_counter_get_cntpct(void)
{
	u64 cval;

	__asm__ __volatile__("isb\n\tmrrc p15, 0, %Q0, %R0, c14" : "=r"(cval));
	return cval;
}

static inline u32 arch_timer_get_cntfrq(void)
{
	u32 val;

	__asm__ __volatile__("mrc p15, 0, %0, c14, c0, 0" : "=r"(val));
	return val;
}

static inline void arch_timer_set_cval(u64 cval)
{
	__asm__ __volatile__("mcrr p15, 2, %Q0, %R0, c14" : : "r"(cval));
	__asm__ __volatile__("isb");
}

static inline void arch_timer_set_ctrl(u32 ctrl)
{
	__asm__ __volatile__("mcr p15, 0, %0, c14, c2, 1\n\tisb" : : "r"(ctrl));
}

#define ARCH_TIMER_USR_VCT_ACCESS_EN (1 << 1) /* CNTKCTL.PL0VCTEN */
#define ARCH_TIMER_VIRT_EVT_EN (1 << 2) /* CNTKCTL.EVNTEN */
#define ARCH_TIMER_EVT_TRIGGER_SHIFT 4 /* CNTKCTL.EVNTI: the counter bit that triggers */
#define ARCH_TIMER_EVT_TRIGGER_MASK (0xf << ARCH_TIMER_EVT_TRIGGER_SHIFT)
#define ARCH_TIMER_EVT_STREAM_FREQ 10000 /* 100us */

/* User space may read the virtual counter (and CNTFRQ), nothing else of
 * the timer, as Linux's arch_counter_set_user_access() allows: the ABI a
 * vDSO or a program reading CNTVCT relies on. */
static void arch_counter_set_user_access(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c14, c1, 0\n\tisb"
			     : : "r"(ARCH_TIMER_USR_VCT_ACCESS_EN));
}

static u64 arch_counter_read(void)
{
	return arch_counter_get_cntpct();
}

/* notrace: the tracer's clock (Linux's sched_clock is notrace too). */
u64 notrace local_clock(void)
{
	return cyc2ns_convert(&clock_cyc2ns, arch_counter_get_cntpct());
}

/* Busy-wait for at least us microseconds (Linux's udelay on the arch
 * timer): for hardware that needs settling time. */
void udelay(unsigned long us)
{
	u64 end = arch_counter_get_cntpct() + (u64)us * arch_timer_rate / 1000000 + 1;

	while ((s64)(arch_counter_get_cntpct() - end) < 0)
		;
}

/* Make local_clock() work: the first thing start_kernel() does, so that
 * every printk has a timestamp (before it they read 0, as in Linux). */
void sched_clock_init(void)
{
	arch_timer_rate = arch_timer_get_cntfrq();
	clocks_calc_mult_shift(&clock_cyc2ns, arch_timer_rate);
}

static irqreturn_t arch_timer_handler_phys(int irq, void *dev)
{
	int cpu = smp_processor_id();
	u64 now = arch_counter_get_cntpct();
	u64 next = per_cpu(next_tick, cpu);
	unsigned int periods = 0;

	/* Step the deadline along its grid past now, counting the periods
	 * that went by: a late interrupt still accounts for all of them. */
	do {
		next += tick_period;
		periods++;
	} while ((s64)(next - now) <= 0);
	per_cpu(next_tick, cpu) = next;
	arch_timer_set_cval(next);

	tick_handle_periodic(periods);
	watchdog_tick(get_irq_regs());
	return IRQ_HANDLED;
}

/* The event stream: the counter wakes this CPU's WFE about every 100 us,
 * so that a user-space WFE loop waiting for a store that sends no event
 * still makes progress; user space learns it may rely on it from
 * AT_HWCAP's evtstrm (Linux's arch_timer_configure_evtstream and
 * arch_timer_evtstrm_enable). */
static void arch_timer_configure_evtstream(void)
{
	int evt_stream_div = arch_timer_rate / ARCH_TIMER_EVT_STREAM_FREQ;
	int pos = fls(evt_stream_div);
	u32 cntkctl;

	/* Find the closest power of two to the divisor */
	if (pos > 1 && !(evt_stream_div & (1 << (pos - 2))))
		pos--;
	__asm__ __volatile__("mrc p15, 0, %0, c14, c1, 0" : "=r"(cntkctl));
	cntkctl &= ~ARCH_TIMER_EVT_TRIGGER_MASK;
	/* Set the divider and enable virtual event stream */
	cntkctl |= min(pos, 15) << ARCH_TIMER_EVT_TRIGGER_SHIFT | ARCH_TIMER_VIRT_EVT_EN;
	__asm__ __volatile__("mcr p15, 0, %0, c14, c1, 0\n\tisb" : : "r"(cntkctl));
	elf_hwcap |= HWCAP_EVTSTRM;
}

void arch_timer_starting_cpu(void)
{
	int cpu = smp_processor_id();
	u64 next = arch_counter_get_cntpct() + tick_period;

	per_cpu(next_tick, cpu) = next;
	arch_timer_set_cval(next);
	arch_timer_set_ctrl(1); /* ENABLE, interrupt not masked */
	arch_counter_set_user_access();
	/* The virtual timer is not ours: a loader may have left it firing. */
	__asm__ __volatile__("mcr p15, 0, %0, c14, c3, 1\n\tisb" : : "r"(0));
	writel((1 << LOCAL_IRQ_CNTPSIRQ) | (1 << LOCAL_IRQ_CNTPNSIRQ),
	       LOCAL_ADDRESS(LOCAL_TIMER_INT_CONTROL0 + 4 * cpu));
	arch_timer_configure_evtstream();
}

void time_init(void)
{
	tick_period = arch_timer_rate / HZ;
	clocksource_counter.mult = clock_cyc2ns.mult;
	clocksource_counter.shift = clock_cyc2ns.shift;
	timekeeping_init(&clocksource_counter);
	request_irq(IRQ_LOCAL_BASE + LOCAL_IRQ_CNTPSIRQ, arch_timer_handler_phys, "arch_timer",
		    NULL);
	request_irq(IRQ_LOCAL_BASE + LOCAL_IRQ_CNTPNSIRQ, arch_timer_handler_phys, "arch_timer",
		    NULL);
	pr_info("arch_timer: cp15 timer(s) running at %lu.%02luMHz (phys).\n",
		(unsigned long)(arch_timer_rate / 1000000),
		(unsigned long)(arch_timer_rate / 10000) % 100);
	pr_info("sched_clock: 64 bits at %luMHz, resolution %luns\n",
		(unsigned long)(arch_timer_rate / 1000000),
		(unsigned long)(cyc2ns_convert(&clock_cyc2ns, 1000) / 1000));
}
