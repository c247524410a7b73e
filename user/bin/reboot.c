/* reboot [-f]: sync and restart the machine now (reboot(2) with
 * LINUX_REBOOT_CMD_RESTART); -f is implied. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(void)
{
	sync();
	reboot(RB_AUTOBOOT);
	fprintf(stderr, "reboot: %s\n", strerror(errno));
	return 1;
}
