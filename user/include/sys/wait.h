/* wait status encoding and the wait calls, Linux's (replaces newlib's):
 * status = exit code << 8 for an exit, the signal number (| 0x80 when
 * core dumped) for a kill, sig << 8 | 0x7f for a stop, 0xffff for continue. */
#ifndef _USER_SYS_WAIT_H
#define _USER_SYS_WAIT_H

#include <sys/types.h>
#include <signal.h>
#include <linux/wait.h>

#define WEXITSTATUS(s)	(((s) & 0xff00) >> 8)
#define WTERMSIG(s)	((s) & 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WCOREDUMP(s)	((s) & 0x80)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s)	(((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WIFCONTINUED(s)	((s) == 0xffff)

typedef int idtype_t;	/* P_ALL, P_PID or P_PGID */

struct rusage;

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);

#endif
