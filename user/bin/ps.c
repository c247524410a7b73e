/* ps: one line per process from /proc/<pid>/stat (fs/proc/array.c
 * do_task_stat: "pid (comm) state ppid pgrp session ..."). */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* show - print one process. RETURNS: 0, or -1 if its stat is unreadable */
static int show(const char *pid)
{
	char path[64], buf[512], comm[64], state;
	int fd, n, ppid, pgrp, session;
	char *open_paren, *close_paren;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren ||
	    close_paren - open_paren - 1 >= (int)sizeof(comm))
		return -1;
	memcpy(comm, open_paren + 1, close_paren - open_paren - 1);
	comm[close_paren - open_paren - 1] = '\0';
	if (sscanf(close_paren + 1, " %c %d %d %d", &state, &ppid, &pgrp, &session) != 4)
		return -1;
	printf("%5s %5d %5d %5d %c %s\n", pid, ppid, pgrp, session, state, comm);
	return 0;
}

int main(void)
{
	struct dirent *d;
	DIR *dir = opendir("/proc");

	if (!dir) {
		perror("ps: /proc");
		return 1;
	}
	printf("  PID  PPID  PGRP  SESS S COMMAND\n");
	while ((d = readdir(dir)) != NULL)
		if (d->d_name[0] >= '1' && d->d_name[0] <= '9')
			show(d->d_name);
	closedir(dir);
	return 0;
}
