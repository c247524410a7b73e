/* Interrupt numbers, handlers and their dispatch (Linux's include/linux/
 * interrupt.h and kernel/irq/, reduced to one flat table).
 *
 * Numbering: the BCM2836's per-core sources (timers, mailboxes, GPU, PMU)
 * are IRQ_LOCAL_BASE + their bit in the core's pending register; the BCM2835
 * controller's 64 GPU interrupts follow at IRQ_GPU_BASE. */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/types.h>
#include <asm/thread_info.h>

#define IRQ_LOCAL_BASE 16
#define IRQ_GPU_BASE 32
#define NR_IRQS (IRQ_GPU_BASE + 64)

typedef enum irqreturn { IRQ_NONE = 0, IRQ_HANDLED = 1 } irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

struct pt_regs;

/* Install handler for irq and unmask it at its controller.
 * RETURNS: 0, or -EINVAL / -EBUSY. */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev_id);

/* Run irq's handler, between the irq_handler_entry/exit tracepoints. */
void generic_handle_irq(unsigned int irq);

/* The interrupt controller's top-level handler, called by the exception
 * entry code with the interrupted registers (Linux's handle_arch_irq, the
 * irqchip's __exception_irq_entry function). */
void handle_arch_irq(struct pt_regs *regs);

/* Put a function among the interrupt entries that function_graph marks
 * (Linux's, include/linux/interrupt.h). */
#define __irq_entry __attribute__((__section__(".irqentry.text")))

/* Enter and leave hardirq context: preempt_count's HARDIRQ bits, which the
 * trace shows as the 'h' flag. */
void irq_enter(void);
void irq_exit(void);

#define HARDIRQ_OFFSET (1 << 16)
#define SOFTIRQ_OFFSET (1 << 8)
#define in_irq() (current_thread_info()->preempt_count & (0xf << 16))

/* The registers interrupted by the IRQ being handled on this CPU. */
struct pt_regs *get_irq_regs(void);
struct pt_regs *set_irq_regs(struct pt_regs *new_regs);

/* For /proc/interrupts and the self-tests (kernel/irq.c). */
unsigned long kstat_irqs_cpu(unsigned int irq, int cpu);
const char *irq_name(unsigned int irq);

/* Controller hooks used by request_irq (implemented by the BCM2835/6 drivers). */
void bcm2835_irq_unmask(unsigned int gpu_irq);
void bcm2836_local_irq_unmask(unsigned int local_irq);

#endif
