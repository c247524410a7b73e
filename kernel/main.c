/* From the first C instruction to the first user process (Linux's
 * init/main.c): start_kernel() brings up each subsystem on CPU 0, starts
 * the other CPUs, and forks kernel_init (pid 1), which unpacks the
 * initramfs and execs /init; CPU 0 then becomes its idle task. */
#include <linux/binfmts.h>
#include <linux/bootinfo.h>
#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/serial_pl011.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/stop_machine.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <linux/trace.h>
#include <linux/tty.h>
#include <linux/workqueue.h>
#include <uapi/linux/sched.h>
#include <asm/mmu_context.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm/vdso.h>
#include <asm/vfpmodule.h>
#include <soc/bcm2835/raspberrypi-firmware.h>

/* The PL011's clock: the Pi firmware's default (config.txt pins it with
 * init_uart_clock); QEMU ignores the divisor. */
#define UART_CLOCK 48000000

extern struct boot_info boot_info;

const char linux_banner[] = "Kestrel version " UTS_RELEASE " (gcc version " __VERSION__
			    ") #1 SMP teaching kernel for the Raspberry Pi 2, after Linux 4.19\n";

void mem_init(void);
void free_initrd_mem(void);
void bcm2835_irq_init(void);
void __init_signals(void);
void futex_init(void);
void signal_page_init(void);
void lkdtm_boot(void);
void boot_selftests(void);

static int run_init_process(const char *init_filename)
{
	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv_init, envp_init);
}

static int try_to_run_init_process(const char *init_filename)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return ret;
}

/* Unpack the initramfs the boot loader loaded (QEMU -initrd, config.txt's
 * initramfs line), then free its pages: Linux's populate_rootfs for a
 * kernel with no archive of its own (/dev comes from default_rootfs).
 * Without one there is no /init, and kernel_init panics as Linux does. */
static void unpack_initramfs(void)
{
	if (!boot_info.initrd_size)
		return;
	populate_rootfs(__va(boot_info.initrd_start), boot_info.initrd_size);
	free_initrd_mem();
}

static int kernel_init(void *unused)
{
	int ret;

	cpu_stop_init(); /* migration/0..3; these and the kworker are made before */
	workqueue_init(); /* kworker/u8:0, console_on_rootfs: no fds to copy */
	tty_init();
	unpack_initramfs();
	console_on_rootfs();
	boot_selftests();
	lkdtm_boot();

	if (!ramdisk_execute_command)
		ramdisk_execute_command = "/init";
	ret = run_init_process(ramdisk_execute_command);
	if (!ret)
		return 0;
	pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, ret);
	if (execute_command) {
		if (!run_init_process(execute_command))
			return 0;
		panic("Requested init %s failed.", execute_command);
	}
	if (!try_to_run_init_process("/sbin/init") || !try_to_run_init_process("/etc/init") ||
	    !try_to_run_init_process("/bin/init") || !try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}

static void rest_init(void)
{
	pid_t pid = kernel_thread(kernel_init, NULL, CLONE_FS);

	if (pid < 0)
		panic("cannot start init: error %d", pid);
	cpu_startup_entry();
}

void start_kernel(void)
{
	u32 uartclk;
	int ret;

	sched_clock_init();
	/* The PL011's clock as the firmware set it (config.txt's
	 * init_uart_clock): the baud divisor is computed from it. */
	ret = rpi_firmware_get_clock_rate(RPI_FIRMWARE_UART_CLK_ID, &uartclk);
	if (ret)
		uartclk = UART_CLOCK;
	pl011_init(uartclk);
	pr_notice("%s", linux_banner);
	pr_info("uart-pl011: clock %u Hz, %s\n", (unsigned int)uartclk,
		ret ? "assumed (no answer from the firmware)" : "from the firmware");
	setup_arch();
	setup_command_line();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_early_param();
	parse_boot_args();

	cpu_init();
	mem_init();
	fork_init();
	proc_caches_init();
	__init_signals();
	futex_init();
	signal_page_init();
	vdso_init();
	early_trap_init();
	vfp_init();
	sched_init();
	bcm2835_irq_init();
	bcm2836_arm_irqchip_cpu_init();
	init_timers();
	tick_init();
	time_init();
	arch_timer_starting_cpu();
	ftrace_init();
	trace_boot_init();
	vfs_caches_init();
	if (panic_later)
		panic("Too many boot %s vars at `%s'", panic_later, panic_param);
	local_irq_enable();

	smp_prepare_cpus();
	smp_init();
	sched_init_smp();
	switch_to_init_mm();
	rest_init();
}
