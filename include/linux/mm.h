/* Address spaces: struct mm_struct, the virtual memory areas in it, and the
 * page-table and fault interface (Linux's include/linux/mm.h and
 * mm_types.h). A user address space is the 2 GiB below TASK_SIZE mapped by
 * the process's own first-level table in TTBR0, with 4 KiB pages. */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/memory.h>

/* vm_flags, Linux's values. */
#define VM_READ 0x00000001
#define VM_WRITE 0x00000002
#define VM_EXEC 0x00000004
#define VM_SHARED 0x00000008
#define VM_MAYREAD 0x00000010
#define VM_MAYWRITE 0x00000020
#define VM_MAYEXEC 0x00000040
#define VM_MAYSHARE 0x00000080
#define VM_GROWSDOWN 0x00000100
#define VM_STACK VM_GROWSDOWN
#define VM_DONTEXPAND 0x00040000 /* a special mapping: never merged or grown */
#define VM_SPECIAL VM_DONTEXPAND
/* What an anonymous mapping may later be mprotect()ed to. */
#define VM_MAY_ALL (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/* The pages the kernel maps into every process, at the very top: the
 * signal return trampolines (Linux's [sigpage]), then the vDSO's data page
 * ([vvar]) and its code ([vdso], one page; kernel/arm/vdso.c). Linux puts
 * the three at a random page between the stack and TASK_SIZE; here they
 * are fixed, so runs repeat exactly. */
#define SIGPAGE_ADDR (TASK_SIZE - 3 * PAGE_SIZE)
/* Top of the initial stack, and the room kept for it (RLIMIT_STACK's
 * default): where mmap() places mappings without a hint starts below. */
#define STACK_TOP SIGPAGE_ADDR
#define STACK_LIMIT (8UL << 20)
#define TASK_UNMAPPED_TOP (STACK_TOP - STACK_LIMIT - PAGE_SIZE)

#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)

typedef u32 pgd_t; /* first-level descriptor: a second-level table or nothing */
typedef u32 pte_t; /* second-level small-page descriptor */
/* What one first-level entry maps: 1 MiB in 256 pages (Linux ARM pairs
 * two entries, so its PMD_SIZE is 2 MiB). */
#define PMD_SHIFT 20
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define PTRS_PER_PTE 256

struct file;
struct vm_area_struct;

/* A fault on a page of a file mapping (Linux's struct vm_fault). */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned int flags; /* FAULT_FLAG_* */
	unsigned long pgoff; /* the page's index in the file */
	struct page *page; /* out: the file's page, with a reference for the caller */
};

/* What a file mapping does on a fault (Linux's vm_operations_struct). */
struct vm_operations_struct {
	/* Find (or make) the page at vmf->pgoff. RETURNS: 0 or VM_FAULT_*.
	 * CONTEXT: mm->mmap_lock held; must not sleep. */
	int (*fault)(struct vm_fault *vmf);
	/* The name /proc/<pid>/maps shows for it, or NULL (optional). */
	const char *(*name)(struct vm_area_struct *vma);
};

/* One contiguous range of an address space with the same permissions
 * (Linux's struct vm_area_struct; a sorted list instead of an rbtree).
 * A file mapping holds a reference on vm_file; vm_start maps the file's
 * page vm_pgoff. */
struct vm_area_struct {
	unsigned long vm_start, vm_end; /* [vm_start, vm_end) */
	unsigned long vm_flags;
	struct list_head vm_list; /* on mm->mmap, by address */
	struct mm_struct *vm_mm;
	unsigned long vm_pgoff; /* in pages */
	struct file *vm_file; /* NULL: anonymous memory */
	const struct vm_operations_struct *vm_ops;
	void *vm_private_data; /* a special mapping's vm_special_mapping */
};

struct mm_struct {
	pgd_t *pgd; /* 8 KiB first-level table for TTBR0 */
	struct list_head mmap; /* VMAs, sorted */
	int map_count;
	int mm_users; /* tasks using it (threads share it) */
	int mm_count; /* references, mm_users counting as one */
	spinlock_t mmap_lock; /* VMAs and page tables (Linux: mmap_sem + page_table_lock) */
	struct {
		u64 id; /* ASID in the low 8 bits, generation above */
		/* A bit per page of second-level tables, i.e. per 4 MiB of
		 * the 2 GiB: the pages pgd_free() has to free. */
		u32 pte_pages[TASK_SIZE >> 22 >> 5];
		unsigned long vdso; /* [vdso]'s address (AT_SYSINFO_EHDR), 0 if none */
	} context;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm; /* pages mapped */
	unsigned long flags; /* MMF_*: the dumpable bits (linux/sched/coredump.h) */
	struct file *exe_file; /* the program exec loaded: /proc/<pid>/exe */
};

extern struct mm_struct init_mm;

/* Allocation and reference counting of address spaces (kernel/fork.c). */
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
static inline void mmget(struct mm_struct *mm)
{
	__atomic_fetch_add(&mm->mm_users, 1, __ATOMIC_SEQ_CST);
}

/* VMAs (kernel/mm/mmap.c). CONTEXT: mm->mmap_lock held. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
extern unsigned long stack_guard_gap;
int expand_stack(struct vm_area_struct *vma, unsigned long address);
/* Map [addr, addr+len) with vm_flags, anonymous, replacing what was there.
 * RETURNS: addr or -ENOMEM. */
long do_mmap_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long vm_flags);
/* mmap() into @mm: @file (NULL for anonymous memory) from page @pgoff,
 * PROT_* @prot, MAP_* @flags, at @addr if MAP_FIXED (a hint otherwise).
 * RETURNS: the address, or -EACCES / -EINVAL / -ENODEV / -ENOMEM. */
long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
struct vm_area_struct *split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
				 unsigned long addr);
unsigned long prot_to_vm_flags(unsigned long prot);
/* A free range of len bytes for mmap(): @addr if that range is free,
 * else the highest gap below TASK_UNMAPPED_TOP. RETURNS: it or -ENOMEM. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len);
/* Set or replace mm->exe_file (Linux's set_mm_exe_file). */
void set_mm_exe_file(struct mm_struct *mm, struct file *new_exe_file);
void exit_mmap(struct mm_struct *mm);
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);
/* Pages the kernel provides to every process, named in /proc/<pid>/maps
 * (Linux's struct vm_special_mapping): @pages backs the mapping page by
 * page, each faulted in on first touch. */
struct vm_special_mapping {
	const char *name;
	struct page **pages;
};
/* Map @spec's pages at [addr, addr+len) in @mm with @vm_flags (Linux's
 * _install_special_mapping). RETURNS: the VMA, or an ERR_PTR. CONTEXT:
 * mm->mmap_lock held. */
struct vm_area_struct *_install_special_mapping(struct mm_struct *mm, unsigned long addr,
						unsigned long len, unsigned long vm_flags,
						const struct vm_special_mapping *spec);
/* Map the signal page and the vDSO into mm at exec (kernel/arm/process.c). */
int arch_setup_additional_pages(struct mm_struct *mm);
/* Unmap the kernel's linear map beyond the RAM we have (kernel/arm/pgtable.c). */
void trim_linear_map(unsigned long end_pa);
/* Map the vector page at 0xffff0000, user read-only and executable, in the
 * kernel's table that every process shares (kernel/arm/pgtable.c). */
void map_vectors_page(unsigned long pa);

/* Page tables (kernel/arm/pgtable.c). */
int pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm);
/* The PTE slot for addr; allocates the second-level table if alloc.
 * RETURNS: NULL if there is none (or no memory for one). */
pte_t *pte_offset(struct mm_struct *mm, unsigned long addr, bool alloc);
pte_t mk_pte(unsigned long pfn, unsigned long vm_flags);
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);
/* Clear the entry for @address and flush it from every CPU's TLB (Linux's
 * ptep_clear_flush: the "break" of break-before-make). RETURNS: the old
 * entry. CONTEXT: mm->mmap_lock held. */
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long address, pte_t *ptep);
#define pte_none(pte) ((pte) == 0)
#define pte_pfn(pte) ((pte) >> PAGE_SHIFT)
#define pte_write(pte) (!((pte)&PTE_APX))
pte_t pte_wrprotect(pte_t pte);
pte_t pte_mkwrite(pte_t pte);

/* Memory faults and copies (kernel/mm/memory.c). CONTEXT: mmap_lock held. */
#define FAULT_FLAG_WRITE 0x01
#define FAULT_FLAG_EXEC 0x02
#define VM_FAULT_OOM 0x0001
#define VM_FAULT_SIGBUS 0x0002
#define VM_FAULT_SIGSEGV 0x0040
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
void unmap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
/* Copy len bytes from kernel memory to addr in mm, mapping pages as
 * needed and breaking copy-on-write (exec uses it to build a new image
 * before switching to it); src NULL writes zeros. */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len);
long strnlen_mm(struct mm_struct *mm, unsigned long addr, long max);
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len);

/* TLB and cache maintenance (kernel/arm/tlbflush.c). */
void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_page(struct mm_struct *mm, unsigned long uaddr);
/* The pages of [start, end) in mm (Linux passes the VMA, for its mm). */
void flush_tlb_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void flush_tlb_kernel_all(void);
/* Make instructions written through the kernel's mapping of [start, end)
 * visible to instruction fetch on every CPU (Linux's flush_icache_range). */
void flush_icache_range(unsigned long start, unsigned long end);

#include <asm/pgtable-hwdef.h>

#endif
