/* hello: the program issue 10 starts from, as a new user writes it and
 * builds it with Debian's cross compiler and -static: it mallocs (a small
 * block from brk, a large one from mmap), raises a signal and forks.
 * Before the kuser helpers, the armel build died reading 0xffff0fe0 before
 * main; before VFP, the armhf build died of SIGILL. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define BIG (1 << 20)

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	caught = sig;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	char *small = malloc(64), *big = malloc(BIG);
	pid_t pid, parent = getpid();
	int status;

	if (!small || !big) {
		printf("FAIL malloc\n");
		return 1;
	}
	strcpy(small, "hello from glibc");
	memset(big, 0x5a, BIG);
	printf("%s, a %d KiB block %s\n", small, BIG >> 10,
	       big[0] == 0x5a && big[BIG - 1] == 0x5a ? "filled" : "corrupt");

	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("raise: the handler got signal %d\n", caught);

	fflush(stdout); /* or the child would print the parent's buffer again */
	pid = fork();
	if (pid == 0) {
		printf("child: my parent is %s\n", getppid() == parent ? "the caller" : "someone else");
		exit(7);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("FAIL fork/waitpid\n");
		return 1;
	}
	printf("parent: the child exited with status %d\n", WEXITSTATUS(status));
	free(big);
	free(small);
	return 0;
}
