/* Loading a static ELF32 ARM executable (Linux's fs/binfmt_elf.c
 * load_elf_binary and create_elf_tables). kernel/fs/elf_parse.c has
 * already checked every header field and segment against the file and
 * against user space; this file maps the segments, copies their bytes,
 * and builds Linux's initial stack:
 *	sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
 * above which lie the random bytes, the platform name and the strings. */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/elf.h>

void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp);
u32 get_random_u32(void);

#define USER_HZ 100

static unsigned long make_prot(u32 p_flags)
{
	return ((p_flags & PF_R) ? VM_READ : 0) | ((p_flags & PF_W) ? VM_WRITE : 0) |
	       ((p_flags & PF_X) ? VM_EXEC : 0);
}

/* Map every PT_LOAD. Two segments may share a page (elf_parse allows
 * it when their bytes do not overlap): that page gets both permissions. */
static int elf_map_segments(struct mm_struct *mm, const struct elf_exec_info *info)
{
	unsigned long prev_end = 0, prev_prot = 0;
	unsigned int i;
	long ret = 0;

	for (i = 0; i < info->nr_loads && ret >= 0; i++) {
		const struct elf_load_segment *seg = &info->loads[i];
		unsigned long start = seg->vaddr & PAGE_MASK;
		unsigned long end = PAGE_ALIGN(seg->vaddr + seg->memsz);
		unsigned long prot = make_prot(seg->flags);

		if (start < prev_end) {
			ret = do_mmap_anon(mm, start, PAGE_SIZE, prot | prev_prot);
			start += PAGE_SIZE;
		}
		if (ret >= 0 && start < end)
			ret = do_mmap_anon(mm, start, end - start, prot);
		prev_end = end;
		prev_prot = prot;
	}
	return ret < 0 ? ret : 0;
}

static int put_word(struct mm_struct *mm, unsigned long *sp, unsigned long val)
{
	int ret = copy_to_mm(mm, *sp, &val, sizeof(val));

	*sp += sizeof(val);
	return ret;
}

static int create_elf_tables(struct linux_binprm *bprm, const struct elf_exec_info *info,
			     unsigned long *sp_out)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long p = bprm->p & ~15UL, u_platform, u_rand_bytes, sp, argp;
	u32 rand[4] = { get_random_u32(), get_random_u32(), get_random_u32(), get_random_u32() };
	const struct cred *cred = &current->cred;
	unsigned long auxv[] = {
		AT_HWCAP, ELF_HWCAP,
		AT_PAGESZ, PAGE_SIZE,
		AT_CLKTCK, USER_HZ,
		AT_PHDR, info->phdr_addr,
		AT_PHENT, info->phent,
		AT_PHNUM, info->phnum,
		AT_BASE, 0,
		AT_FLAGS, 0,
		AT_ENTRY, info->entry,
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
	argp = bprm->p;
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
	}
	ret = ret ?: copy_to_mm(mm, sp, auxv, sizeof(auxv));
	return ret;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	struct elf_exec_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	unsigned long sp;
	unsigned int i;
	int retval;

	if (!info)
		return -ENOMEM;
	retval = elf_check_exec(bprm->buf, bprm->size, info);
	if (retval) {
		pr_debug("%s: not a runnable ELF: %s\n", bprm->filename, info->reason);
		goto out;
	}

	spin_lock(&mm->mmap_lock);
	retval = elf_map_segments(mm, info);
	for (i = 0; !retval && i < info->nr_loads; i++) {
		const struct elf_load_segment *seg = &info->loads[i];
		retval = copy_to_mm(mm, seg->vaddr, (const char *)bprm->buf + seg->offset,
				    seg->filesz);
	}
	if (!retval)
		retval = arch_setup_additional_pages(mm);
	mm->start_code = info->start_code;
	mm->end_code = info->end_code;
	mm->start_data = info->start_data;
	mm->end_data = info->end_data;
	mm->start_brk = mm->brk = info->start_brk;
	mm->start_stack = bprm->p;
	if (!retval)
		retval = create_elf_tables(bprm, info, &sp);
	spin_unlock(&mm->mmap_lock);
	if (retval)
		goto out;

	/* Point of no return: the old program is gone after this. */
	retval = flush_old_exec(bprm);
	if (retval)
		goto out;
	setup_new_exec(bprm);
	start_thread(task_pt_regs(current), info->entry, sp);
out:
	kfree(info);
	return retval;
}
