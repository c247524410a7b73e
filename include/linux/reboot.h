/* Ending the machine: power off, restart, and the QEMU test exit
 * (Linux's include/linux/reboot.h and arch/arm/kernel/reboot.c). */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/* Set by the `semihosting` boot option: QEMU was started with
 * -semihosting, so ending the machine can report a status to the host. */
extern bool semihosting_exit;

void __noreturn machine_power_off(void);
void __noreturn machine_restart(void);
/* Power off with an exit status for QEMU (semihosting SYS_EXIT_EXTENDED);
 * without the `semihosting` option, a plain power off. */
void __noreturn machine_exit(int status);

#endif
