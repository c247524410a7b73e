/* Who may inspect another process (Linux's include/linux/ptrace.h access
 * modes and ptrace_may_access). There is no ptrace(2) here; the check
 * guards what /proc shows of a process: its memory (environ), the code
 * and stack addresses in stat. */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>

#define PTRACE_MODE_READ 0x01
#define PTRACE_MODE_ATTACH 0x02
#define PTRACE_MODE_NOAUDIT 0x04
#define PTRACE_MODE_FSCREDS 0x08 /* compare with the caller's fsuid/fsgid */
#define PTRACE_MODE_REALCREDS 0x10 /* compare with its real uid/gid */

/* shorthands for READ/ATTACH and FSCREDS/REALCREDS combinations */
#define PTRACE_MODE_READ_FSCREDS (PTRACE_MODE_READ | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_READ_REALCREDS (PTRACE_MODE_READ | PTRACE_MODE_REALCREDS)
#define PTRACE_MODE_ATTACH_FSCREDS (PTRACE_MODE_ATTACH | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_ATTACH_REALCREDS (PTRACE_MODE_ATTACH | PTRACE_MODE_REALCREDS)

struct task_struct;

/**
 * ptrace_may_access - may current inspect @task?
 * @mode: PTRACE_MODE_READ or _ATTACH, with _FSCREDS or _REALCREDS
 *
 * Its own threads, yes; otherwise only if all of @task's uids and gids are
 * the caller's (fs or real, by @mode) and @task is dumpable, unless the
 * caller has CAP_SYS_PTRACE.
 * CONTEXT: @task pinned (tasklist_lock or a reference).
 */
bool ptrace_may_access(struct task_struct *task, unsigned int mode);

#endif
