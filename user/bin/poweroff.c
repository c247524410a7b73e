/* poweroff [-f]: sync and power the machine off now (reboot(2) with
 * LINUX_REBOOT_CMD_POWER_OFF); there is no init to ask, so -f is implied. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(void)
{
	sync();
	reboot(RB_POWER_OFF);
	fprintf(stderr, "poweroff: %s\n", strerror(errno));
	return 1;
}
