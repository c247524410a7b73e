/* Loading an ELF32 ARM executable and its interpreter (Linux's
 * fs/binfmt_elf.c load_elf_binary, load_elf_interp, elf_map, set_brk and
 * create_elf_tables). kernel/fs/elf_parse.c has already checked every
 * header field and segment against the file and against user space; this
 * file maps the segments from the file (private, so copied on write),
 * zeroes and maps their bss, and builds Linux's initial stack:
 *	sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
 * above which lie the random bytes, the platform name and the strings.
 *
 * A dynamically linked program names its interpreter (PT_INTERP, ld.so):
 * both are mapped, the program at ELF_ET_DYN_BASE if it is position
 * independent, the interpreter where mmap() finds room, and the program
 * starts at the interpreter's entry point with AT_BASE telling it where it
 * is. Linux randomises those bases (ASLR); here they are fixed, so runs
 * repeat exactly. */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/elf.h>

void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp);
u32 get_random_u32(void);

/* Where a position-independent program with an interpreter goes: two
 * thirds of the way up the user address space (arch/arm's
 * ELF_ET_DYN_BASE), away from both the program break and mmap(). */
#define ELF_ET_DYN_BASE ((TASK_SIZE / 3 * 2) & PAGE_MASK)
#define USER_HZ 100

static unsigned long make_prot(u32 p_flags)
{
	return ((p_flags & PF_R) ? PROT_READ : 0) | ((p_flags & PF_W) ? PROT_WRITE : 0) |
	       ((p_flags & PF_X) ? PROT_EXEC : 0);
}

/* Copy @len bytes at @offset in @file to @addr in @mm. */
static int elf_read_to_mm(struct mm_struct *mm, struct file *file, unsigned long addr,
			  loff_t offset, size_t len)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	int ret = buf ? 0 : -ENOMEM;

	while (!ret && len) {
		size_t n = min(len, PAGE_SIZE);

		if (kernel_read(file, buf, n, &offset) != (ssize_t)n)
			ret = -EIO;
		else
			ret = copy_to_mm(mm, addr, buf, n);
		addr += n;
		len -= n;
	}
	kfree(buf);
	return ret;
}

/*
 * Map one PT_LOAD at @bias (Linux's elf_map, then the bss as set_brk and
 * padzero do): its file pages privately from the file, the rest of its
 * last file page zeroed if it has a bss or @pad says so, its remaining
 * bss anonymous. (ld.so's early malloc uses the zeroed rest of its page.) A page it shares
 * with the segment before (@prev, elf_parse allows it when their bytes do
 * not overlap) is made anonymous with both segments' permissions and
 * gets both segments' bytes: Linux maps over it and the earlier segment
 * loses its permissions there.
 */
static int elf_map(struct mm_struct *mm, struct file *file, unsigned long bias,
		   const struct elf_load_segment *seg, const struct elf_load_segment *prev,
		   bool pad)
{
	unsigned long start = bias + (seg->vaddr & PAGE_MASK);
	unsigned long file_end = bias + seg->vaddr + seg->filesz;
	unsigned long mem_end = bias + seg->vaddr + seg->memsz;
	unsigned long prot = make_prot(seg->flags);
	long ret = 0;

	if (prev && start < PAGE_ALIGN(bias + prev->vaddr + prev->memsz)) {
		unsigned long prev_from = max(bias + prev->vaddr, start);
		unsigned long prev_to = max(bias + prev->vaddr + prev->filesz, prev_from);

		ret = do_mmap_anon(mm, start, PAGE_SIZE, VM_MAY_ALL |
				   prot_to_vm_flags(prot | make_prot(prev->flags)));
		if (ret >= 0 && prev_to > prev_from)
			ret = elf_read_to_mm(mm, file, prev_from,
					     prev->offset + (prev_from - bias - prev->vaddr),
					     prev_to - prev_from);
		if (ret >= 0)
			ret = elf_read_to_mm(mm, file, bias + seg->vaddr, seg->offset,
					     min(file_end, start + PAGE_SIZE) - (bias + seg->vaddr));
		start += PAGE_SIZE;
	}
	if (ret >= 0 && start < PAGE_ALIGN(file_end))
		ret = do_mmap(mm, file, start, PAGE_ALIGN(file_end) - start, prot,
			      MAP_PRIVATE | MAP_FIXED,
			      (seg->offset >> PAGE_SHIFT) +
				      ((start - bias - (seg->vaddr & PAGE_MASK)) >> PAGE_SHIFT));
	if (ret >= 0 && (pad || mem_end > file_end) && file_end >= start &&
	    PAGE_ALIGN(file_end) > file_end)
		ret = copy_to_mm(mm, file_end, NULL, PAGE_ALIGN(file_end) - file_end);
	if (ret >= 0 && PAGE_ALIGN(mem_end) > max(start, PAGE_ALIGN(file_end)))
		ret = do_mmap(mm, NULL, max(start, PAGE_ALIGN(file_end)),
			      PAGE_ALIGN(mem_end) - max(start, PAGE_ALIGN(file_end)), prot,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	return ret < 0 ? ret : 0;
}

/*
 * Map every PT_LOAD of @info from @file. An ET_DYN goes at @*bias, or,
 * if that is 0, wherever mmap() finds room for all of it (Linux maps the
 * first segment with the total size for the same effect); an ET_EXEC at
 * its own addresses. The last page of an interpreter's (@interp) data is
 * zeroed past its bytes, as load_elf_interp's padzero does.
 * RETURNS: 0 (with @*bias set) or -errno. CONTEXT: mm->mmap_lock held.
 */
static int elf_map_segments(struct mm_struct *mm, struct file *file,
			    const struct elf_exec_info *info, unsigned long *bias, bool interp)
{
	unsigned int i;
	int ret = 0;

	if (info->type != ET_DYN) {
		*bias = 0;
	} else if (!*bias) {
		unsigned long first = info->loads[0].vaddr & PAGE_MASK;
		const struct elf_load_segment *last = &info->loads[info->nr_loads - 1];
		unsigned long addr = get_unmapped_area(mm, 0, last->vaddr + last->memsz - first);

		if (IS_ERR_VALUE(addr))
			return (long)addr;
		*bias = addr - first;
	} else {
		*bias -= info->loads[0].vaddr & PAGE_MASK;
	}
	for (i = 0; i < info->nr_loads && !ret; i++)
		ret = elf_map(mm, file, *bias, &info->loads[i], i ? &info->loads[i - 1] : NULL,
			      interp && i == info->nr_loads - 1);
	return ret;
}

/* Read the ELF header from bprm-like @buf and the program headers from
 * @file, and check both (Linux's load_elf_phdrs with elf_check_arch).
 * RETURNS: 0 or -errno; info->reason says why an ELF was refused. */
static int load_elf_headers(struct file *file, const void *buf, struct elf_exec_info *info)
{
	Elf32_Ehdr ehdr;
	loff_t size = file_inode(file)->i_size, pos;
	void *phdrs;
	int ret;

	memcpy(&ehdr, buf, sizeof(ehdr));
	if (size < (loff_t)sizeof(ehdr)) {
		memset(info, 0, sizeof(*info));
		info->reason = "shorter than an ELF header";
		return -ENOEXEC;
	}
	ret = elf_check_ehdr(&ehdr, size, info);
	if (ret)
		return ret;
	phdrs = kmalloc(ehdr.e_phnum * sizeof(Elf32_Phdr), GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	pos = ehdr.e_phoff;
	if (kernel_read(file, phdrs, ehdr.e_phnum * sizeof(Elf32_Phdr), &pos) !=
	    (ssize_t)(ehdr.e_phnum * sizeof(Elf32_Phdr)))
		ret = -EIO;
	else
		ret = elf_check_phdrs(&ehdr, phdrs, size, info);
	kfree(phdrs);
	return ret;
}

/*
 * Open and map the interpreter named by the program's PT_INTERP (Linux's
 * load_elf_interp). RETURNS: 0 with @*base (AT_BASE) and @*entry set, or
 * -errno. CONTEXT: takes mm->mmap_lock.
 */
static int load_elf_interp(struct linux_binprm *bprm, const struct elf_exec_info *exec,
			   unsigned long *base, unsigned long *entry)
{
	struct mm_struct *mm = bprm->mm;
	struct elf_exec_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	char *name = kmalloc(exec->interp_size, GFP_KERNEL);
	struct file *interpreter = NULL;
	char buf[sizeof(Elf32_Ehdr)];
	loff_t pos = exec->interp_offset;
	int ret = -ENOMEM;

	if (!info || !name)
		goto out;
	ret = -EIO;
	if (kernel_read(bprm->file, name, exec->interp_size, &pos) != (ssize_t)exec->interp_size)
		goto out;
	ret = -ENOEXEC;
	if (name[exec->interp_size - 1] != '\0')
		goto out;
	interpreter = open_exec(name);
	ret = PTR_ERR(interpreter);
	if (IS_ERR(interpreter)) {
		interpreter = NULL;
		goto out;
	}
	pos = 0;
	memset(buf, 0, sizeof(buf));
	kernel_read(interpreter, buf, sizeof(buf), &pos);
	ret = load_elf_headers(interpreter, buf, info);
	if (ret == -ENOEXEC) {
		/* Not an ELF interpreter, or not for this machine */
		pr_debug("%s: interpreter %s: %s\n", bprm->filename, name, info->reason);
		ret = -ELIBBAD;
	}
	if (ret)
		goto out;
	*base = 0;
	spin_lock(&mm->mmap_lock);
	ret = elf_map_segments(mm, interpreter, info, base, true);
	spin_unlock(&mm->mmap_lock);
	if (!ret) {
		*base += info->loads[0].vaddr & PAGE_MASK;
		*entry = info->entry + *base - (info->loads[0].vaddr & PAGE_MASK);
	}
out:
	if (interpreter)
		fput(interpreter);
	kfree(name);
	kfree(info);
	return ret;
}

static int put_word(struct mm_struct *mm, unsigned long *sp, unsigned long val)
{
	int ret = copy_to_mm(mm, *sp, &val, sizeof(val));

	*sp += sizeof(val);
	return ret;
}

static int create_elf_tables(struct linux_binprm *bprm, const struct elf_exec_info *info,
			     unsigned long load_bias, unsigned long interp_load_addr,
			     unsigned long *sp_out)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long p = bprm->p & ~15UL, u_platform, u_rand_bytes, sp, argp;
	u32 rand[4] = { get_random_u32(), get_random_u32(), get_random_u32(), get_random_u32() };
	const struct cred *cred = &current->cred;
	unsigned long auxv[] = {
		ARCH_DLINFO(mm),
		AT_HWCAP, ELF_HWCAP,
		AT_PAGESZ, PAGE_SIZE,
		AT_CLKTCK, USER_HZ,
		AT_PHDR, info->phdr_addr + load_bias,
		AT_PHENT, info->phent,
		AT_PHNUM, info->phnum,
		AT_BASE, interp_load_addr,
		AT_FLAGS, 0,
		AT_ENTRY, info->entry + load_bias,
		AT_UID, cred->uid,
		AT_EUID, cred->euid,
		AT_GID, cred->gid,
		AT_EGID, cred->egid,
		AT_SECURE, 0,
		AT_RANDOM, 0, /* filled below */
		AT_HWCAP2, ELF_HWCAP2,
		AT_EXECFN, bprm->exec,
		AT_PLATFORM, 0, /* filled below */
		AT_NULL, 0,
	};
	unsigned int i, items, list;
	int ret;

	p -= sizeof(ELF_PLATFORM);
	u_platform = p;
	ret = copy_to_mm(mm, u_platform, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	p -= sizeof(rand);
	u_rand_bytes = p;
	ret = ret ?: copy_to_mm(mm, u_rand_bytes, rand, sizeof(rand));
	for (i = 0; i < ARRAY_SIZE(auxv); i += 2) {
		if (auxv[i] == AT_RANDOM)
			auxv[i + 1] = u_rand_bytes;
		else if (auxv[i] == AT_PLATFORM)
			auxv[i + 1] = u_platform;
	}

	items = 1 + (bprm->argc + 1) + (bprm->envc + 1);
	sp = (p - items * sizeof(long) - sizeof(auxv)) & ~15UL;
	*sp_out = sp;

	/* argc, then the argv and envp pointers to the strings, each list
	 * ending in NULL. The strings lie in that order from bprm->p up. */
	ret = ret ?: put_word(mm, &sp, bprm->argc);
	/* Populate list of argv pointers back to argv strings, then of envp
	 * pointers; mm->arg_start..arg_end and env_start..env_end are where
	 * the strings lie (/proc/<pid>/cmdline and environ show them). */
	argp = mm->arg_start = mm->arg_end = bprm->p;
	for (list = 0; list < 2 && !ret; list++) {
		int n = list ? bprm->envc : bprm->argc;
		for (i = 0; i < (unsigned int)n && !ret; i++) {
			long len = strnlen_mm(mm, argp, MAX_ARG_STRLEN);
			if (len < 0)
				return -EFAULT;
			ret = put_word(mm, &sp, argp);
			argp += len + 1;
		}
		ret = ret ?: put_word(mm, &sp, 0);
		if (!list)
			mm->arg_end = mm->env_start = argp;
		else
			mm->env_end = argp;
	}
	ret = ret ?: copy_to_mm(mm, sp, auxv, sizeof(auxv));
	return ret;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	struct elf_exec_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	unsigned long sp, load_bias = 0, interp_load_addr = 0, entry;
	int retval;

	if (!info)
		return -ENOMEM;
	retval = load_elf_headers(bprm->file, bprm->buf, info);
	if (retval) {
		if (retval == -ENOEXEC)
			pr_debug("%s: not a runnable ELF: %s\n", bprm->filename, info->reason);
		goto out;
	}

	/* A position-independent program with an interpreter goes at
	 * ELF_ET_DYN_BASE; one without (static-pie, or ld.so run as a
	 * program) where mmap() finds room. */
	if (info->type == ET_DYN && info->interp_size)
		load_bias = ELF_ET_DYN_BASE;
	spin_lock(&mm->mmap_lock);
	retval = elf_map_segments(mm, bprm->file, info, &load_bias, false);
	if (!retval)
		retval = arch_setup_additional_pages(mm);
	mm->start_code = info->start_code + load_bias;
	mm->end_code = info->end_code + load_bias;
	mm->start_data = info->start_data + load_bias;
	mm->end_data = info->end_data + load_bias;
	mm->start_brk = mm->brk = info->start_brk + load_bias;
	mm->start_stack = bprm->p;
	spin_unlock(&mm->mmap_lock);
	entry = info->entry + load_bias;
	if (!retval && info->interp_size)
		retval = load_elf_interp(bprm, info, &interp_load_addr, &entry);
	spin_lock(&mm->mmap_lock);
	if (!retval)
		retval = create_elf_tables(bprm, info, load_bias, interp_load_addr, &sp);
	if (!retval)
		set_mm_exe_file(mm, bprm->file);
	spin_unlock(&mm->mmap_lock);
	if (retval)
		goto out;

	/* Point of no return: the old program is gone after this. */
	retval = flush_old_exec(bprm);
	if (retval)
		goto out;
	setup_new_exec(bprm);
	start_thread(task_pt_regs(current), entry, sp);
out:
	kfree(info);
	return retval;
}
