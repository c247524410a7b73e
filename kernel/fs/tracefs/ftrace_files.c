/* The function tracer's tracefs files (Linux's kernel/trace/ftrace.c
 * ftrace_avail_fops, ftrace_filter_fops, ftrace_notrace_fops,
 * ftrace_graph_fops and ftrace_pid_fops, and trace_functions_graph.c's
 * graph_depth_fops): available_filter_functions, set_ftrace_filter,
 * set_ftrace_notrace, set_graph_function, set_ftrace_pid, max_graph_depth.
 *
 * A set file opened for writing works on a copy of the set, emptied first
 * unless the file was opened for appending (`>>`); the copy replaces the
 * set when the file is closed, and the code is patched then if a tracer
 * runs, as Linux's ftrace_regex_release does. */
#include "internal.h"
#include <linux/ctype.h>
#include <linux/ftrace.h>
#include <linux/ftrace_regex.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

/* A call site's function name and a newline (Linux's "%ps\n"). */
static void seq_print_rec(struct seq_file *m, const struct dyn_ftrace *rec)
{
	char name[KSYM_SYMBOL_LEN];

	sprint_symbol_no_offset(name, rec->ip);
	seq_printf(m, "%s\n", name);
}

/* available_filter_functions: every function that can be traced. */
static int t_show_avail(struct seq_file *m, void *unused)
{
	unsigned long i;

	for (i = 0; i < ftrace_nr_records; i++)
		seq_print_rec(m, &ftrace_records[i]);
	return 0;
}

static int ftrace_avail_open(struct inode *inode, struct file *file)
{
	return single_open(file, t_show_avail, NULL);
}

static const struct file_operations ftrace_avail_fops = {
	.open = ftrace_avail_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* The longest word a set file takes (Linux's FTRACE_BUFF_MAX). */
#define FTRACE_BUFF_MAX 128

/* An open set file (Linux's struct ftrace_iterator and its trace_parser). */
struct ftrace_iterator {
	unsigned long flag; /* FTRACE_FL_FILTER, _NOTRACE or _GRAPH */
	unsigned long *set; /* the copy being written, NULL if not opened for writing */
	char word[FTRACE_BUFF_MAX];
	unsigned int len; /* of a word a write ended in the middle of */
};

/* The set as the file shows it: its functions, or Linux's line for none. */
static int t_show_set(struct seq_file *m, void *data)
{
	struct ftrace_iterator *iter = data;
	unsigned long i;
	bool any = false;

	for (i = 0; i < ftrace_nr_records; i++) {
		if (READ_ONCE(ftrace_records[i].flags) & iter->flag) {
			seq_print_rec(m, &ftrace_records[i]);
			any = true;
		}
	}
	if (!any)
		seq_puts(m, iter->flag == FTRACE_FL_NOTRACE ? "#### no functions disabled ####\n"
							   : "#### all functions enabled ####\n");
	return 0;
}

static struct ftrace_iterator *ftrace_iter(struct file *file)
{
	if (file->f_mode & FMODE_READ)
		return ((struct seq_file *)file->private_data)->private;
	return file->private_data;
}

static int ftrace_set_open(struct file *file, unsigned long flag)
{
	struct ftrace_iterator *iter = kzalloc(sizeof(*iter), GFP_KERNEL);
	int ret;

	if (!iter)
		return -ENOMEM;
	iter->flag = flag;
	if (file->f_mode & FMODE_WRITE) {
		iter->set = ftrace_set_alloc();
		if (!iter->set) {
			kfree(iter);
			return -ENOMEM;
		}
		if (!(file->f_flags & O_TRUNC))
			ftrace_set_read(flag, iter->set);
	}
	if (file->f_mode & FMODE_READ) {
		ret = single_open(file, t_show_set, iter);
		if (ret) {
			kfree(iter->set);
			kfree(iter);
		}
		return ret;
	}
	file->private_data = iter;
	return 0;
}

/* Add the functions @iter->word names to the set, or take them out.
 * RETURNS: 0, or -EINVAL if it names none (nothing changes). */
static int ftrace_process_word(struct ftrace_iterator *iter)
{
	enum ftrace_match_mode mode = iter->flag == FTRACE_FL_GRAPH ? FTRACE_MATCH_MEMBER
								    : FTRACE_MATCH_ANY;

	iter->word[iter->len] = '\0';
	iter->len = 0;
	return ftrace_match_records(ftrace_records, ftrace_nr_records, iter->word, iter->set, mode)
		       ? 0 : -EINVAL;
}

/*
 * Words separated by white space, each a name or glob, "!" before one to
 * take its functions out; a word cut by the end of a write goes on in the
 * next one (Linux's ftrace_regex_write with trace_get_user). As in Linux,
 * the words before a bad one stay written: the write returns the bytes up
 * to it, and a writer that goes on gets -EINVAL for the bad word itself.
 */
static ssize_t ftrace_set_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct ftrace_iterator *iter = ftrace_iter(iocb->ki_filp);
	size_t count = iov_iter_count(from), i, word_start = 0;
	char *buf;
	ssize_t ret;
	int err = 0;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = trace_get_user_buf(from, buf, PAGE_SIZE);
	if (ret < 0)
		goto out;
	for (i = 0; i < count; i++) {
		if (!isspace(buf[i])) {
			if (!iter->len)
				word_start = i;
			if (iter->len == FTRACE_BUFF_MAX - 1) {
				err = -EINVAL;
				break;
			}
			iter->word[iter->len++] = buf[i];
		} else if (iter->len) {
			err = ftrace_process_word(iter);
			if (err)
				break;
		}
	}
	if (err) {
		iter->len = 0;
		ret = word_start ? (ssize_t)word_start : err;
	}
	iocb->ki_pos += ret > 0 ? ret : 0;
out:
	kfree(buf);
	return ret;
}

static int ftrace_set_release(struct inode *inode, struct file *file)
{
	struct ftrace_iterator *iter = ftrace_iter(file);

	if (iter->set) {
		/* A last word without a newline (echo -n). */
		if (iter->len)
			ftrace_process_word(iter);
		ftrace_set_commit(iter->flag, iter->set);
		kfree(iter->set);
	}
	if (file->f_mode & FMODE_READ)
		single_release(inode, file);
	kfree(iter);
	return 0;
}

static int ftrace_filter_open(struct inode *inode, struct file *file)
{
	return ftrace_set_open(file, FTRACE_FL_FILTER);
}

static int ftrace_notrace_open(struct inode *inode, struct file *file)
{
	return ftrace_set_open(file, FTRACE_FL_NOTRACE);
}

static int ftrace_graph_open(struct inode *inode, struct file *file)
{
	return ftrace_set_open(file, FTRACE_FL_GRAPH);
}

#define FTRACE_SET_FOPS(name, open_fn)               \
	static const struct file_operations name = { \
		.open = open_fn,                     \
		.read_iter = seq_read_iter,          \
		.write_iter = ftrace_set_write,      \
		.llseek = seq_lseek,                 \
		.release = ftrace_set_release,       \
	}

FTRACE_SET_FOPS(ftrace_filter_fops, ftrace_filter_open);
FTRACE_SET_FOPS(ftrace_notrace_fops, ftrace_notrace_open);
FTRACE_SET_FOPS(ftrace_graph_fops, ftrace_graph_open);

/* set_ftrace_pid: the pids whose functions are traced, one a line, or
 * "no pid" for every task (Linux's fpid_show). */
static int fpid_show(struct seq_file *m, void *unused)
{
	const unsigned long *pids = ftrace_get_pids();
	pid_t pid;

	if (!pids) {
		seq_puts(m, "no pid\n");
		return 0;
	}
	for (pid = 0; pid < PID_MAX; pid++)
		if ((pids[pid / BITS_PER_LONG] >> (pid % BITS_PER_LONG)) & 1)
			seq_printf(m, "%d\n", pid);
	return 0;
}

static int ftrace_pid_open(struct inode *inode, struct file *file)
{
	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		ftrace_set_pids(NULL);
	if (file->f_mode & FMODE_READ)
		return single_open(file, fpid_show, NULL);
	return 0;
}

/*
 * Pids separated by white space, added to those there are (Linux's
 * trace_pid_write): a new set is built and swapped in whole. A write with
 * no pid at all empties the set. RETURNS: the bytes taken, or -EINVAL for
 * a word that is not a pid below PID_MAX (nothing changes).
 */
static ssize_t ftrace_pid_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t size = BITS_TO_LONGS(PID_MAX) * sizeof(unsigned long);
	const unsigned long *old;
	unsigned long *pids;
	char *buf, *p;
	ssize_t ret;
	bool any = false;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	pids = kzalloc(size, GFP_KERNEL);
	ret = buf && pids ? trace_get_user_buf(from, buf, PAGE_SIZE) : -ENOMEM;
	if (ret < 0)
		goto fail;
	old = ftrace_get_pids();
	if (old)
		memcpy(pids, old, size);
	for (p = buf; *p;) {
		unsigned long pid;
		char *word;

		while (isspace(*p))
			p++;
		if (!*p)
			break;
		word = p;
		while (*p && !isspace(*p))
			p++;
		if (*p)
			*p++ = '\0';
		if (kstrtoul(word, 10, &pid) || pid >= PID_MAX) {
			ret = -EINVAL;
			goto fail;
		}
		pids[pid / BITS_PER_LONG] |= 1UL << (pid % BITS_PER_LONG);
		any = true;
	}
	kfree(buf);
	if (!any) {
		kfree(pids);
		pids = NULL;
	}
	ftrace_set_pids(pids);
	iocb->ki_pos += ret;
	return ret;
fail:
	kfree(buf);
	kfree(pids);
	return ret;
}

static int ftrace_pid_release(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? single_release(inode, file) : 0;
}

static const struct file_operations ftrace_pid_fops = {
	.open = ftrace_pid_open,
	.read_iter = seq_read_iter,
	.write_iter = ftrace_pid_write,
	.llseek = seq_lseek,
	.release = ftrace_pid_release,
};

/* max_graph_depth: how deep function_graph goes, 0 for no limit. */
static ssize_t graph_depth_read(struct kiocb *iocb, struct iov_iter *to)
{
	char buf[16];
	int n = snprintf(buf, sizeof(buf), "%u\n", READ_ONCE(fgraph_max_depth));

	return simple_read_from_buffer(to, &iocb->ki_pos, buf, n);
}

static ssize_t graph_depth_write(struct kiocb *iocb, struct iov_iter *from)
{
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);

	if (ret < 0)
		return ret;
	WRITE_ONCE(fgraph_max_depth, val);
	iocb->ki_pos += ret;
	return ret;
}

static const struct file_operations graph_depth_fops = {
	.read_iter = graph_depth_read,
	.write_iter = graph_depth_write,
	.llseek = generic_file_llseek,
};

int ftrace_init_tracefs(struct dentry *d_tracer)
{
	static const struct {
		const char *name;
		const struct file_operations *fops;
		umode_t mode;
	} files[] = {
		{ "available_filter_functions", &ftrace_avail_fops, 0444 },
		{ "set_ftrace_filter", &ftrace_filter_fops, 0644 },
		{ "set_ftrace_notrace", &ftrace_notrace_fops, 0644 },
		{ "set_graph_function", &ftrace_graph_fops, 0644 },
		{ "set_ftrace_pid", &ftrace_pid_fops, 0644 },
		{ "max_graph_depth", &graph_depth_fops, 0644 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(files); i++)
		if (!simple_create_file(d_tracer, files[i].name, files[i].mode, files[i].fops, NULL))
			return -ENOMEM;
	return 0;
}
