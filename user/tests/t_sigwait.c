/* rt_sigtimedwait and rt_sigqueueinfo: waiting for blocked signals with
 * and without a timeout, the siginfo of kill and sigqueue, real-time
 * signals queued in order, lowest number first. */
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct timespec zero = { 0, 0 }, short_wait = { 0, 20 * 1000 * 1000 };
	union sigval v;
	siginfo_t info;
	sigset_t set;
	int sig, i, ok = 1;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGRTMIN + 1);
	sigprocmask(SIG_BLOCK, &set, NULL);

	CHECK_ERR(sigtimedwait(&set, &info, &zero), EAGAIN, "nothing pending, zero timeout -> EAGAIN");
	CHECK_ERR(sigtimedwait(&set, &info, &short_wait), EAGAIN, "20 ms timeout -> EAGAIN");

	kill(getpid(), SIGUSR1);
	memset(&info, 0, sizeof(info));
	CHECK_EQ(sigwaitinfo(&set, &info), SIGUSR1, "sigwaitinfo returns the pending signal");
	CHECK(info.si_signo == SIGUSR1 && info.si_code == SI_USER && info.si_pid == getpid(),
	      "siginfo of kill()");

	v.sival_int = 42;
	CHECK_EQ(sigqueue(getpid(), SIGRTMIN, v), 0, "sigqueue with a value");
	memset(&info, 0, sizeof(info));
	CHECK_EQ(sigtimedwait(&set, &info, &zero), SIGRTMIN, "sigtimedwait takes it");
	CHECK(info.si_code == SI_QUEUE && info.si_value.sival_int == 42 && info.si_pid == getpid(),
	      "siginfo of sigqueue: SI_QUEUE and the value");

	for (i = 0; i < 3; i++) {
		v.sival_int = i;
		sigqueue(getpid(), SIGRTMIN + 1, v);
		sigqueue(getpid(), SIGRTMIN, v);
	}
	for (i = 0; i < 6; i++) {
		int want_sig = i < 3 ? SIGRTMIN : SIGRTMIN + 1;

		memset(&info, 0, sizeof(info));
		ok &= sigtimedwait(&set, &info, &zero) == want_sig && info.si_value.sival_int == i % 3;
	}
	CHECK(ok, "real-time signals: lowest first, each queued in order");

	kill(getpid(), SIGUSR1);
	CHECK(sigwait(&set, &sig) == 0 && sig == SIGUSR1, "sigwait");
	CHECK_ERR(sigqueue(999999, SIGUSR1, v), ESRCH, "sigqueue to a missing pid -> ESRCH");
	return check_done("t_sigwait");
}
