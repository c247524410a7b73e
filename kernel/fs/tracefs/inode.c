/* tracefs, mounted on /sys/kernel/tracing and (automatically) on
 * /sys/kernel/debug/tracing: the tracer's control files, options/ and
 * events/ (Linux's fs/tracefs/inode.c and the tree kernel/trace/trace.c
 * and trace_events.c create in it).
 * One superblock, made on the first mount, serves every mount. */
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/trace_events.h>
#include "internal.h"

/* per_cpu/cpuN/{trace,trace_pipe,stats}, whose inodes keep cpu + 1
 * (Linux's tracing_init_tracefs_percpu). */
static int tracing_init_tracefs_percpu(struct dentry *d_tracer)
{
	struct dentry *percpu = simple_create_dir(d_tracer, "per_cpu");
	int cpu;

	if (!percpu)
		return -ENOMEM;
	for (cpu = 0; cpu < num_online_cpus(); cpu++) {
		void *data = (void *)(long)(cpu + 1);
		struct dentry *d_cpu;
		char name[16];

		snprintf(name, sizeof(name), "cpu%d", cpu);
		d_cpu = simple_create_dir(percpu, name);
		if (!d_cpu || !simple_create_file(d_cpu, "trace", 0644, &tracing_fops, data) ||
		    !simple_create_file(d_cpu, "trace_pipe", 0444, &tracing_pipe_fops, data) ||
		    !simple_create_file(d_cpu, "stats", 0444, &tracing_stats_fops, data))
			return -ENOMEM;
	}
	return 0;
}

static int tracefs_fill_super(struct super_block *sb)
{
	static const struct tree_descr trace_files[] = {
		{ "available_tracers", &show_traces_fops, 0444 },
		{ "current_tracer", &set_tracer_fops, 0644 },
		{ "trace_options", &tracing_iter_fops, 0644 },
		{ "trace", &tracing_fops, 0644 },
		{ "trace_pipe", &tracing_pipe_fops, 0444 },
		{ "tracing_on", &rb_simple_fops, 0644 },
		{ "tracing_cpumask", &tracing_cpumask_fops, 0644 },
		{ "buffer_size_kb", &tracing_entries_fops, 0644 },
		{ "buffer_total_size_kb", &tracing_total_entries_fops, 0444 },
		{ "trace_marker", &tracing_mark_fops, 0220 },
		{ "trace_clock", &trace_clock_fops, 0644 },
		{ "saved_cmdlines", &tracing_saved_cmdlines_fops, 0444 },
		{ "saved_cmdlines_size", &tracing_saved_cmdlines_size_fops, 0644 },
		{ "available_events", &available_events_fops, 0444 },
		{ "set_event", &set_event_fops, 0644 },
		{ "set_event_pid", &ftrace_set_event_pid_fops, 0644 },
		{ .name = "" }
	};
	int err;

	if (tracing_disabled)	/* no rings: an empty tracefs */
		return simple_fill_super(sb, &trace_files[ARRAY_SIZE(trace_files) - 1]);
	err = simple_fill_super(sb, trace_files);

	if (!err)
		err = create_trace_options_dir(sb->s_root);
	if (!err)
		err = ftrace_init_tracefs(sb->s_root);
	if (!err)
		err = tracing_init_tracefs_percpu(sb->s_root);
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
