/* Power off and restart (Linux's arch/arm/kernel/reboot.c with the
 * BCM2835 watchdog's restart and power off, drivers/watchdog/bcm2835_wdt.c).
 *
 * The Pi has no power switch: like Linux's bcm2835_power_off we reset
 * through the watchdog with the reset marked as a halt, so that the
 * firmware does not boot again; QEMU ends on such a reset (and restarts on
 * a plain one, unless started with -no-reboot). With the `semihosting`
 * boot option (tests run QEMU with -semihosting), QEMU is ended directly
 * with an exit status instead: SYS_EXIT_EXTENDED carries any code on A32. */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <mach/bcm2835.h>

#define PM_RSTC 0x1c
#define PM_RSTS 0x20
#define PM_WDOG 0x24
#define PM_PASSWORD 0x5a000000
#define PM_RSTC_WRCFG_CLR 0xffffffcf
#define PM_RSTC_WRCFG_FULL_RESET 0x00000020
/* The boot partition the firmware boots after a reset, its bits spread
 * over every other bit of PM_RSTS: 63 means "halt" (Linux's
 * PM_RSTS_RASPBERRYPI_HALT). */
#define PM_RSTS_RASPBERRYPI_HALT 0x555

#define SYS_EXIT_EXTENDED 0x20
#define ADP_Stopped_ApplicationExit 0x20026

bool semihosting_exit;

static int semihosting_setup(char *str)
{
	semihosting_exit = true;
	return 1;
}
__setup("semihosting", semihosting_setup);

static void __noreturn semihosting_sys_exit(int status)
{
	u32 block[2] = { ADP_Stopped_ApplicationExit, (u32)status };
	register u32 r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register u32 *r1 __asm__("r1") = block;

	__asm__ __volatile__("svc 0x123456" : : "r"(r0), "r"(r1) : "memory");
	for (;;)
		;
}

static void __noreturn bcm2835_restart(void)
{
	void *pm = PERIPH(BCM2835_PM_BASE);
	u32 val;

	writel(PM_PASSWORD | 10, pm + PM_WDOG);
	val = readl(pm + PM_RSTC) & PM_RSTC_WRCFG_CLR;
	writel(PM_PASSWORD | val | PM_RSTC_WRCFG_FULL_RESET, pm + PM_RSTC);
	for (;;)
		__asm__ __volatile__("wfi");
}

/* Linux's bcm2835_power_off: a watchdog reset that bootcode.bin, seeing
 * partition 63, does not follow with a boot. */
static void __noreturn bcm2835_power_off(void)
{
	void *pm = PERIPH(BCM2835_PM_BASE);
	u32 val = readl(pm + PM_RSTS);

	writel(val | PM_PASSWORD | PM_RSTS_RASPBERRYPI_HALT, pm + PM_RSTS);
	bcm2835_restart();
}

void __noreturn machine_exit(int status)
{
	local_irq_disable();
	smp_send_stop();
	if (semihosting_exit)
		semihosting_sys_exit(status);
	bcm2835_power_off();
}

void __noreturn machine_power_off(void)
{
	pr_emerg("reboot: Power down\n");
	machine_exit(0);
}

void __noreturn machine_restart(void)
{
	pr_emerg("reboot: Restarting system\n");
	local_irq_disable();
	smp_send_stop();
	bcm2835_restart();
}
