/* The vDSO's kernel side (Linux 4.19's arch/arm/kernel/vdso.c): check the
 * embedded image at boot, map its data page ([vvar], read-only) and code
 * ([vdso]) into every new program at exec, and publish the clock to the
 * data page from the tick (update_vsyscall). The user-space side is
 * kernel/arm/vdso/vgettimeofday.c. Simplified: there is no
 * update_vsyscall_tz, since nothing sets the time zone here (settimeofday
 * is not implemented): the data page's tz fields stay 0, as
 * sys_gettimeofday reports. */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/timekeeper_internal.h>
#include <asm/barrier.h>
#include <asm/vdso.h>
#include <asm/vdso_datapage.h>

#define MAX_SYMNAME 64

static struct page **vdso_text_pagelist;

/* Total number of pages needed for the data and text portions of the VDSO. */
static unsigned int vdso_total_pages;

/*
 * The VDSO data page.
 */
static union vdso_data_store vdso_data_store __aligned(PAGE_SIZE);
static struct vdso_data *vdso_data = &vdso_data_store.data;

static struct page *vdso_data_page;
static const struct vm_special_mapping vdso_data_mapping = {
	.name = "[vvar]",
	.pages = &vdso_data_page,
};

static struct vm_special_mapping vdso_text_mapping = {
	.name = "[vdso]",
};

struct elfinfo {
	Elf32_Ehdr *hdr;	/* ptr to ELF */
	Elf32_Sym *dynsym;	/* ptr to .dynsym section */
	unsigned long dynsymsize; /* size of .dynsym section */
	char *dynstr;		/* ptr to .dynstr section */
};

/* Cached result of boot-time check for whether the arch timer exists,
 * and if so, whether the virtual counter is useable.
 */
static bool cntvct_ok;

/*
 * May the vDSO read the virtual counter in place of the system call's
 * physical one? Only if the two agree, i.e. CNTVOFF is 0, which boot/head.S
 * sets when the kernel is entered in HYP mode and which a boot loader that
 * enters in SVC must have set. Linux trusts the device tree here (no
 * "arm,cpu-registers-not-fw-configured" on the timer node); this kernel,
 * often booted without one, reads both counters: CNTVCT first, so with
 * CNTVOFF 0 the physical count read after it is ahead by less than a tick.
 */
static bool cntvct_functional(void)
{
	u64 vct, pct;

	__asm__ __volatile__("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r"(vct));
	__asm__ __volatile__("isb\n\tmrrc p15, 0, %Q0, %R0, c14" : "=r"(pct));
	return pct - vct < arch_timer_rate / HZ;
}

/* The section of the image called @name, its size in @size if asked.
 * RETURNS: its address in the image, or NULL. */
static void *find_section(Elf32_Ehdr *ehdr, const char *name, unsigned long *size)
{
	Elf32_Shdr *sechdrs;
	unsigned int i;
	char *secnames;

	/* Grab section headers and strings so we can tell who is who */
	sechdrs = (void *)ehdr + ehdr->e_shoff;
	secnames = (void *)ehdr + sechdrs[ehdr->e_shstrndx].sh_offset;

	/* Find the section they want */
	for (i = 1; i < ehdr->e_shnum; i++) {
		if (strcmp(secnames + sechdrs[i].sh_name, name) == 0) {
			if (size)
				*size = sechdrs[i].sh_size;
			return (void *)ehdr + sechdrs[i].sh_offset;
		}
	}

	if (size)
		*size = 0;
	return NULL;
}

/* The dynamic symbol @symname, whatever its version (the part after '@'
 * is ignored). RETURNS: it, or NULL. */
static Elf32_Sym *find_symbol(struct elfinfo *lib, const char *symname)
{
	unsigned int i;

	for (i = 0; i < (lib->dynsymsize / sizeof(Elf32_Sym)); i++) {
		char name[MAX_SYMNAME], *c;

		if (lib->dynsym[i].st_name == 0)
			continue;
		strlcpy(name, lib->dynstr + lib->dynsym[i].st_name, MAX_SYMNAME);
		c = strchr(name, '@');
		if (c)
			*c = 0;
		if (strcmp(symname, name) == 0)
			return &lib->dynsym[i];
	}
	return NULL;
}

/* Hide @symname from the dynamic linker by emptying its name. */
static void vdso_nullpatch_one(struct elfinfo *lib, const char *symname)
{
	Elf32_Sym *sym;

	sym = find_symbol(lib, symname);
	if (!sym)
		return;

	sym->st_name = 0;
}

/* Adjust the image to what this machine offers, before any exec maps it. */
static void patch_vdso(void *ehdr)
{
	struct elfinfo einfo;

	einfo = (struct elfinfo){
		.hdr = ehdr,
	};

	einfo.dynsym = find_section(einfo.hdr, ".dynsym", &einfo.dynsymsize);
	einfo.dynstr = find_section(einfo.hdr, ".dynstr", NULL);

	/* If the virtual counter is absent or non-functional we don't
	 * want programs to incur the slight additional overhead of
	 * dispatching through the VDSO only to fall back to syscalls.
	 */
	if (!cntvct_ok) {
		vdso_nullpatch_one(&einfo, "__vdso_gettimeofday");
		vdso_nullpatch_one(&einfo, "__vdso_clock_gettime");
	}
}

/*
 * Check that the embedded image is an ELF object that fits the pages
 * reserved for it at the top of user space, and list its pages. Without
 * it exec maps no vDSO and AT_SYSINFO_EHDR is 0: programs then make
 * system calls. Its pages are the kernel image's own (reserved, never
 * freed), referenced by every mapping of them.
 */
void vdso_init(void)
{
	unsigned int text_pages;
	unsigned int i;

	if (memcmp(vdso_start, "\177ELF", 4)) {
		pr_err("VDSO is not a valid ELF object!\n");
		return;
	}

	text_pages = (vdso_end - vdso_start) >> PAGE_SHIFT;
	if (SIGPAGE_ADDR + (2 + text_pages) * PAGE_SIZE > TASK_SIZE) {
		pr_err("vdso: %u text pages do not fit below TASK_SIZE\n", text_pages);
		return;
	}
	pr_debug("vdso: %i text pages at base %p\n", text_pages, vdso_start);

	/* Allocate the VDSO text pagelist */
	vdso_text_pagelist = kcalloc(text_pages, sizeof(struct page *), GFP_KERNEL);
	if (vdso_text_pagelist == NULL)
		return;

	/* Grab the VDSO data page. */
	vdso_data_page = virt_to_page(vdso_data);

	/* Grab the VDSO text pages. */
	for (i = 0; i < text_pages; i++)
		vdso_text_pagelist[i] = virt_to_page(vdso_start + i * PAGE_SIZE);

	vdso_text_mapping.pages = vdso_text_pagelist;

	vdso_total_pages = 1; /* for the data/vvar page */
	vdso_total_pages += text_pages;

	cntvct_ok = cntvct_functional();

	patch_vdso(vdso_start);
}

/* Map the data page read-only at @addr. RETURNS: 0 or -errno. */
static int install_vvar(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	vma = _install_special_mapping(mm, addr, PAGE_SIZE, VM_READ | VM_MAYREAD,
				       &vdso_data_mapping);

	return IS_ERR(vma) ? PTR_ERR(vma) : 0;
}

/* assumes mmap_lock is held */
void arm_install_vdso(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	unsigned long len;

	mm->context.vdso = 0;

	if (vdso_text_pagelist == NULL)
		return;

	if (install_vvar(mm, addr))
		return;

	/* Account for vvar page. */
	addr += PAGE_SIZE;
	len = (vdso_total_pages - 1) << PAGE_SHIFT;

	vma = _install_special_mapping(mm, addr, len,
				       VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC,
				       &vdso_text_mapping);

	if (!IS_ERR(vma))
		mm->context.vdso = addr;
}

static void vdso_write_begin(struct vdso_data *vdata)
{
	++vdso_data->seq_count;
	smp_wmb(); /* Pairs with smp_rmb in vdso_read_retry */
}

static void vdso_write_end(struct vdso_data *vdata)
{
	smp_wmb(); /* Pairs with smp_rmb in vdso_read_begin */
	++vdso_data->seq_count;
}

static bool tk_is_cntvct(const struct timekeeper *tk)
{
	if (strcmp(tk->tkr_mono.clock->name, "arch_sys_counter") != 0)
		return false;

	return true;
}

/**
 * update_vsyscall - update the vdso data page
 *
 * Increment the sequence counter, making it odd, indicating to
 * userspace that an update is in progress.  Update the fields used
 * for coarse clocks and, if the architected system timer is in use,
 * the fields used for high precision clocks.  Increment the sequence
 * counter again, making it even, indicating to userspace that the
 * update is finished.
 *
 * Userspace is expected to sample seq_count before reading any other
 * fields from the data page.  If seq_count is odd, userspace is
 * expected to wait until it becomes even.  After copying data from
 * the page, userspace must sample seq_count again; if it has changed
 * from its previous value, userspace must retry the whole sequence.
 *
 * Calls to update_vsyscall are serialized by the timekeeping core (here:
 * only the tick CPU calls it). Linux then flushes the page from the data
 * cache for CPUs whose cache may alias; the Cortex-A7's does not.
 */
void update_vsyscall(struct timekeeper *tk)
{
	struct timespec64 xtime_coarse;
	struct timespec *wtm = &tk->wall_to_monotonic;

	if (!cntvct_ok) {
		/* The entry points have been zeroed, so there is no
		 * point in updating the data page.
		 */
		return;
	}

	vdso_write_begin(vdso_data);

	xtime_coarse = tk_xtime(tk);
	vdso_data->tk_is_cntvct = tk_is_cntvct(tk);
	vdso_data->xtime_coarse_sec = xtime_coarse.tv_sec;
	vdso_data->xtime_coarse_nsec = xtime_coarse.tv_nsec;
	vdso_data->wtm_clock_sec = wtm->tv_sec;
	vdso_data->wtm_clock_nsec = wtm->tv_nsec;

	if (vdso_data->tk_is_cntvct) {
		vdso_data->cs_cycle_last = tk->tkr_mono.cycle_last;
		vdso_data->xtime_clock_sec = tk->xtime_sec;
		vdso_data->xtime_clock_snsec = tk->tkr_mono.xtime_nsec;
		vdso_data->cs_mult = tk->tkr_mono.mult;
		vdso_data->cs_shift = tk->tkr_mono.shift;
		vdso_data->cs_mask = tk->tkr_mono.mask;
	}

	vdso_write_end(vdso_data);
}
