/* Restart rules after a handler: a blocking read is restarted with
 * SA_RESTART and fails with EINTR without it; wait4 likewise; pause and
 * nanosleep always return EINTR (nanosleep with the time left). */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile int handled;

static void handler(int sig)
{
	handled++;
}

static void install(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
}

/* a child that signals the parent after 50 ms, then writes to fd
 * (if fd >= 0) after another 50 ms, then exits */
static pid_t poke_parent(int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		usleep(50000);
		if (fd >= 0)
			write(fd, "d", 1);
		_exit(0);
	}
	return pid;
}

int main(void)
{
	struct timespec req = { 5, 0 }, rem;
	int fds[2], st;
	char c;
	pid_t pid;

	pipe(fds);
	install(SA_RESTART);
	handled = 0;
	pid = poke_parent(fds[1]);
	CHECK_EQ(read(fds[0], &c, 1), 1, "SA_RESTART: read restarts and gets the data");
	CHECK_EQ(handled, 1, "the handler ran during the read");
	reap(pid);

	install(0);
	handled = 0;
	pid = poke_parent(fds[1]);
	CHECK_ERR(read(fds[0], &c, 1), EINTR, "without SA_RESTART: read fails with EINTR");
	CHECK_EQ(handled, 1, "the handler ran");
	reap(pid);
	read(fds[0], &c, 1);

	install(SA_RESTART);
	handled = 0;
	pid = poke_parent(-1);
	CHECK_EQ(waitpid(pid, &st, 0), pid, "SA_RESTART: wait4 restarts until the child exits");
	CHECK_EQ(handled, 1, "the handler ran during wait4");

	install(SA_RESTART);
	handled = 0;
	pid = poke_parent(-1);
	CHECK_ERR(pause(), EINTR, "pause returns EINTR even with SA_RESTART");
	reap(pid);

	handled = 0;
	pid = poke_parent(-1);
	CHECK_ERR(nanosleep(&req, &rem), EINTR, "nanosleep returns EINTR even with SA_RESTART");
	CHECK(rem.tv_sec >= 3 && rem.tv_sec <= 5, "and reports the time left");
	reap(pid);
	return check_done("t_restart");
}
