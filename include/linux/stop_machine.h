/* Running code while the other CPUs stand still (Linux's
 * include/linux/stop_machine.h). See kernel/stop_machine.c. */
#ifndef _LINUX_STOP_MACHINE_H
#define _LINUX_STOP_MACHINE_H

int stop_machine(int (*fn)(void *), void *data);

#endif
