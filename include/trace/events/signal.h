/* The signal events' fields (Linux's include/trace/events/signal.h).
 * signal_generate fires at the end of __send_signal() and on its early
 * exits; signal_deliver in get_signal() after dequeue_signal(). */
#ifndef _TRACE_EVENTS_SIGNAL_H
#define _TRACE_EVENTS_SIGNAL_H

#include <linux/trace_events.h>

/* signal_generate's result (Linux's enum trace_sig_result). */
enum trace_sig_result {
	TRACE_SIGNAL_DELIVERED,
	TRACE_SIGNAL_IGNORED,
	TRACE_SIGNAL_ALREADY_PENDING,
	TRACE_SIGNAL_OVERFLOW_FAIL,
	TRACE_SIGNAL_LOSE_INFO,
};

struct trace_event_raw_signal_generate {
	int sig;
	int errno;
	int code;
	char comm[TASK_COMM_LEN]; /* the target's */
	pid_t pid;
	int group;
	int result; /* enum trace_sig_result */
};

struct trace_event_raw_signal_deliver {
	int sig;
	int errno;
	int code;
	u32 sa_handler; /* unsigned long on ARM */
	u32 sa_flags;
};

extern struct trace_event_call event_signal_generate;
extern struct trace_event_call event_signal_deliver;


/* The tracepoints: a disabled event costs a load and a branch at the call
 * site; the fields are filled out of line in kernel/trace/trace_points.c
 * (Linux's TP_fast_assign). */
struct task_struct;
struct siginfo;
struct k_sigaction;
void __trace_signal_generate(int sig, struct siginfo *info, struct task_struct *task, int group, int result);
void __trace_signal_deliver(int sig, struct siginfo *info, struct k_sigaction *ka);
static inline void trace_signal_generate(int sig, struct siginfo *info, struct task_struct *task, int group, int result)
{
	if (unlikely(event_signal_generate.enabled))
		__trace_signal_generate(sig, info, task, group, result);
}
static inline void trace_signal_deliver(int sig, struct siginfo *info, struct k_sigaction *ka)
{
	if (unlikely(event_signal_deliver.enabled))
		__trace_signal_deliver(sig, info, ka);
}

#endif
