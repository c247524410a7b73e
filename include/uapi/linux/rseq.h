/* Restartable sequences: the area a thread registers with rseq(2) and the
 * critical section descriptors it points to (Linux 4.19's
 * include/uapi/linux/rseq.h; on 32-bit ARM, pointers sit in the low word of
 * their 64-bit fields). */
#ifndef _UAPI_LINUX_RSEQ_H
#define _UAPI_LINUX_RSEQ_H

#include <linux/types.h>

enum rseq_cpu_id_state {
	RSEQ_CPU_ID_UNINITIALIZED = -1,
	RSEQ_CPU_ID_REGISTRATION_FAILED = -2,
};

enum rseq_flags {
	RSEQ_FLAG_UNREGISTER = (1 << 0),
};

enum rseq_cs_flags_bit {
	RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT_BIT = 0,
	RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL_BIT = 1,
	RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE_BIT = 2,
};

enum rseq_cs_flags {
	RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT = (1U << RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT_BIT),
	RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL = (1U << RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL_BIT),
	RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE = (1U << RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE_BIT),
};

/* A critical section: [start_ip, start_ip + post_commit_offset), and where
 * to go if it is interrupted. The 32-bit word before abort_ip must be the
 * signature the thread registered. */
struct rseq_cs {
	u32 version; /* 0 */
	u32 flags; /* enum rseq_cs_flags */
	u64 start_ip;
	u64 post_commit_offset; /* from start_ip */
	u64 abort_ip;
} __attribute__((aligned(4 * sizeof(u64))));

/* The per-thread area: the kernel keeps cpu_id_start and cpu_id up to date
 * on every return to user space after a preemption, migration or signal;
 * user space points rseq_cs at the section it is in. */
struct rseq {
	u32 cpu_id_start;
	u32 cpu_id;
	union {
		u64 ptr64;
		struct {
			u32 ptr32;
			u32 padding; /* zero */
		} ptr;
	} rseq_cs;
	u32 flags; /* enum rseq_cs_flags, for every section of the thread */
} __attribute__((aligned(4 * sizeof(u64))));

#endif
