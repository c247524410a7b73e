/* /proc/<pid>/maps and /proc/<pid>/statm: a process's mappings, one line
 * each, and its memory in pages (Linux's fs/proc/task_mmu.c show_map_vma
 * and array.c task_statm). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include "internal.h"

/* The width of a line's fields before the name: seq_setwidth(m, 25 +
 * sizeof(void *) * 6 - 1) in Linux, 48 on 32-bit. */
#define MAPS_NAME_COLUMN (25 + 4 * 6 - 1)

/* Pad the line that began at @start to the name column, then a space
 * (Linux's seq_pad(m, ' ')). */
static void seq_pad(struct seq_file *m, size_t start)
{
	while (m->count - start < MAPS_NAME_COLUMN && !m->overflow)
		seq_putc(m, ' ');
	seq_putc(m, ' ');
}

/* A VMA as maps shows it, copied so that the file's name can be found
 * without mm->mmap_lock (d_path takes dcache_lock, which is taken before
 * mmap_lock when a readdir's copy to user space faults). */
struct map_line {
	unsigned long start, end, flags, pgoff;
	struct file *file; /* referenced */
	const char *name; /* [heap], [stack], a special mapping's ([vdso]) or NULL */
};

static void show_map_vma(struct seq_file *m, const struct map_line *l, char *buf)
{
	const struct path root = { .mnt = root_mnt, .dentry = root_mnt->mnt_root };
	unsigned long long pgoff = 0;
	unsigned long ino = 0;
	dev_t dev = 0;
	size_t start = m->count;
	const char *name = l->name;

	if (l->file) {
		struct inode *inode = file_inode(l->file);

		dev = inode->i_sb->s_dev;
		ino = inode->i_ino;
		pgoff = (unsigned long long)l->pgoff << PAGE_SHIFT;
	}
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ", l->start, l->end,
		   l->flags & VM_READ ? 'r' : '-', l->flags & VM_WRITE ? 'w' : '-',
		   l->flags & VM_EXEC ? 'x' : '-', l->flags & VM_MAYSHARE ? 's' : 'p', pgoff,
		   MAJOR(dev), MINOR(dev), ino);
	if (l->file) {
		int pos;

		spin_lock(&dcache_lock);
		pos = d_path(&l->file->f_path, &root, buf, PATH_MAX);
		spin_unlock(&dcache_lock);
		name = pos < 0 ? "" : buf + pos;
	}
	if (name) {
		seq_pad(m, start);
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

/* Run @show on @tgid's mm, referenced, with its mmap_lock held.
 * RETURNS: -ESRCH if the process is gone; 0 for a kernel thread. */
static int with_mm(struct seq_file *m, pid_t tgid,
		   int (*show)(struct seq_file *m, struct mm_struct *mm))
{
	struct task_struct *task;
	struct mm_struct *mm = NULL;
	unsigned long flags;
	int ret = 0;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	task = find_task_by_vpid(tgid);
	if (task) {
		spin_lock_irqsave(&task->alloc_lock, flags);
		mm = task->mm;
		if (mm)
			mmget(mm);
		spin_unlock_irqrestore(&task->alloc_lock, flags);
	}
	read_unlock(&tasklist_lock);
	if (!task)
		return -ESRCH;
	if (mm) {
		ret = show(m, mm);
		mmput(mm);
	}
	return ret;
}

static int maps_show_mm(struct seq_file *m, struct mm_struct *mm)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct vm_area_struct *vma;
	struct map_line *lines;
	int n = 0, i;

	spin_lock(&mm->mmap_lock);
	lines = kmalloc_array(mm->map_count ? mm->map_count : 1, sizeof(*lines), GFP_KERNEL);
	if (lines && buf) {
		list_for_each_entry(vma, &mm->mmap, vm_list) {
			struct map_line *l = &lines[n++];

			l->start = vma->vm_start;
			l->end = vma->vm_end;
			l->flags = vma->vm_flags;
			l->pgoff = vma->vm_pgoff;
			l->file = vma->vm_file ? get_file(vma->vm_file) : NULL;
			l->name = NULL;
			if (l->file)
				continue;
			if (vma->vm_ops && vma->vm_ops->name)
				l->name = vma->vm_ops->name(vma);
			else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
				l->name = "[heap]";
			else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
				l->name = "[stack]";
		}
	}
	spin_unlock(&mm->mmap_lock);
	for (i = 0; i < n; i++) {
		show_map_vma(m, &lines[i], buf);
		if (lines[i].file)
			fput(lines[i].file);
	}
	kfree(lines);
	kfree(buf);
	return lines && buf ? 0 : -ENOMEM;
}

int proc_pid_maps(struct seq_file *m, pid_t tgid)
{
	return with_mm(m, tgid, maps_show_mm);
}

/*
 * "size resident shared text lib data dt", in pages: size counts the
 * mappings, resident the pages mapped, data the private writable
 * mappings and the stack, text the code (lib and dt are 0 since Linux
 * 2.6; shared, the file pages among the resident, is not counted: 0).
 */
static int statm_show_mm(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long size = 0, data = 0, text;
	struct vm_area_struct *vma;

	spin_lock(&mm->mmap_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;

		size += pages;
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE ||
		    (vma->vm_flags & VM_STACK))
			data += pages;
	}
	text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", size, mm->total_vm, 0UL, text, data);
	spin_unlock(&mm->mmap_lock);
	return 0;
}

int proc_pid_statm(struct seq_file *m, pid_t tgid)
{
	return with_mm(m, tgid, statm_show_mm);
}
