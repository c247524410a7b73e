/* insmod FILE.ko: load a kernel module with finit_module(2) (NR 379).
 * Linux-only helper for the reference boot: Debian's kernel needs the
 * bcm2835_wdt module before reboot(POWER_OFF) can end QEMU. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: insmod FILE.ko\n");
		return 1;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0 || syscall(__NR_finit_module, fd, "", 0) < 0) {
		fprintf(stderr, "insmod: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	return 0;
}
