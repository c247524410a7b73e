/* proc_exit (the seed's rpi_proc_exit): the parent forks, the child calls
 * exit(3) (sys_exit_group -> do_group_exit -> do_exit, SIGCHLD to the
 * parent), the parent wait4()s and decodes the status. */
#include <stdio.h>
#include <stdlib.h>
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
		printf("child: pid=%d ppid=%d, calling exit(3)\n", getpid(), getppid());
		exit(3);
	}
	if (wait4(pid, &status, 0, NULL) != pid) {
		perror("wait4");
		return 1;
	}
	printf("parent: pid=%d wait4 -> %d status=0x%x exited=%d code=%d\n",
	       getpid(), pid, status, WIFEXITED(status), WEXITSTATUS(status));
	return WIFEXITED(status) && WEXITSTATUS(status) == 3 ? 0 : 1;
}
