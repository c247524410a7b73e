/* init, process 1: mounts the pseudo file systems, runs one command (the
 * kernel command line's words after "--", or /bin/sh), reaps orphans while
 * it runs, reports its status and powers the machine off; SIGUSR2 powers
 * it off at once, as busybox init does for busybox's poweroff. Plays the
 * part of busybox init / Linux's init/main.c run_init_process() caller. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct {
	const char *fstype, *target;
} mounts[] = {
	{ "proc", "/proc" },
	{ "sysfs", "/sys" },
	{ "tracefs", "/sys/kernel/tracing" },
	{ "debugfs", "/sys/kernel/debug" },
};

/* mount_pseudo_filesystems - mount each one whose mount point exists;
 * a failure is reported and the boot goes on. */
static void mount_pseudo_filesystems(void)
{
	struct stat st;
	unsigned int i;

	for (i = 0; i < sizeof(mounts) / sizeof(mounts[0]); i++) {
		const char *fs = mounts[i].fstype, *dir = mounts[i].target;

		if (stat(dir, &st) < 0)
			printf("init: %s: no %s, not mounted\n", fs, dir);
		else if (mount(fs, dir, fs, 0, NULL) < 0)
			printf("init: mount %s on %s failed: %s\n", fs, dir, strerror(errno));
		else
			printf("init: mounted %s on %s\n", fs, dir);
	}
}

/* take_console - make /dev/console this session's controlling terminal,
 * so that ^C reaches the shell's foreground job (n_tty's signal chars). */
static void take_console(void)
{
	if (setsid() < 0 && errno != EPERM)
		printf("init: setsid failed: %s\n", strerror(errno));
	if (ioctl(0, TIOCSCTTY, 0) < 0)
		printf("init: no controlling terminal: %s\n", strerror(errno));
}

/* run - start argv and wait for it, reaping any orphan that exits first.
 * RETURNS: its wait status, or -1 if it could not be started. */
static int run(char **argv)
{
	int status;
	pid_t pid, r;

	pid = fork();
	if (pid < 0) {
		printf("init: fork failed: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		printf("init: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	do {
		r = wait(&status);
	} while (r != pid && !(r < 0 && errno == ECHILD));
	return r == pid ? status : -1;
}

/* busybox init's SIGUSR2: power off now (busybox first signals every
 * process to end). Its SIGTERM (reboot) and SIGUSR1 (halt) are not taken
 * up: init must go on ignoring those (t_sigabuse); `reboot -f` works. */
static void poweroff_signal(int sig)
{
	static const char msg[] = "init: SIGUSR2: powering off\n";

	sync();
	write(1, msg, sizeof(msg) - 1);
	reboot(RB_POWER_OFF);
}

static void report(const char *name, int status)
{
	if (status < 0)
		printf("init: %s did not run\n", name);
	else if (WIFEXITED(status))
		printf("init: %s exited with status %d\n", name, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("init: %s killed by signal %d\n", name, WTERMSIG(status));
}

int main(int argc, char **argv)
{
	static char *shell[] = { "/bin/sh", NULL };
	char **cmd = argc > 1 ? argv + 1 : shell;

	setenv("PATH", "/bin", 0);
	signal(SIGUSR2, poweroff_signal);
	printf("init: pid %d, running %s\n", getpid(), cmd[0]);
	mount_pseudo_filesystems();
	take_console();
	report(cmd[0], run(cmd));
	sync();
	printf("init: powering off\n");
	reboot(RB_POWER_OFF);
	printf("init: power off failed: %s\n", strerror(errno));
	for (;;)
		pause();
}
