/* The nop tracer (Linux's kernel/trace/trace_nop.c): the current tracer
 * when no other is (trace events are recorded whatever the tracer), with
 * Linux's two test options: setting test_nop_accept succeeds, setting
 * test_nop_refuse fails with -EINVAL, to show how a tracer vets its options. */
#include <linux/errno.h>
#include <linux/printk.h>
#include "trace.h"

enum {
	TRACE_NOP_OPT_ACCEPT = 0x1,
	TRACE_NOP_OPT_REFUSE = 0x2,
};

static struct tracer_opt nop_opts[] = {
	{ TRACER_OPT(test_nop_accept, TRACE_NOP_OPT_ACCEPT) },
	{ TRACER_OPT(test_nop_refuse, TRACE_NOP_OPT_REFUSE) },
	{ }
};

static struct tracer_flags nop_flags = {
	.val = 0,
	.opts = nop_opts,
};

static int nop_set_flag(struct trace_array *tr, u32 old_flags, u32 bit, int set)
{
	if (bit == TRACE_NOP_OPT_ACCEPT) {
		printk(KERN_DEBUG "nop_test_accept flag set to %d: we accept."
		       " Now cat trace_options to see the result\n", set);
		return 0;
	}
	if (bit == TRACE_NOP_OPT_REFUSE) {
		printk(KERN_DEBUG "nop_test_refuse flag set to %d: we refuse."
		       " Now cat trace_options to see the result\n", set);
		return -EINVAL;
	}
	return 0;
}

struct tracer nop_trace = {
	.name = "nop",
	.flags = &nop_flags,
	.set_flag = nop_set_flag,
};
