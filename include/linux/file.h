/* Descriptors to files (Linux's include/linux/file.h): looking a
 * descriptor up, and claiming, filling and releasing descriptor numbers
 * in the current task's table. */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/fs.h>

struct files_struct;

/* The file behind @fd of the current task, with a reference (fput it), or NULL. */
struct file *fget(unsigned int fd);
/* The lowest free descriptor, reserved. RETURNS: it, or -EMFILE. */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Fill a reserved descriptor; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);
int __close_fd(struct files_struct *files, unsigned int fd);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
void set_close_on_exec(unsigned int fd, int flag);
bool get_close_on_exec(unsigned int fd);

#endif
