/* The lockup detector's interface (Linux's include/linux/nmi.h; the soft
 * lockup detector only: kernel/watchdog.c). */
#ifndef _LINUX_NMI_H
#define _LINUX_NMI_H

struct pt_regs;

/* Seconds: a CPU in the kernel for twice this without scheduling is
 * reported. 0 turns the detector off. Boot option watchdog_thresh=. */
extern int watchdog_thresh;

/* The CPU is making progress: from __schedule() serving a reschedule. */
void touch_softlockup_watchdog_sched(void);
/* The check, from each CPU's tick. CONTEXT: hardirq. */
void watchdog_tick(struct pt_regs *regs);

#endif
