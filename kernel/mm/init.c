/* Handing physical memory to the page allocator at boot (Linux's
 * arch/arm/mm/init.c and mm/nobootmem.c, for one bank starting at 0).
 * Everything from physical 0 to the end of the kernel image stays
 * reserved (the boot loader's ATAGs and stub live below 0x8000); the
 * array of struct page follows the image; the initrd is reserved until it
 * has been unpacked; the rest is free. */
#include <linux/bootinfo.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>

extern struct boot_info boot_info;
extern char _text[], _etext[], _edata[], __bss_start[], __bss_stop[], _end[];

void bad_page(struct page *page, const char *reason)
{
	pr_alert("BUG: Bad page state: pfn %lx: %s\n",
		 page ? page_to_pfn(page) : 0UL, reason);
	dump_stack();
}

/* Is the initrd entirely inside free RAM? Otherwise ignore it, as Linux
 * does ("initrd overlaps in-use memory region - disabling initrd"). */
static bool initrd_usable(unsigned long free_start_pa, unsigned long end_pa)
{
	u32 start = boot_info.initrd_start, size = boot_info.initrd_size;

	if (!size)
		return false;
	if (start < free_start_pa || start + size > end_pa || start + size < start) {
		pr_err("INITRD: 0x%08x+0x%08x overlaps in-use memory region - disabling initrd\n",
		       start, size);
		boot_info.initrd_size = 0;
		return false;
	}
	return true;
}

/* Hand memory to the page allocator (Linux's arm mem_init ->
 * free_all_bootmem): the map of struct page, then what the kernel keeps
 * reserved (the image, its map, the initrd), then the rest, as whole
 * blocks of up to 4 MiB. */
void mem_init(void)
{
	unsigned long end_pa = boot_info.mem_start + boot_info.mem_size;
	unsigned long end_pfn = end_pa >> PAGE_SHIFT;
	struct page *map = (struct page *)PAGE_ALIGN((unsigned long)_end);
	unsigned long free_start = PAGE_ALIGN((unsigned long)(map + end_pfn));
	unsigned long free_pfn = __pa(free_start) >> PAGE_SHIFT;
	unsigned long freed;

	if (__pa(free_start) >= end_pa)
		panic("Memory: %lu MiB is too small for the kernel", end_pa >> 20);
	trim_linear_map(end_pa);
	free_area_init(map, 0, end_pfn);
	reserve_bootmem_region(0, free_pfn);
	if (initrd_usable(__pa(free_start), end_pa)) {
		unsigned long is = boot_info.initrd_start >> PAGE_SHIFT;
		unsigned long ie = DIV_ROUND_UP(boot_info.initrd_start + boot_info.initrd_size,
						PAGE_SIZE);

		reserve_bootmem_region(is, ie);
		freed = __free_pages_memory(free_pfn, is) + __free_pages_memory(ie, end_pfn);
	} else {
		freed = __free_pages_memory(free_pfn, end_pfn);
	}
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK bss, "
		"%luK mem_map, %luK reserved)\n",
		freed << (PAGE_SHIFT - 10), end_pa >> 10,
		(unsigned long)(_etext - _text) >> 10, (unsigned long)(_edata - _etext) >> 10,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		(free_start - (unsigned long)map) >> 10,
		((end_pfn - freed) << (PAGE_SHIFT - 10)));
}

/* The initrd's pages, partial ones at either end included (they hold
 * nothing else: mem_init reserved them whole), as Linux's ARM
 * free_initrd_mem rounds outwards. */
void free_initrd_mem(void)
{
	unsigned long start = (unsigned long)__va(boot_info.initrd_start);
	unsigned long end = start + boot_info.initrd_size;
	unsigned long freed = free_reserved_area((void *)(start & PAGE_MASK),
						 (void *)PAGE_ALIGN(end), -1);

	pr_info("Freeing initrd memory: %luK\n", freed << (PAGE_SHIFT - 10));
}
