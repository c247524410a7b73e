/* RPi_signal (the seed's signal lesson): installs a SIGINT handler with
 * sigaction() and no SA_SIGINFO (the kernel sees sa_flags=4000000,
 * SA_RESTORER alone, and builds a plain sigframe that returns through
 * sigreturn, NR 119), then waits in pause() for ^C or `kill -INT PID`. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void sigint_handler(int sig)
{
	handled++;
	printf("handler: got signal %d (%s)\n", sig, strsignal(sig));
}

int main(void)
{
	struct sigaction sa;
	int r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = sigint_handler;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) < 0) {
		perror("sigaction");
		return 1;
	}
	printf("RPi_signal: pid=%d waiting in pause() for SIGINT (Ctrl-C, or kill -INT %d)\n",
	       getpid(), getpid());
	while (!handled) {
		r = pause();
		printf("RPi_signal: pause() -> %d (%s), handler ran %d time(s)\n",
		       r < 0 ? -errno : r, r < 0 ? strerror(errno) : "", (int)handled);
	}
	return 0;
}
