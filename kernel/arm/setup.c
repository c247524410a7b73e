/* Architecture setup at boot (Linux's arch/arm/kernel/setup.c): what the
 * boot loader told us in r2 (ATAGs or a device tree), and each CPU's
 * exception stacks and vector base. */
#include <linux/bootinfo.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <asm/ptrace.h>
#include <asm/elf.h>
#include <asm/setup.h>
#include <asm/vfpmodule.h>
#include <soc/bcm2835/raspberrypi-firmware.h>

/* With no boot information at all (QEMU -bios): assume the smallest RAM
 * any Pi 2 or 3 has free for the ARM, so we never touch what is not there. */
#define DEFAULT_MEM_SIZE (256 << 20)

struct boot_info boot_info;

/*
 * Pick out the memory size. We look for mem=size@start, where start and
 * size are "size[KkMm]" (Linux's early_mem). Linux replaces its memory
 * banks with the one given; here RAM is one bank from physical 0, so
 * only the size is taken, and an @start other than 0 is refused.
 */
static int early_mem(char *p)
{
	unsigned long long size;
	char *endp;

	size = memparse(p, &endp);
	if (*endp == '@' && memparse(endp + 1, NULL) != 0) {
		pr_warn("mem=%s: RAM starts at 0 here, option ignored\n", p);
		return 0;
	}
	if (size < (16 << 20)) {
		pr_warn("mem=%s: below 16 MiB, option ignored\n", p);
		return 0;
	}
	boot_info.mem_start = 0;
	boot_info.mem_size = min(size, (unsigned long long)LOWMEM_MAX);
	return 0;
}
early_param("mem", early_mem);
/* What the ARMv7 processor entry gives every v7 CPU (Linux's proc-v7.S
 * __v7_proc hwcaps); cpuid_init_hwcaps(), elf_hwcap_fixup() and vfp_init()
 * then add and remove what this CPU's ID registers say. */
unsigned int elf_hwcap = HWCAP_SWP | HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_EDSP |
			 HWCAP_TLS;
unsigned int elf_hwcap2;
extern char __vectors_start[];

/* Three words per mode: r0, lr and spsr saved by the vector stub
 * (Linux's struct stack). */
struct stack {
	u32 irq[3];
	u32 abt[3];
	u32 und[3];
} ____cacheline_aligned;

static struct stack stacks[NR_CPUS];

void cpu_init(void)
{
	struct stack *stk = &stacks[smp_processor_id()];

	__asm__ __volatile__("mcr p15, 0, %0, c12, c0, 0\n\tisb" : : "r"(__vectors_start));
	__asm__ __volatile__("msr	cpsr_c, %1\n\t"
			     "add	r14, %0, %2\n\t"
			     "mov	sp, r14\n\t"
			     "msr	cpsr_c, %3\n\t"
			     "add	r14, %0, %4\n\t"
			     "mov	sp, r14\n\t"
			     "msr	cpsr_c, %5\n\t"
			     "add	r14, %0, %6\n\t"
			     "mov	sp, r14\n\t"
			     "msr	cpsr_c, %7"
			     :
			     : "r"(stk), "I"(PSR_F_BIT | PSR_I_BIT | IRQ_MODE),
			       "I"(offsetof(struct stack, irq[0])),
			       "I"(PSR_F_BIT | PSR_I_BIT | ABT_MODE),
			       "I"(offsetof(struct stack, abt[0])),
			       "I"(PSR_F_BIT | PSR_I_BIT | UND_MODE),
			       "I"(offsetof(struct stack, und[0])),
			       "I"(PSR_F_BIT | PSR_I_BIT | SVC_MODE)
			     : "r14", "memory", "cc");
	vfp_enable();
}

/* A signed 4-bit field of an ID register (Linux's cpuid_feature_extract_field). */
static int cpuid_feature_extract_field(u32 features, int field)
{
	int feature = (features >> field) & 15;

	return feature > 7 ? feature - 16 : feature;
}

#define read_cpuid_ext(crm, op2)                                                         \
	({                                                                              \
		u32 __v;                                                                \
		__asm__("mrc p15, 0, %0, c0, " #crm ", " #op2 : "=r"(__v));             \
		__v;                                                                    \
	})

/* Linux's cpuid_init_hwcaps: integer divide, LPAE and the ARMv8 crypto
 * extensions, from ID_ISAR0, ID_MMFR0 and ID_ISAR5. */
static void cpuid_init_hwcaps(void)
{
	u32 isar5 = read_cpuid_ext(c2, 5);
	int block;

	block = cpuid_feature_extract_field(read_cpuid_ext(c2, 0), 24);
	if (block >= 2)
		elf_hwcap |= HWCAP_IDIVA;
	if (block >= 1)
		elf_hwcap |= HWCAP_IDIVT;

	/* LPAE implies atomic ldrd/strd instructions */
	block = cpuid_feature_extract_field(read_cpuid_ext(c1, 4), 0);
	if (block >= 5)
		elf_hwcap |= HWCAP_LPAE;

	block = cpuid_feature_extract_field(isar5, 4);
	if (block >= 2)
		elf_hwcap2 |= HWCAP2_PMULL;
	if (block >= 1)
		elf_hwcap2 |= HWCAP2_AES;
	if (cpuid_feature_extract_field(isar5, 8) >= 1)
		elf_hwcap2 |= HWCAP2_SHA1;
	if (cpuid_feature_extract_field(isar5, 12) >= 1)
		elf_hwcap2 |= HWCAP2_SHA2;
	if (cpuid_feature_extract_field(isar5, 16) >= 1)
		elf_hwcap2 |= HWCAP2_CRC32;
}

/* Linux's elf_hwcap_fixup: if the CPU supports LDREX/STREX and
 * LDREXB/STREXB, avoid advertising SWP; it may not be atomic with
 * multiprocessing cores. */
static void elf_hwcap_fixup(void)
{
	int sync_prim = cpuid_feature_extract_field(read_cpuid_ext(c2, 3), 12);

	if (sync_prim > 1 ||
	    (sync_prim == 1 && cpuid_feature_extract_field(read_cpuid_ext(c2, 4), 20) >= 3))
		elf_hwcap &= ~HWCAP_SWP;
}

static const char *entry_mode_name(u32 cpsr)
{
	switch (cpsr & MODE_MASK) {
	case HYP_MODE:
		return "HYP";
	case SVC_MODE:
		return "SVC";
	default:
		return "an unexpected";
	}
}

/*
 * Does the data cache hold data apart from memory? Write a line of our
 * own, clean it to memory, write it again and invalidate it without
 * cleaning: a cache drops the second write (ARM ARM B4.2.1, DCIMVAC), an
 * emulator without caches (QEMU) keeps it. CONTEXT: boot, IRQs off, the
 * other CPUs not started, so nothing else touches the line.
 */
static bool dcache_holds_data(void)
{
	static u32 line[16] __aligned(64); /* one Cortex-A7 cache line */

	WRITE_ONCE(line[0], 1);
	dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 1" : : "r"(line) : "memory"); /* DCCMVAC */
	dsb();
	WRITE_ONCE(line[0], 2);
	dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c7, c6, 1" : : "r"(line) : "memory"); /* DCIMVAC */
	dsb();
	return READ_ONCE(line[0]) == 1;
}

/*
 * head.S sets ACTLR.SMP, which makes this CPU's data cache coherent with
 * the others' (Cortex-A7 TRM 4.3.31); in Non-secure state the write is
 * ignored unless the boot loader allowed it (NSACR.NS_SMP), as the Pi's
 * firmware does. Say what a 0 means on the machine we run on.
 */
static void report_actlr_smp(void)
{
	u32 actlr;

	__asm__("mrc p15, 0, %0, c1, c0, 1" : "=r"(actlr));
	if (actlr & (1 << 6))
		return;
	if (!dcache_holds_data())
		pr_info("CPU: ACTLR.SMP reads 0: this emulator (QEMU) does not model it, "
			"nor the caches it keeps coherent\n");
	else
		pr_warn("CPU: ACTLR.SMP is 0 and the boot loader did not let the kernel set it "
			"(NSACR.NS_SMP): the data caches of the CPUs are not coherent\n");
}

/* Read r2's ATAGs or device tree into boot_info. The blob is untrusted:
 * it is parsed only inside RAM we map, and a bad one leaves defaults. */
void setup_arch(void)
{
	u32 r2 = boot_regs[2], midr, cr, rev, fw_base = 0, fw_size = 0;
	char msg[256];
	int ret = 0;

	__asm__("mrc p15, 0, %0, c0, c0, 0\n\tmrc p15, 0, %1, c1, c0, 0" : "=r"(midr), "=r"(cr));
	pr_info("CPU: ARMv7 Processor [%08x] revision %u (ARMv7), cr=%08x\n", midr, midr & 15,
		cr);
	cpuid_init_hwcaps();
	elf_hwcap_fixup();
	report_actlr_smp();
	pr_info("CPU: entered in %s mode at %08x, r0=%08x r1=%08x r2=%08x\n",
		entry_mode_name(boot_regs[3]), boot_regs[4], boot_regs[0], boot_regs[1], r2);
	if (!rpi_firmware_get_board_revision(&rev) &&
	    !rpi_firmware_get_arm_memory(&fw_base, &fw_size))
		pr_info("raspberrypi-firmware: board revision %08x, ARM memory %08x-%08x\n",
			(unsigned int)rev, (unsigned int)fw_base,
			(unsigned int)(fw_base + fw_size - 1));

	if (r2 && r2 < LOWMEM_MAX && IS_ALIGNED(r2, 4)) {
		ret = boot_info_parse(__va(r2), LOWMEM_MAX - r2, &boot_info, msg, sizeof(msg));
	} else {
		boot_info_init(&boot_info, "none", msg, sizeof(msg));
		if (r2)
			boot_info_msg(msg, sizeof(msg), "r2=%08x is not in RAM", (unsigned int)r2);
	}
	if (ret < 0)
		pr_err("Boot information (%s) rejected: %s\n", boot_info.source, msg);
	else if (msg[0])
		pr_warn("Boot information (%s): %s\n", boot_info.source, msg);
	else
		pr_info("Boot information from %s\n", boot_info.source);

	if (!boot_info.mem_size && fw_size) {
		boot_info.mem_start = fw_base;
		boot_info.mem_size = fw_size;
		pr_info("Memory size from the firmware: %u MiB\n", (unsigned int)(fw_size >> 20));
	}
	if (!boot_info.mem_size) {
		boot_info.mem_start = 0;
		boot_info.mem_size = DEFAULT_MEM_SIZE;
		pr_warn("No memory size given: assuming %u MiB\n", DEFAULT_MEM_SIZE >> 20);
	}
	if (boot_info.mem_start != 0 || boot_info.mem_size > LOWMEM_MAX) {
		pr_warn("Memory %08x-%08x cut to the linear map 00000000-%08lx\n",
			boot_info.mem_start, boot_info.mem_start + boot_info.mem_size - 1,
			LOWMEM_MAX - 1);
		boot_info.mem_size = min(boot_info.mem_start + boot_info.mem_size, (u32)LOWMEM_MAX);
		boot_info.mem_start = 0;
	}
	strlcpy(boot_command_line, boot_info.cmdline, sizeof(boot_command_line));
}
