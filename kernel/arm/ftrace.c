/* Patching the mcount call sites and hooking returns (Linux's
 * arch/arm/kernel/ftrace.c, with __patch_text of patch.c and
 * arm_gen_branch of insn.c).
 *
 * Cross-modifying code on SMP (ARM ARM A3.5.4, B2.2.7): another CPU may
 * only be executing a modified instruction concurrently if both the old
 * and the new one are B, BL, NOP or a few others, and `pop {lr}` is not
 * one of them. So, as Linux does, every change is made under
 * stop_machine(), with the other CPUs waiting in notrace code; each
 * written word is cleaned to the point of unification (DCCMVAU), then the
 * I-caches and branch predictors of every CPU are invalidated (ICIALLUIS,
 * BPIALLIS, broadcast in the Inner Shareable domain) after a DSB, and
 * each CPU executes an ISB before it runs kernel code again. The kernel
 * text is mapped writable (no STRICT_KERNEL_RWX here), so there is no
 * alias to map, unlike Linux's patch_map.
 *
 * A call site is two words, `push {lr}; bl __gnu_mcount_nc`. Linux
 * disables one by making the bl a `pop {lr}`, which costs two
 * instructions per call. Here the push also becomes `b` over the pair, so
 * a disabled site costs one instruction; the `pop {lr}` stays, for a CPU
 * that stop_machine() caught between the two words of an enabled site. */
#include <linux/errno.h>
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/stop_machine.h>
#include <asm/barrier.h>

#define PUSH_LR 0xe52de004 /* push {lr}: the first word of a call site */
#define NOP 0xe8bd4000 /* pop {lr}: undoes the call site's push {lr} */
#define B_OVER 0xea000000 /* b .+8: over the call site's second word */
#define MOV_R0_R0 0xe1a00000 /* ftrace_graph_call while function_graph is off */

/* "b @addr" or "bl @addr" at @pc (Linux's __arm_gen_branch, ARM only). */
static unsigned long arm_gen_branch(unsigned long pc, unsigned long addr, bool link)
{
	long offset = (long)addr - (long)(pc + 8);

	if (unlikely(offset < -33554432 || offset > 33554428 || (offset & 3)))
		return 0;
	return (link ? 0xeb000000 : 0xea000000) | (((unsigned long)offset >> 2) & 0x00ffffff);
}

/* Store @insn at @addr and clean its line to the point of unification;
 * ftrace_sync_icache() publishes it to instruction fetch. */
static void __patch_text(void *addr, unsigned long insn)
{
	WRITE_ONCE(*(u32 *)addr, insn);
	__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r"(addr) : "memory"); /* DCCMVAU */
}

void ftrace_sync_icache(void)
{
	__asm__ __volatile__("dsb ish\n\t"
			     "mcr p15, 0, %0, c7, c1, 0\n\t" /* ICIALLUIS */
			     "mcr p15, 0, %0, c7, c1, 6\n\t" /* BPIALLIS */
			     "dsb ish\n\t"
			     "isb"
			     : : "r"(0) : "memory");
}

/* Replace @old by @new at @pc, checking @old is there if @validate.
 * RETURNS: 0, or -EINVAL if the code is not what we patched it to. */
static int ftrace_modify_code(unsigned long pc, unsigned long old, unsigned long new,
				      bool validate)
{
	if (!new)
		return -EINVAL;
	if (validate && READ_ONCE(*(u32 *)pc) != old)
		return -EINVAL;
	__patch_text((void *)pc, new);
	return 0;
}

int ftrace_update_ftrace_func(ftrace_func_t func)
{
	unsigned long pc = (unsigned long)ftrace_call;

	return ftrace_modify_code(pc, 0, arm_gen_branch(pc, (unsigned long)func, true), false);
}

/* rec->ip is the site's second word: the bl, or the pop {lr} of a disabled site. */
int ftrace_make_call(struct dyn_ftrace *rec, unsigned long addr)
{
	unsigned long push = rec->ip - MCOUNT_INSN_SIZE;

	if (READ_ONCE(*(u32 *)push) != B_OVER)
		return -EINVAL;
	return ftrace_modify_code(rec->ip, NOP, arm_gen_branch(rec->ip, addr, true), true) ?:
	       ftrace_modify_code(push, B_OVER, PUSH_LR, false);
}

int ftrace_make_nop(struct dyn_ftrace *rec, unsigned long addr)
{
	unsigned long push = rec->ip - MCOUNT_INSN_SIZE;

	if (READ_ONCE(*(u32 *)push) != PUSH_LR)
		return -EINVAL;
	return ftrace_modify_code(rec->ip, arm_gen_branch(rec->ip, addr, true), NOP, true) ?:
	       ftrace_modify_code(push, PUSH_LR, B_OVER, false);
}

static int __ftrace_modify_caller(bool enable)
{
	unsigned long pc = (unsigned long)ftrace_graph_call;
	unsigned long branch = arm_gen_branch(pc, (unsigned long)ftrace_graph_caller, false);

	return ftrace_modify_code(pc, enable ? MOV_R0_R0 : branch, enable ? branch : MOV_R0_R0, true);
}

int ftrace_enable_ftrace_graph_caller(void)
{
	return __ftrace_modify_caller(true);
}

int ftrace_disable_ftrace_graph_caller(void)
{
	return __ftrace_modify_caller(false);
}

static int __ftrace_modify_code(void *data)
{
	ftrace_modify_all_code(*(int *)data);
	ftrace_sync_icache();
	return 0;
}

void arch_ftrace_update_code(int command)
{
	stop_machine(__ftrace_modify_code, &command);
}

/*
 * prepare_ftrace_return - called from ftrace_graph_caller on entry to a
 * traced function: make it return to return_to_handler, unless the graph
 * tracer does not want it
 * @parent: where the function saved its return address (in its frame record)
 * @self_addr: its call site
 * @frame_pointer: the fp it will return with, checked on return
 */
void prepare_ftrace_return(unsigned long *parent, unsigned long self_addr,
				   unsigned long frame_pointer)
{
	unsigned long return_hooker = (unsigned long)return_to_handler;
	struct ftrace_graph_ent trace;
	unsigned long old;
	int err;

	old = *parent;
	*parent = return_hooker;

	trace.func = self_addr;
	trace.depth = current->curr_ret_stack + 1;

	/* Only trace if the calling function expects to */
	if (!ftrace_graph_entry(&trace)) {
		*parent = old;
		return;
	}

	err = ftrace_push_return_trace(old, self_addr, &trace.depth, frame_pointer);
	if (err == -EBUSY)
		*parent = old;
}
