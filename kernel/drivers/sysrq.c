/* The magic SysRq key on the serial console (Linux's drivers/tty/sysrq.c
 * and uart_handle_sysrq_char). On a Linux serial console SysRq is a BREAK
 * followed by a letter; a BREAK is awkward to send from a terminal or from
 * QEMU, so here it is Ctrl-T followed by the letter.
 *	z  dump the trace buffer (ftrace_dump)
 *	b  reboot at once, o  power off
 *	h  list the keys */
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/trace.h>

#define SYSRQ_PREFIX 0x14 /* Ctrl-T */

static bool sysrq_armed;

static void sysrq_help(void)
{
	pr_info("sysrq: HELP : reboot(b) poweroff(o) dump-ftrace-buffer(z)\n");
}

static void __handle_sysrq(char key)
{
	switch (key) {
	case 'z':
		pr_info("sysrq: SysRq : Dump ftrace buffer\n");
		ftrace_dump(DUMP_ALL);
		break;
	case 'b':
		pr_info("sysrq: SysRq : Resetting\n");
		machine_restart();
	case 'o':
		pr_info("sysrq: SysRq : Power Off\n");
		machine_power_off();
	default:
		sysrq_help();
	}
}

/* Called for each byte the UART receives, in IRQ context.
 * RETURNS: true if the byte was SysRq's and must not reach the tty. */
bool handle_sysrq_char(char c)
{
	if (sysrq_armed) {
		sysrq_armed = false;
		__handle_sysrq(c);
		return true;
	}
	if (c == SYSRQ_PREFIX) {
		sysrq_armed = true;
		return true;
	}
	return false;
}
