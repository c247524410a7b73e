/* The OOM killer's interface (Linux's include/linux/oom.h): when memory
 * for a user page cannot be found, the process whose memory would free
 * the most is killed (kernel/mm/oom_kill.c). */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H

#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/signal.h>

/* /proc/<pid>/oom_score_adj's range; the minimum exempts a process. */
#define OOM_SCORE_ADJ_MIN (-1000)
#define OOM_SCORE_ADJ_MAX 1000

/* What out_of_memory() is asked and what it chose. */
struct oom_control {
	gfp_t gfp_mask;			/* of the allocation that failed */
	int order;			/* its size, 2^order pages */
	unsigned long totalpages;	/* RAM, for the scores */
	struct task_struct *chosen;	/* the victim, or (void *)-1 to wait for one */
	unsigned long chosen_points;
};

/* An OOM victim's group: killed, its memory not yet all given back. */
static inline bool tsk_is_oom_victim(struct task_struct *tsk)
{
	return tsk->signal->oom_mm != NULL;
}

/* An mm the OOM killer took for its victim's: exit_mmap marks it
 * MMF_OOM_SKIP once its pages are freed, and the next OOM may kill again. */
static inline bool mm_is_oom_victim(struct mm_struct *mm)
{
	return __atomic_load_n(&mm->flags, __ATOMIC_ACQUIRE) & (1UL << MMF_OOM_VICTIM);
}

unsigned long oom_badness(struct task_struct *p, unsigned long totalpages);
bool out_of_memory(struct oom_control *oc);
/* A page fault found no memory (VM_FAULT_OOM). */
void pagefault_out_of_memory(void);

#endif
