/* Terminal ioctls on the console: TCGETS/TCSETS, TIOCGWINSZ, TIOCGPGRP
 * (init made the console its controlling terminal), ENOTTY elsewhere. */
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct termios t, t2;
	struct winsize ws;
	int fd = 0, fds[2];
	pid_t pgrp;

	if (!isatty(0))
		fd = open("/dev/console", O_RDWR | O_NOCTTY);
	CHECK(fd >= 0 && isatty(fd), "the console is a tty");
	CHECK_EQ(ioctl(fd, TCGETS, &t), 0, "TCGETS");
	CHECK((t.c_cflag & CSIZE) == CS8 || (t.c_cflag & CSIZE) == CS7, "c_cflag has a character size");
	CHECK_EQ(ioctl(fd, TCSETS, &t), 0, "TCSETS the same attributes");
	CHECK(ioctl(fd, TCGETS, &t2) == 0 && !memcmp(&t, &t2, sizeof(t)), "TCGETS reads them back");
	CHECK_EQ(ioctl(fd, TIOCGWINSZ, &ws), 0, "TIOCGWINSZ");
	CHECK_EQ(ioctl(fd, TIOCGPGRP, &pgrp), 0, "TIOCGPGRP on the controlling terminal");
	CHECK_EQ(pgrp, getpgrp(), "the foreground group is ours");
	CHECK_EQ(tcgetpgrp(fd), getpgrp(), "tcgetpgrp");
	pipe(fds);
	CHECK_ERR(ioctl(fds[0], TCGETS, &t), ENOTTY, "TCGETS on a pipe -> ENOTTY");
	CHECK(!isatty(fds[0]), "a pipe is not a tty");
	CHECK_ERR(ioctl(fd, 0x54ff, &t), ENOTTY, "unknown tty ioctl -> ENOTTY");
	CHECK_ERR(ioctl(-1, TCGETS, &t), EBADF, "ioctl on a bad fd -> EBADF");
	return check_done("t_ioctl");
}
