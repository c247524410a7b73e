/* Private to user/lib: the kernel's 32-bit time records (Linux's
 * include/linux/time32.h old_timespec32/old_timeval32) and the conversions
 * to newlib's, whose time_t is 64-bit. */
#ifndef _USER_LIB_KERNEL_TIME_H
#define _USER_LIB_KERNEL_TIME_H

#include <sys/time.h>
#include <time.h>

struct old_timespec32 {
	long tv_sec;
	long tv_nsec;
};

struct old_timeval32 {
	long tv_sec;
	long tv_usec;
};

struct old_itimerval32 {
	struct old_timeval32 it_interval;
	struct old_timeval32 it_value;
};

/* struct rusage as the kernel writes it (include/uapi/linux/resource.h) */
struct old_rusage32 {
	struct old_timeval32 ru_utime;
	struct old_timeval32 ru_stime;
	long ru_rest[14];
};

static inline void timespec_to_old(struct old_timespec32 *k, const struct timespec *t)
{
	k->tv_sec = (long)t->tv_sec;
	k->tv_nsec = t->tv_nsec;
}

static inline void timespec_from_old(struct timespec *t, const struct old_timespec32 *k)
{
	t->tv_sec = k->tv_sec;
	t->tv_nsec = k->tv_nsec;
}

static inline void timeval_to_old(struct old_timeval32 *k, const struct timeval *t)
{
	k->tv_sec = (long)t->tv_sec;
	k->tv_usec = t->tv_usec;
}

static inline void timeval_from_old(struct timeval *t, const struct old_timeval32 *k)
{
	t->tv_sec = k->tv_sec;
	t->tv_usec = k->tv_usec;
}

#endif
