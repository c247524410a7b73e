/* The tracefs files' operations and the helpers they share, for the tree
 * inode.c builds (the tracer's internals are kernel/trace/trace.h). */
#ifndef _FS_TRACEFS_INTERNAL_H
#define _FS_TRACEFS_INTERNAL_H

#include <linux/fs.h>
#include "../../trace/trace.h"

extern const struct file_operations tracing_fops;
extern const struct file_operations tracing_pipe_fops;
extern const struct file_operations tracing_stats_fops;
extern const struct file_operations tracing_cpumask_fops;
extern const struct file_operations tracing_entries_fops;
extern const struct file_operations tracing_total_entries_fops;
extern const struct file_operations tracing_mark_fops;
extern const struct file_operations trace_clock_fops;
extern const struct file_operations tracing_saved_cmdlines_fops;
extern const struct file_operations tracing_saved_cmdlines_size_fops;
extern const struct file_operations rb_simple_fops;
extern const struct file_operations set_event_fops;
extern const struct file_operations available_events_fops;
extern const struct file_operations system_enable_fops;
extern const struct file_operations event_enable_fops;
extern const struct file_operations set_tracer_fops;
extern const struct file_operations show_traces_fops;
extern const struct file_operations tracing_iter_fops;
/* The function tracer's files: available_filter_functions, set_ftrace_filter,
 * set_ftrace_notrace, set_graph_function, set_ftrace_pid, max_graph_depth
 * (ftrace_files.c; Linux's ftrace_init_tracefs). RETURNS: 0 or -ENOMEM. */
int ftrace_init_tracefs(struct dentry *d_tracer);
extern const struct file_operations ftrace_set_event_pid_fops;
extern const struct file_operations ftrace_event_format_fops;
extern const struct file_operations ftrace_event_id_fops;
extern const struct file_operations ftrace_event_filter_fops;
extern const struct file_operations event_trigger_fops;

ssize_t trace_get_user_buf(struct iov_iter *from, char *buf, size_t size);
ssize_t kstrtoul_from_iter(struct iov_iter *from, unsigned long *val);

/* options/: a file per trace option and per registered tracer's option. */
int create_trace_options_dir(struct dentry *d_tracer);
/* events/: the events' directories and files. */
int event_trace_add_tracer(struct dentry *d_tracer);

#endif
