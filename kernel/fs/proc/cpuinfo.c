/* /proc/cpuinfo: one paragraph per online CPU, then the board (Linux's
 * arch/arm/kernel/setup.c c_show, as Linux 4.19 prints it on a Pi 2 booted
 * with a device tree: machine "BCM2835", revision and serial 0). */
#include <linux/smp.h>
#include <linux/time.h>
#include <asm/elf.h>
#include "internal.h"

extern u32 arch_timer_rate; /* kernel/drivers/arm_arch_timer.c */

static const char *const hwcap_str[] = {
	"swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp", "java", "iwmmxt",
	"crunch", "thumbee", "neon", "vfpv3", "vfpv3d16", "tls", "vfpv4", "idiva", "idivt",
	"vfpd32", "lpae", "evtstrm", NULL
};

static inline u32 read_cpuid_id(void)
{
	u32 midr;

	__asm__("mrc p15, 0, %0, c0, c0, 0" : "=r"(midr));
	return midr;
}

int cpuinfo_proc_show(struct seq_file *m, void *v)
{
	/* The four cores are identical: this CPU's MIDR stands for all. */
	u32 cpuid = read_cpuid_id();
	/* BogoMIPS from the timer, as Linux's delay loop calibration gives it
	 * with the timer-based delay: loops_per_jiffy = rate / HZ. */
	unsigned long lpj = arch_timer_rate / HZ;
	int cpu, j;

	for_each_online_cpu(cpu) {
		seq_printf(m, "processor\t: %d\n", cpu);
		seq_printf(m, "model name\t: ARMv7 Processor rev %d (v7l)\n", cpuid & 15);
		seq_printf(m, "BogoMIPS\t: %lu.%02lu\n", lpj / (500000UL / HZ),
			   (lpj / (5000UL / HZ)) % 100);
		seq_puts(m, "Features\t: ");
		for (j = 0; hwcap_str[j]; j++)
			if (ELF_HWCAP & (1 << j))
				seq_printf(m, "%s ", hwcap_str[j]);
		seq_printf(m, "\nCPU implementer\t: 0x%02x\n", cpuid >> 24);
		seq_printf(m, "CPU architecture: 7\n");
		seq_printf(m, "CPU variant\t: 0x%x\n", (cpuid >> 20) & 15);
		seq_printf(m, "CPU part\t: 0x%03x\n", (cpuid >> 4) & 0xfff);
		seq_printf(m, "CPU revision\t: %d\n\n", cpuid & 15);
	}
	seq_printf(m, "Hardware\t: %s\n", "BCM2835");
	seq_printf(m, "Revision\t: %04x\n", 0);
	seq_printf(m, "Serial\t\t: %08x%08x\n", 0, 0);
	return 0;
}
