/* Per-CPU variables (Linux's include/linux/percpu-defs.h): here simply an
 * array indexed by CPU number. Each CPU writes only its own element, so no
 * lock is needed for it; false sharing of a cache line is the price of the
 * simplification (Linux gives each CPU its own area). */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/compiler.h>

#define NR_CPUS 4
#define L1_CACHE_BYTES 64
#define ____cacheline_aligned __aligned(L1_CACHE_BYTES)

#define DEFINE_PER_CPU(type, name) __typeof__(type) name##__percpu[NR_CPUS]
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name##__percpu[NR_CPUS]
#define per_cpu(name, cpu) (name##__percpu[(cpu)])
#define this_cpu_ptr(name) (&per_cpu(name, smp_processor_id()))

#endif
