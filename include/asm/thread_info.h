/* The thread_info at the base of every 8 KiB kernel stack
 * (Linux's arch/arm/include/asm/thread_info.h, 4.19, before THREAD_INFO_IN_TASK).
 * `current` is found by rounding sp down to THREAD_SIZE: no per-CPU register. */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#define THREAD_SIZE_ORDER 1
#define THREAD_SIZE 8192
/* Linux leaves 8 bytes above pt_regs at the top of the stack. */
#define THREAD_START_SP (THREAD_SIZE - 8)

/* thread_info field offsets for the assembly code (Linux's asm-offsets). */
#define TI_FLAGS 0
#define TI_PREEMPT 4
#define TI_TASK 8
#define TI_CPU 12
#define TI_CPU_SAVE 16
#define TI_SYSCALL 64
#define TI_TP_VALUE 68

/* Flags in thread_info->flags, Linux ARM's bit numbers. */
#define TIF_SIGPENDING 0 /* signal pending */
#define TIF_NEED_RESCHED 1 /* rescheduling necessary */
#define TIF_NOTIFY_RESUME 2 /* callback before returning to user */
#define TIF_SYSCALL_TRACEPOINT 6 /* raw_syscalls events are on */
#define TIF_MEMDIE 18
#define TIF_RESTORE_SIGMASK 20

#define _TIF_SIGPENDING (1 << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1 << TIF_NEED_RESCHED)
#define _TIF_NOTIFY_RESUME (1 << TIF_NOTIFY_RESUME)
#define _TIF_SYSCALL_TRACEPOINT (1 << TIF_SYSCALL_TRACEPOINT)
#define _TIF_RESTORE_SIGMASK (1 << TIF_RESTORE_SIGMASK)

/* Checked by ret_fast_syscall and ret_to_user before returning to user mode. */
#define _TIF_WORK_MASK (_TIF_NEED_RESCHED | _TIF_SIGPENDING | _TIF_NOTIFY_RESUME)
#define _TIF_SYSCALL_WORK (_TIF_SYSCALL_TRACEPOINT)

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <asm/fpstate.h>

struct task_struct;

/* Callee-saved registers of a task switched out by __switch_to. */
struct cpu_context_save {
	u32 r4, r5, r6, r7, r8, r9, sl, fp, sp, pc;
	u32 extra[2];
};

struct thread_info {
	unsigned long flags; /* TIF_* */
	int preempt_count; /* hardirq nesting; 0 in task context */
	struct task_struct *task;
	u32 cpu;
	struct cpu_context_save cpu_context;
	u32 syscall; /* the syscall being served, when traced (syscall_trace_enter) */
	unsigned long tp_value[2]; /* TLS registers: TPIDRURO, TPIDRURW (asm/tls.h) */
	union vfp_state vfpstate; /* the user VFP/NEON registers (kernel/arm/vfp) */
};

union thread_union {
	struct thread_info thread_info;
	unsigned long stack[THREAD_SIZE / sizeof(long)];
};

#ifndef HOST_TEST
/* The thread_info at the base of the current kernel stack. A macro, where
 * Linux has an inline function: an inlined body keeps its own file and
 * line, so gdb placed a breakpoint on a function that starts with
 * `current` (do_group_exit) in this header instead of the function.
 * Two instructions, as entry-header.S's get_thread_info (the compiler
 * makes sp & ~(THREAD_SIZE - 1) three); not volatile, so a function
 * computes it once: its stack does not change under it. */
#define current_thread_info()                                                     \
	({                                                                        \
		struct thread_info *__ti;                                         \
		__asm__("lsr %0, sp, %1\n\tlsl %0, %0, %1"                       \
			: "=r"(__ti) : "I"(__builtin_ctz(THREAD_SIZE)));          \
		__ti;                                                             \
	})
#else
/* The task the host tests pretend to run as (tests/host/fs_stubs.h). */
struct thread_info *current_thread_info(void);
#endif

#endif
#endif
