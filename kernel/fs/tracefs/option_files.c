/* The tracer and option files of tracefs: `current_tracer`,
 * `available_tracers`, `trace_options` and `options/` (Linux's
 * kernel/trace/trace.c set_tracer_fops, show_traces_fops,
 * tracing_iter_fops, trace_options_core_fops and trace_options_fops). */
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/* current_tracer */

static ssize_t tracing_set_trace_read(struct kiocb *iocb, struct iov_iter *to)
{
	char buf[MAX_TRACER_SIZE + 2];
	int r;

	mutex_lock(&trace_types_lock);
	r = snprintf(buf, sizeof(buf), "%s\n", global_trace.current_trace->name);
	mutex_unlock(&trace_types_lock);
	return simple_read_from_buffer(to, &iocb->ki_pos, buf, r);
}

/* A tracer's name, trailing white space ignored; past MAX_TRACER_SIZE
 * bytes the write is cut (as Linux). RETURNS: the bytes written, or
 * tracing_set_tracer()'s error. */
static ssize_t tracing_set_trace_write(struct kiocb *iocb, struct iov_iter *from)
{
	char buf[MAX_TRACER_SIZE + 1];
	size_t ret = iov_iter_count(from), cnt = min(ret, (size_t)MAX_TRACER_SIZE);
	int i, err;

	if (copy_from_iter(buf, cnt, from) != cnt)
		return -EFAULT;
	from->count = 0;
	buf[cnt] = '\0';
	for (i = cnt - 1; i > 0 && isspace(buf[i]); i--)
		buf[i] = '\0';
	err = tracing_set_tracer(&global_trace, buf);
	if (err)
		return err;
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations set_tracer_fops = {
	.read_iter = tracing_set_trace_read,
	.write_iter = tracing_set_trace_write,
	.llseek = generic_file_llseek,
};

/* available_tracers: the names, most recently registered first. */
static int t_show(struct seq_file *m, void *v)
{
	struct tracer *t;

	mutex_lock(&trace_types_lock);
	for (t = trace_types; t; t = t->next)
		seq_printf(m, "%s%c", t->name, t->next ? ' ' : '\n');
	mutex_unlock(&trace_types_lock);
	return 0;
}

static int show_traces_open(struct inode *inode, struct file *file)
{
	return single_open(file, t_show, NULL);
}

const struct file_operations show_traces_fops = {
	.open = show_traces_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* trace_options: every trace option, then the current tracer's, each as
 * "NAME" if set and "noNAME" if not. */
static int tracing_trace_options_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = &global_trace;
	struct tracer_opt *trace_opts;
	u32 tracer_flags;
	int i;

	mutex_lock(&trace_types_lock);
	tracer_flags = tr->current_trace->flags->val;
	trace_opts = tr->current_trace->flags->opts;
	for (i = 0; trace_options[i]; i++)
		seq_printf(m, "%s%s\n", tr->trace_flags & (1 << i) ? "" : "no", trace_options[i]);
	for (i = 0; trace_opts[i].name; i++)
		seq_printf(m, "%s%s\n", tracer_flags & trace_opts[i].bit ? "" : "no",
			   trace_opts[i].name);
	mutex_unlock(&trace_types_lock);
	return 0;
}

static int tracing_trace_options_open(struct inode *inode, struct file *file)
{
	if (!(file->f_mode & FMODE_READ))
		return 0;
	return single_open(file, tracing_trace_options_show, NULL);
}

static int tracing_trace_options_release(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? single_release(inode, file) : 0;
}

/* One option word per write, as trace_set_options() takes it; a write of
 * 64 bytes or more is refused. */
static ssize_t tracing_trace_options_write(struct kiocb *iocb, struct iov_iter *from)
{
	char buf[64];
	ssize_t cnt = trace_get_user_buf(from, buf, sizeof(buf));
	int ret;

	if (cnt < 0)
		return cnt;
	ret = trace_set_options(&global_trace, buf);
	if (ret < 0)
		return ret;
	iocb->ki_pos += cnt;
	return cnt;
}

const struct file_operations tracing_iter_fops = {
	.open = tracing_trace_options_open,
	.read_iter = seq_read_iter,
	.write_iter = tracing_trace_options_write,
	.llseek = seq_lseek,
	.release = tracing_trace_options_release,
};

/* options/<trace option>: the file's private data is
 * &tr->trace_flags_index[bit], which holds bit (Linux's get_tr_index). */
static void get_tr_index(void *data, struct trace_array **ptr, unsigned int *pindex)
{
	*pindex = *(unsigned char *)data;
	*ptr = container_of((unsigned char *)data - *pindex, struct trace_array,
			    trace_flags_index[0]);
}

static ssize_t trace_options_core_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_array *tr;
	unsigned int index;

	get_tr_index(file_inode(iocb->ki_filp)->i_private, &tr, &index);
	return simple_read_from_buffer(to, &iocb->ki_pos,
				       READ_ONCE(tr->trace_flags) & (1 << index) ? "1\n" : "0\n", 2);
}

static ssize_t trace_options_core_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_array *tr;
	unsigned int index;
	unsigned long val;
	ssize_t cnt = kstrtoul_from_iter(from, &val);
	int ret;

	get_tr_index(file_inode(iocb->ki_filp)->i_private, &tr, &index);
	if (cnt < 0)
		return cnt;
	if (val != 0 && val != 1)
		return -EINVAL;
	mutex_lock(&event_mutex);
	mutex_lock(&trace_types_lock);
	ret = set_tracer_flag(tr, 1 << index, val);
	mutex_unlock(&trace_types_lock);
	mutex_unlock(&event_mutex);
	if (ret < 0)
		return ret;
	iocb->ki_pos += cnt;
	return cnt;
}

static const struct file_operations trace_options_core_fops = {
	.read_iter = trace_options_core_read,
	.write_iter = trace_options_core_write,
	.llseek = generic_file_llseek,
};

/* options/<tracer option>: which option of which tracer (Linux's
 * struct trace_option_dentry). */
struct trace_option_dentry {
	struct tracer_opt *opt;
	struct tracer_flags *flags;
	struct trace_array *tr;
};

static ssize_t trace_options_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_option_dentry *topt = file_inode(iocb->ki_filp)->i_private;

	return simple_read_from_buffer(to, &iocb->ki_pos,
				       READ_ONCE(topt->flags->val) & topt->opt->bit ? "1\n" : "0\n",
				       2);
}

/* Works whether or not the option's tracer is the current one, as in Linux. */
static ssize_t trace_options_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_option_dentry *topt = file_inode(iocb->ki_filp)->i_private;
	unsigned long val;
	ssize_t cnt = kstrtoul_from_iter(from, &val);
	int ret = 0;

	if (cnt < 0)
		return cnt;
	if (val != 0 && val != 1)
		return -EINVAL;
	mutex_lock(&trace_types_lock);
	if (!!(topt->flags->val & topt->opt->bit) != val)
		ret = __set_tracer_option(topt->tr, topt->flags, topt->opt, !val);
	mutex_unlock(&trace_types_lock);
	if (ret)
		return ret;
	iocb->ki_pos += cnt;
	return cnt;
}

static const struct file_operations trace_options_fops = {
	.read_iter = trace_options_read,
	.write_iter = trace_options_write,
	.llseek = generic_file_llseek,
};

/* A file for each of @tracer's own options (Linux's create_trace_option_files). */
static int create_trace_option_files(struct dentry *options, struct trace_array *tr,
				     struct tracer *tracer)
{
	struct tracer_opt *opts = tracer->flags->opts;
	int i;

	for (i = 0; opts[i].name; i++) {
		struct trace_option_dentry *topt = kmalloc(sizeof(*topt), GFP_KERNEL);

		if (!topt)
			return -ENOMEM;
		topt->opt = &opts[i];
		topt->flags = tracer->flags;
		topt->tr = tr;
		if (!simple_create_file(options, opts[i].name, 0644, &trace_options_fops, topt)) {
			kfree(topt);
			return -ENOMEM;
		}
	}
	return 0;
}

/**
 * create_trace_options_dir - options/ in @d_tracer: a file per trace option
 * and per option of each registered tracer (Linux's create_trace_options_dir
 * and the tracers' create_trace_option_files)
 * CONTEXT: dcache_lock held (fill_super). RETURNS: 0 or -ENOMEM.
 */
int create_trace_options_dir(struct dentry *d_tracer)
{
	struct trace_array *tr = &global_trace;
	struct dentry *options = simple_create_dir(d_tracer, "options");
	struct tracer *t;
	int i, ret = 0;

	if (!options)
		return -ENOMEM;
	for (i = 0; trace_options[i]; i++)
		if (!simple_create_file(options, trace_options[i], 0644, &trace_options_core_fops,
					&tr->trace_flags_index[i]))
			return -ENOMEM;
	for (t = trace_types; t && !ret; t = t->next)
		ret = create_trace_option_files(options, tr, t);
	return ret;
}
