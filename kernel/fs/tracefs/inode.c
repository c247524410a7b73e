/* tracefs, mounted on /sys/kernel/tracing and (automatically) on
 * /sys/kernel/debug/tracing: the tracer's control files and one
 * events/<system>/<event>/enable per trace event (Linux's fs/tracefs/inode.c
 * and the tree kernel/trace/trace.c and trace_events.c create in it).
 * One superblock, made on the first mount, serves every mount. */
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include "internal.h"

static struct dentry *create_dir(struct dentry *parent, const char *name)
{
	return simple_create_dir(parent, name, &simple_dir_inode_operations,
				 &simple_dir_operations);
}

/* events/, events/enable, and each system's and event's directory and
 * enable file (Linux's event_trace_add_tracer/event_create_dir). */
static int create_event_tree(struct dentry *root)
{
	struct dentry *events = create_dir(root, "events"), *system = NULL;
	const char *system_name = NULL;
	unsigned int i;

	if (!events || !simple_create_file(events, "enable", 0644, &system_enable_fops, NULL))
		return -ENOMEM;
	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];
		struct dentry *dir;

		if (!system_name || strcmp(system_name, call->system)) {
			system_name = call->system;
			system = create_dir(events, system_name);
			if (!system || !simple_create_file(system, "enable", 0644,
							   &system_enable_fops,
							   (void *)system_name))
				return -ENOMEM;
		}
		dir = create_dir(system, call->name);
		if (!dir || !simple_create_file(dir, "enable", 0644, &event_enable_fops, call))
			return -ENOMEM;
	}
	return 0;
}

static int tracefs_fill_super(struct super_block *sb)
{
	struct inode *inode = new_inode(sb);
	struct dentry *root;

	if (!inode)
		return -ENOMEM;
	inode->i_mode = S_IFDIR | 0755;
	inode->i_nlink = 2;
	inode->i_op = &simple_dir_inode_operations;
	inode->i_fop = &simple_dir_operations;
	root = sb->s_root = d_make_root(inode);
	if (!root)
		return -ENOMEM;
	if (!simple_create_file(root, "available_events", 0444, &available_events_fops, NULL) ||
	    !simple_create_file(root, "set_event", 0644, &set_event_fops, NULL) ||
	    !simple_create_file(root, "trace", 0644, &tracing_fops, NULL) ||
	    !simple_create_file(root, "tracing_on", 0644, &rb_simple_fops, NULL))
		return -ENOMEM;
	return create_event_tree(root);
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
