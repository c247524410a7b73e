/* Memory barriers (Linux's arch/arm/include/asm/barrier.h).
 * ARMv7 is weakly ordered: another CPU may see our stores in any order
 * unless a DMB orders them (ARM ARM A3.8.3). Host unit tests use the
 * compiler's full fence so the pure code above them builds unchanged. */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#ifdef HOST_TEST
#define dsb() __sync_synchronize()
#define dmb() __sync_synchronize()
#define isb() __sync_synchronize()
#define smp_mb() __sync_synchronize()
#else
#define isb() __asm__ __volatile__("isb" ::: "memory")
#define dsb() __asm__ __volatile__("dsb sy" ::: "memory")
#define dmb() __asm__ __volatile__("dmb sy" ::: "memory")
#define smp_mb() __asm__ __volatile__("dmb ish" ::: "memory")
#endif
#define smp_rmb() smp_mb()
#define smp_wmb() smp_mb()

#endif
