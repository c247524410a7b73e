/* The event files of tracefs: `available_events`, `set_event`,
 * `set_event_pid`, events/enable, events/<system>/enable and each event's
 * enable, format, id, filter and trigger (Linux's kernel/trace/trace_events.c
 * file operations and event_create_dir). */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/* available_events and set_event: "system:event" a line, every event or
 * the enabled ones (Linux's t_show and s_show). */
static int t_show(struct seq_file *m, void *enabled_only)
{
	unsigned int i;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (!enabled_only || (READ_ONCE(call->flags) & EVENT_FILE_FL_ENABLED))
			seq_printf(m, "%s:%s\n", call->class->system, call->name);
	}
	return 0;
}

static int ftrace_event_avail_open(struct inode *inode, struct file *file)
{
	return single_open(file, t_show, NULL);
}

const struct file_operations available_events_fops = {
	.open = ftrace_event_avail_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* A file that prints on open when read and may be written (most of these). */
static int tracefs_text_release(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? single_release(inode, file) : 0;
}

static int ftrace_event_set_open(struct inode *inode, struct file *file)
{
	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		trace_set_clr_event(NULL, NULL, 0);
	if (file->f_mode & FMODE_READ)
		return single_open(file, t_show, (void *)1);
	return 0;
}

/* Each word sets an event ("system:event", "system:", "event"); a "!"
 * before it clears it instead (Linux's ftrace_event_write). */
static ssize_t ftrace_event_write(struct kiocb *iocb, struct iov_iter *from)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL), *p, *word;
	ssize_t ret;

	if (!buf)
		return -ENOMEM;
	ret = trace_get_user_buf(from, buf, PAGE_SIZE);
	for (p = buf; ret >= 0;) {
		int set = 1, err;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		word = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		if (*p)
			*p++ = '\0';
		if (*word == '!') {
			set = 0;
			word++;
		}
		err = ftrace_set_clr_event(word, set);
		if (err)
			ret = err;
	}
	kfree(buf);
	if (ret > 0)
		iocb->ki_pos += ret;
	return ret;
}

const struct file_operations set_event_fops = {
	.open = ftrace_event_set_open,
	.read_iter = seq_read_iter,
	.write_iter = ftrace_event_write,
	.llseek = seq_lseek,
	.release = tracefs_text_release,
};

/* Print a trace_seq maker's text into a seq_file. */
static void seq_from_trace_seq(struct seq_file *m, void (*show)(struct trace_seq *s, void *arg),
			       void *arg)
{
	struct trace_seq *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s) {
		m->overflow = true;
		return;
	}
	trace_seq_init(s);
	show(s, arg);
	seq_write(m, s->buffer, s->len);
	kfree(s);
}

/* set_event_pid: a pid a line; ">" clears the list, each write adds pids. */
static void show_pids(struct trace_seq *s, void *unused)
{
	trace_event_show_pids(s);
}

static int event_pid_show(struct seq_file *m, void *unused)
{
	seq_from_trace_seq(m, show_pids, NULL);
	return 0;
}

static int ftrace_event_set_pid_open(struct inode *inode, struct file *file)
{
	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		trace_event_set_pids(NULL, false);
	if (file->f_mode & FMODE_READ)
		return single_open(file, event_pid_show, NULL);
	return 0;
}

static ssize_t ftrace_event_pid_write(struct kiocb *iocb, struct iov_iter *from)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t ret;

	if (!buf)
		return -ENOMEM;
	ret = trace_get_user_buf(from, buf, PAGE_SIZE);
	if (ret >= 0) {
		int err = trace_event_set_pids(buf, true);

		if (err)
			ret = err;
	}
	kfree(buf);
	if (ret > 0)
		iocb->ki_pos += ret;
	return ret;
}

const struct file_operations ftrace_set_event_pid_fops = {
	.open = ftrace_event_set_pid_open,
	.read_iter = seq_read_iter,
	.write_iter = ftrace_event_pid_write,
	.llseek = seq_lseek,
	.release = tracefs_text_release,
};

/* events/enable and events/<system>/enable: "0", "1", "X" for a mix, "?"
 * for no events (Linux's system_enable_read). */
static ssize_t system_enable_read(struct kiocb *iocb, struct iov_iter *to)
{
	const char *system = file_inode(iocb->ki_filp)->i_private;
	char buf[2];
	unsigned int i, set = 0;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (!system || !strcmp(system, call->class->system))
			set |= 1 << !!(READ_ONCE(call->flags) & EVENT_FILE_FL_ENABLED);
	}
	buf[0] = "?01X"[set];
	buf[1] = '\n';
	return simple_read_from_buffer(to, &iocb->ki_pos, buf, sizeof(buf));
}

static ssize_t system_enable_write(struct kiocb *iocb, struct iov_iter *from)
{
	const char *system = file_inode(iocb->ki_filp)->i_private;
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);

	if (ret < 0)
		return ret;
	if (val > 1)
		return -EINVAL;
	trace_set_clr_event(system, NULL, val);
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations system_enable_fops = {
	.read_iter = system_enable_read,
	.write_iter = system_enable_write,
	.llseek = generic_file_llseek,
};

/* events/<system>/<event>/enable: "1" if recording, "0" if not, with "*"
 * while a trigger holds it in soft mode (Linux's event_enable_read). */
static ssize_t event_enable_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_event_call *call = file_inode(iocb->ki_filp)->i_private;
	unsigned int flags = READ_ONCE(call->flags);
	char buf[4] = "0";

	if ((flags & EVENT_FILE_FL_ENABLED) && !(flags & EVENT_FILE_FL_SOFT_DISABLED))
		strcpy(buf, "1");
	if (flags & (EVENT_FILE_FL_SOFT_DISABLED | EVENT_FILE_FL_SOFT_MODE))
		strcat(buf, "*");
	strcat(buf, "\n");
	return simple_read_from_buffer(to, &iocb->ki_pos, buf, strlen(buf));
}

static ssize_t event_enable_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_event_call *call = file_inode(iocb->ki_filp)->i_private;
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);
	int err;

	if (ret < 0)
		return ret;
	if (val > 1)
		return -EINVAL;
	mutex_lock(&event_mutex);
	err = __ftrace_event_enable_disable(call, val, 0);
	mutex_unlock(&event_mutex);
	if (err)
		return err;
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations event_enable_fops = {
	.read_iter = event_enable_read,
	.write_iter = event_enable_write,
	.llseek = generic_file_llseek,
};

/* format: the record's fields and TP_printk (Linux's f_show). */
static void show_field(struct seq_file *m, const struct ftrace_event_field *field)
{
	const char *array = strchr(field->type, '[');

	if (!strncmp(field->type, "__data_loc", 10))
		array = NULL;
	if (!array)
		seq_printf(m, "\tfield:%s %s;\toffset:%u;\tsize:%u;\tsigned:%d;\n", field->type,
			   field->name, field->offset, field->size, !!field->is_signed);
	else
		seq_printf(m, "\tfield:%.*s %s%s;\toffset:%u;\tsize:%u;\tsigned:%d;\n",
			   (int)(array - field->type), field->type, field->name, array,
			   field->offset, field->size, !!field->is_signed);
}

static int f_show(struct seq_file *m, void *v)
{
	struct trace_event_call *call = m->private;
	const struct ftrace_event_field *field;

	seq_printf(m, "name: %s\n", trace_event_name(call));
	seq_printf(m, "ID: %d\n", call->event.type);
	seq_puts(m, "format:\n");
	for (field = ftrace_common_fields; field; field = field->next)
		show_field(m, field);
	seq_putc(m, '\n');
	for (field = call->class->fields; field; field = field->next)
		show_field(m, field);
	seq_printf(m, "\nprint fmt: %s\n", call->print_fmt);
	return 0;
}

static int trace_format_open(struct inode *inode, struct file *file)
{
	return single_open(file, f_show, inode->i_private);
}

const struct file_operations ftrace_event_format_fops = {
	.open = trace_format_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* id: the event's type, its records' common_type. */
static ssize_t event_id_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_event_call *call = file_inode(iocb->ki_filp)->i_private;
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%d\n", call->event.type);

	return simple_read_from_buffer(to, &iocb->ki_pos, buf, len);
}

const struct file_operations ftrace_event_id_fops = {
	.read_iter = event_id_read,
	.llseek = generic_file_llseek,
};

/* filter: "none", the expression, or the one refused with its error. */
static void show_filter(struct trace_seq *s, void *call)
{
	mutex_lock(&event_mutex);
	print_event_filter(call, s);
	mutex_unlock(&event_mutex);
}

static int event_filter_show(struct seq_file *m, void *v)
{
	seq_from_trace_seq(m, show_filter, m->private);
	return 0;
}

static int event_filter_open(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_READ)
		return single_open(file, event_filter_show, inode->i_private);
	return 0;
}

/* Less than a page; "0" removes the filter (Linux's event_filter_write). */
static ssize_t event_filter_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_event_call *call = file_inode(iocb->ki_filp)->i_private;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t cnt;
	int err;

	if (!buf)
		return -ENOMEM;
	cnt = trace_get_user_buf(from, buf, PAGE_SIZE);
	if (cnt >= 0) {
		mutex_lock(&event_mutex);
		err = apply_event_filter(call, buf);
		mutex_unlock(&event_mutex);
		if (err)
			cnt = err;
	}
	kfree(buf);
	if (cnt > 0)
		iocb->ki_pos += cnt;
	return cnt;
}

const struct file_operations ftrace_event_filter_fops = {
	.open = event_filter_open,
	.read_iter = seq_read_iter,
	.write_iter = event_filter_write,
	.llseek = seq_lseek,
	.release = tracefs_text_release,
};

/* trigger: the triggers set, newest first, or the ones there are. */
static void show_triggers(struct trace_seq *s, void *call)
{
	mutex_lock(&event_mutex);
	trigger_show(call, s);
	mutex_unlock(&event_mutex);
}

static int event_trigger_show(struct seq_file *m, void *v)
{
	seq_from_trace_seq(m, show_triggers, m->private);
	return 0;
}

static int event_trigger_open(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_READ)
		return single_open(file, event_trigger_show, inode->i_private);
	return 0;
}

/* One trigger a write, white space around it ignored (Linux's
 * event_trigger_regex_write). */
static ssize_t event_trigger_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_event_call *call = file_inode(iocb->ki_filp)->i_private;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t cnt;
	int err;

	if (!buf)
		return -ENOMEM;
	cnt = trace_get_user_buf(from, buf, PAGE_SIZE);
	if (cnt >= 0) {
		mutex_lock(&event_mutex);
		err = trigger_process_regex(call, strim(buf));
		mutex_unlock(&event_mutex);
		if (err)
			cnt = err;
	}
	kfree(buf);
	if (cnt > 0)
		iocb->ki_pos += cnt;
	return cnt;
}

const struct file_operations event_trigger_fops = {
	.open = event_trigger_open,
	.read_iter = seq_read_iter,
	.write_iter = event_trigger_write,
	.llseek = seq_lseek,
	.release = tracefs_text_release,
};

/* The directory of @system in @events, made if it is not there yet. */
static struct dentry *event_subsystem_dir(struct dentry *events, const char *system)
{
	struct dentry *dir;

	list_for_each_entry(dir, &events->d_subdirs, d_child)
		if (dir->d_inode && !strcmp(dir->d_name.name, system))
			return dir;
	dir = simple_create_dir(events, system);
	if (dir && !simple_create_file(dir, "enable", 0644, &system_enable_fops, (void *)system))
		return NULL;
	return dir;
}

/**
 * event_trace_add_tracer - events/ in @d_tracer: events/enable, then for
 * each event its system's directory and enable file, and its own directory
 * with enable, format, id, filter and trigger (Linux's event_create_dir)
 * CONTEXT: dcache_lock held (fill_super). RETURNS: 0 or -ENOMEM.
 */
int event_trace_add_tracer(struct dentry *d_tracer)
{
	struct dentry *events = simple_create_dir(d_tracer, "events");
	unsigned int i;

	if (!events || !simple_create_file(events, "enable", 0644, &system_enable_fops, NULL))
		return -ENOMEM;
	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];
		struct dentry *system = event_subsystem_dir(events, call->class->system), *dir;

		dir = system ? simple_create_dir(system, call->name) : NULL;
		if (!dir || !simple_create_file(dir, "enable", 0644, &event_enable_fops, call) ||
		    !simple_create_file(dir, "format", 0444, &ftrace_event_format_fops, call) ||
		    !simple_create_file(dir, "id", 0444, &ftrace_event_id_fops, call) ||
		    !simple_create_file(dir, "filter", 0644, &ftrace_event_filter_fops, call) ||
		    !simple_create_file(dir, "trigger", 0644, &event_trigger_fops, call))
			return -ENOMEM;
	}
	return 0;
}
