/* Multiprocessor support: starting CPUs, inter-processor interrupts and
 * cross-CPU function calls (Linux's include/linux/smp.h and
 * arch/arm/kernel/smp.c). */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/types.h>

struct pt_regs;
struct task_struct;

enum ipi_msg_type {
	IPI_WAKEUP,
	IPI_TIMER,
	IPI_RESCHEDULE,
	IPI_CALL_FUNC,
	IPI_CPU_STOP,
	IPI_IRQ_WORK,
	IPI_COMPLETION,
	NR_IPI
};

typedef void (*smp_call_func_t)(void *info);

/* One cross-CPU call waiting to run (Linux's struct __call_single_data). */
struct call_single_data {
	struct list_head llist;
	smp_call_func_t func;
	void *info;
	volatile int done;
};

#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)
#define num_online_cpus() cpumask_weight(cpu_online_mask)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)
#define for_each_online_cpu(cpu) \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) if (cpu_online(cpu))

/* What CPU 0 leaves for a starting CPU (Linux's struct secondary_data). */
struct secondary_data {
	void *stack;
	struct task_struct *task;
};
extern struct secondary_data secondary_data;

void smp_prepare_cpus(void);
void smp_init(void);
void handle_IPI(int ipinr, struct pt_regs *regs);
void smp_send_reschedule(int cpu);
void smp_send_stop(void);
void arch_send_call_function_single_ipi(int cpu);
/* Run func(info) on cpu (which may be this one), waiting for it to finish
 * if wait. CONTEXT: IRQs on unless cpu is this CPU. RETURNS: 0 or -ENXIO. */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
/* Queue csd->func(csd->info) to run on another online cpu, without waiting;
 * the caller keeps @csd untouched until the function has run.
 * RETURNS: 0 or -ENXIO. */
int smp_call_function_single_async(int cpu, struct call_single_data *csd);
/* The IPI counts for /proc/interrupts and the tests. */
unsigned long ipi_count(int cpu, int ipinr);
extern const char *const ipi_types[NR_IPI];

void bcm2836_arm_irqchip_send_ipi(unsigned int cpumask, unsigned int ipi);
void bcm2836_arm_irqchip_cpu_init(void);

#endif
