/* The proc file system (Linux's include/linux/proc_fs.h): mounted at
 * /proc, one directory per process plus a few system-wide files. */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/seq_file.h>

struct task_struct;

/* Register the "proc" file system type. */
void proc_root_init(void);

/* The per-process files' text (fs/proc/array.c, base.c). CONTEXT:
 * tasklist_lock held, so the task and its signal state stay put. */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);

#endif
