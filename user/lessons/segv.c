/* segv: a child writes through NULL; the data abort becomes SIGSEGV
 * (SEGV_MAPERR, thread-directed: grp=0) and kills it; the parent sees
 * termsig=11 in the wait status. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		printf("child: pid=%d writing to NULL\n", getpid());
		*(volatile int *)0 = 1;
		_exit(0);
	}
	if (wait4(pid, &status, 0, NULL) != pid) {
		perror("wait4");
		return 1;
	}
	printf("parent: wait4 -> %d status=0x%x signaled=%d termsig=%d\n",
	       pid, status, WIFSIGNALED(status), WTERMSIG(status));
	return WIFSIGNALED(status) && WTERMSIG(status) == 11 ? 0 : 1;
}
