/* Memory barriers (Linux's arch/arm/include/asm/barrier.h).
 * ARMv7 is weakly ordered: another CPU may see our stores in any order
 * unless a DMB orders them (ARM ARM A3.8.3). Host unit tests use the
 * compiler's full fence so the pure code above them builds unchanged. */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

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
/* Wait for an event (another CPU's SEV, an interrupt); signal one to every
 * CPU. A CPU that polls for another's store waits in WFE rather than
 * spinning: QEMU then runs the other virtual CPUs, silicon saves power. */
#define wfe() __asm__ __volatile__("wfe" ::: "memory")
#define sev() __asm__ __volatile__("sev" ::: "memory")
#endif
#define smp_rmb() smp_mb()
#define smp_wmb() smp_mb()

/* One-way barriers (Linux's asm-generic/barrier.h, which ARMv7 uses: it
 * has no load-acquire or store-release, so a full DMB on the right side).
 * smp_store_release: what was written before is visible before *p's new
 * value; smp_load_acquire: what is read after sees what was written
 * before the release that stored the value read. */
#define smp_store_release(p, v)     \
	do {                        \
		smp_mb();           \
		WRITE_ONCE(*(p), v); \
	} while (0)
#define smp_load_acquire(p)                              \
	({                                               \
		__typeof__(*(p)) ___p1 = READ_ONCE(*(p)); \
		smp_mb();                                \
		___p1;                                   \
	})

#endif
