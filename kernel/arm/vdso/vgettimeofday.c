/* The vDSO's clock_gettime and gettimeofday: run in user space, they read
 * the tick's copy of the clock ([vvar], struct vdso_data) and the
 * generic timer's virtual counter, so no system call is made (Linux
 * 4.19's arch/arm/vdso/vgettimeofday.c, the same functions and steps).
 * CLOCK_REALTIME, CLOCK_MONOTONIC and their _COARSE variants are computed
 * here; any other clock, or a kernel whose clock is not the virtual
 * counter (vdso_data->tk_is_cntvct clear), goes to the system call.
 * Built as part of the vDSO shared object, not into the kernel. */
#include <linux/compiler.h>
#include <linux/syscalls.h>
#include <uapi/linux/time.h>
#include <uapi/asm/unistd.h>
#include <asm/barrier.h>
#include <asm/vdso_datapage.h>

#define NSEC_PER_SEC 1000000000L

typedef int clockid_t;

/* gettimeofday's second argument, as the C library declares it. */
struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

extern struct vdso_data *__get_datapage(void);

#define cpu_relax() barrier()

/* Add @ns to @a, carrying whole seconds without a 64-bit division, which
 * would need libgcc (Linux's timespec_add_ns and __iter_div_u64_rem). */
static __always_inline void timespec_add_ns(struct timespec *a, u64 ns)
{
	u32 sec = 0;

	ns += a->tv_nsec;
	while (ns >= NSEC_PER_SEC) {
		/* The following asm() prevents the compiler from
		 * optimising this loop into a modulo operation. */
		__asm__("" : "+rm"(ns));
		ns -= NSEC_PER_SEC;
		sec++;
	}
	a->tv_sec += sec;
	a->tv_nsec = ns;
}

static notrace u32 __vdso_read_begin(const struct vdso_data *vdata)
{
	u32 seq;
repeat:
	seq = READ_ONCE(vdata->seq_count);
	if (seq & 1) {
		cpu_relax();
		goto repeat;
	}
	return seq;
}

static notrace u32 vdso_read_begin(const struct vdso_data *vdata)
{
	u32 seq;

	seq = __vdso_read_begin(vdata);

	smp_rmb(); /* Pairs with smp_wmb in vdso_write_end */
	return seq;
}

static notrace int vdso_read_retry(const struct vdso_data *vdata, u32 start)
{
	smp_rmb(); /* Pairs with smp_wmb in vdso_write_begin */
	return vdata->seq_count != start;
}

static notrace long clock_gettime_fallback(clockid_t _clkid, struct timespec *_ts)
{
	register struct timespec *ts asm("r1") = _ts;
	register clockid_t clkid asm("r0") = _clkid;
	register long ret asm("r0");
	register long nr asm("r7") = __NR_clock_gettime;

	asm volatile("	swi #0\n" : "=r"(ret) : "r"(clkid), "r"(ts), "r"(nr) : "memory");

	return ret;
}

static notrace int do_realtime_coarse(struct timespec *ts, struct vdso_data *vdata)
{
	u32 seq;

	do {
		seq = vdso_read_begin(vdata);

		ts->tv_sec = vdata->xtime_coarse_sec;
		ts->tv_nsec = vdata->xtime_coarse_nsec;

	} while (vdso_read_retry(vdata, seq));

	return 0;
}

static notrace int do_monotonic_coarse(struct timespec *ts, struct vdso_data *vdata)
{
	struct timespec tomono;
	u32 seq;

	do {
		seq = vdso_read_begin(vdata);

		ts->tv_sec = vdata->xtime_coarse_sec;
		ts->tv_nsec = vdata->xtime_coarse_nsec;

		tomono.tv_sec = vdata->wtm_clock_sec;
		tomono.tv_nsec = vdata->wtm_clock_nsec;

	} while (vdso_read_retry(vdata, seq));

	ts->tv_sec += tomono.tv_sec;
	timespec_add_ns(ts, tomono.tv_nsec);

	return 0;
}

/* The virtual counter (CNTVCT), readable at PL0 because the kernel set
 * CNTKCTL.PL0VCTEN; the ISB keeps the read from being done early. */
static __always_inline u64 arch_counter_get_cntvct(void)
{
	u64 cval;

	isb();
	asm volatile("mrrc p15, 1, %Q0, %R0, c14" : "=r"(cval));
	return cval;
}

/* Nanoseconds since the tick's base: the counter's advance scaled by
 * mult, added to the base's shifted nanoseconds, then shifted down. */
static notrace u64 get_ns(struct vdso_data *vdata)
{
	u64 cycle_delta;
	u64 cycle_now;
	u64 nsec;

	cycle_now = arch_counter_get_cntvct();

	cycle_delta = (cycle_now - vdata->cs_cycle_last) & vdata->cs_mask;

	nsec = (cycle_delta * vdata->cs_mult) + vdata->xtime_clock_snsec;
	nsec >>= vdata->cs_shift;

	return nsec;
}

static notrace int do_realtime(struct timespec *ts, struct vdso_data *vdata)
{
	u64 nsecs;
	u32 seq;

	do {
		seq = vdso_read_begin(vdata);

		if (!vdata->tk_is_cntvct)
			return -1;

		ts->tv_sec = vdata->xtime_clock_sec;
		nsecs = get_ns(vdata);

	} while (vdso_read_retry(vdata, seq));

	ts->tv_nsec = 0;
	timespec_add_ns(ts, nsecs);

	return 0;
}

static notrace int do_monotonic(struct timespec *ts, struct vdso_data *vdata)
{
	struct timespec tomono;
	u64 nsecs;
	u32 seq;

	do {
		seq = vdso_read_begin(vdata);

		if (!vdata->tk_is_cntvct)
			return -1;

		ts->tv_sec = vdata->xtime_clock_sec;
		nsecs = get_ns(vdata);

		tomono.tv_sec = vdata->wtm_clock_sec;
		tomono.tv_nsec = vdata->wtm_clock_nsec;

	} while (vdso_read_retry(vdata, seq));

	ts->tv_sec += tomono.tv_sec;
	ts->tv_nsec = 0;
	timespec_add_ns(ts, nsecs + tomono.tv_nsec);

	return 0;
}

/* clock_gettime(2) for the C library: 0 with *ts set, or the system
 * call's result for the clocks computed only in the kernel. */
notrace int __vdso_clock_gettime(clockid_t clkid, struct timespec *ts)
{
	struct vdso_data *vdata;
	int ret = -1;

	vdata = __get_datapage();

	switch (clkid) {
	case CLOCK_REALTIME_COARSE:
		ret = do_realtime_coarse(ts, vdata);
		break;
	case CLOCK_MONOTONIC_COARSE:
		ret = do_monotonic_coarse(ts, vdata);
		break;
	case CLOCK_REALTIME:
		ret = do_realtime(ts, vdata);
		break;
	case CLOCK_MONOTONIC:
		ret = do_monotonic(ts, vdata);
		break;
	default:
		break;
	}

	if (ret)
		ret = clock_gettime_fallback(clkid, ts);

	return ret;
}

static notrace long gettimeofday_fallback(struct timeval *_tv, struct timezone *_tz)
{
	register struct timezone *tz asm("r1") = _tz;
	register struct timeval *tv asm("r0") = _tv;
	register long ret asm("r0");
	register long nr asm("r7") = __NR_gettimeofday;

	asm volatile("	swi #0\n" : "=r"(ret) : "r"(tv), "r"(tz), "r"(nr) : "memory");

	return ret;
}

/* gettimeofday(2) for the C library: CLOCK_REALTIME in microseconds. */
notrace int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	struct timespec ts;
	struct vdso_data *vdata;
	int ret;

	vdata = __get_datapage();

	ret = do_realtime(&ts, vdata);
	if (ret)
		return gettimeofday_fallback(tv, tz);

	if (tv) {
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	if (tz) {
		tz->tz_minuteswest = vdata->tz_minuteswest;
		tz->tz_dsttime = vdata->tz_dsttime;
	}

	return ret;
}

/* The unwind entry datapage.S's .fnstart makes refers to this personality
 * routine; nothing calls it (Linux defines pr0, pr1 and pr2 for the
 * references GCC's unwind tables make; only pr0 is referred to here). */
void __aeabi_unwind_cpp_pr0(void)
{
}
