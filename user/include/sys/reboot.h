/* glibc's reboot(howto): howto is one of Linux's LINUX_REBOOT_CMD_* values,
 * the library adds the two magic numbers reboot(2) requires. */
#ifndef _USER_SYS_REBOOT_H
#define _USER_SYS_REBOOT_H

#include <linux/reboot.h>

#define RB_AUTOBOOT	LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM	LINUX_REBOOT_CMD_HALT
#define RB_POWER_OFF	LINUX_REBOOT_CMD_POWER_OFF
#define RB_ENABLE_CAD	LINUX_REBOOT_CMD_CAD_ON
#define RB_DISABLE_CAD	LINUX_REBOOT_CMD_CAD_OFF

int reboot(int howto);

#endif
