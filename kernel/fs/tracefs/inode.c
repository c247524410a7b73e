/* tracefs, mounted on /sys/kernel/tracing and (automatically) on
 * /sys/kernel/debug/tracing: the tracer's control files, options/ and
 * events/ (Linux's fs/tracefs/inode.c and the tree kernel/trace/trace.c
 * and trace_events.c create in it).
 * One superblock, made on the first mount, serves every mount. */
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include "internal.h"

static int tracefs_fill_super(struct super_block *sb)
{
	static const struct tree_descr trace_files[] = {
		{ "available_tracers", &show_traces_fops, 0444 },
		{ "current_tracer", &set_tracer_fops, 0644 },
		{ "trace_options", &tracing_iter_fops, 0644 },
		{ "trace", &tracing_fops, 0644 },
		{ "tracing_on", &rb_simple_fops, 0644 },
		{ "available_events", &available_events_fops, 0444 },
		{ "set_event", &set_event_fops, 0644 },
		{ "set_event_pid", &ftrace_set_event_pid_fops, 0644 },
		{ .name = "" }
	};
	int err = simple_fill_super(sb, trace_files);

	if (!err)
		err = create_trace_options_dir(sb->s_root);
	if (!err)
		err = ftrace_init_tracefs(sb->s_root);
	return err ? err : event_trace_add_tracer(sb->s_root);
}

static struct super_block *tracefs_sb;

static struct dentry *trace_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_single(fs_type, TRACEFS_MAGIC, &tracefs_sb, tracefs_fill_super);
}

struct file_system_type trace_fs_type = {
	.name = "tracefs",
	.mount = trace_mount,
};

void tracefs_init(void)
{
	register_filesystem(&trace_fs_type);
}
