/* The tracefs files' operations, for the tree inode.c builds. */
#ifndef _FS_TRACEFS_INTERNAL_H
#define _FS_TRACEFS_INTERNAL_H

#include <linux/fs.h>

extern const struct file_operations tracing_fops;
extern const struct file_operations rb_simple_fops;
extern const struct file_operations set_event_fops;
extern const struct file_operations available_events_fops;
extern const struct file_operations system_enable_fops;
extern const struct file_operations event_enable_fops;

#endif
