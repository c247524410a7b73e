/* What an ordinary POSIX program does with glibc, one line per result:
 * fork/exec/wait, sigaction with SA_SIGINFO, pthreads (create, join,
 * mutex, condition variable, pthread_kill, a robust mutex whose owner
 * dies), select and poll on a pipe, a file mapped and read back, a
 * 100 MiB malloc touched page by page, and libc calls that need no
 * network. The output is the same on Linux (make test-linux). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_sig, got_code, got_from_self;

static void on_usr1(int sig, siginfo_t *info, void *uc)
{
	got_sig = sig;
	got_code = info->si_code;
	got_from_self = info->si_pid == getpid();
}

static void test_processes(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execl("/glibc/armhf/true-not-there", "x", (char *)NULL);
		_exit(errno == ENOENT ? 7 : 8);
	}
	waitpid(pid, &status, 0);
	printf("fork, failed exec, exit: %d\n", WEXITSTATUS(status));
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exit 3", (char *)NULL);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	printf("fork, exec /bin/sh -c 'exit 3': %d\n", WEXITSTATUS(status));
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	printf("killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static void test_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("SA_SIGINFO: sig %d, si_code %s, from self %d\n", (int)got_sig,
	       got_code == SI_TKILL ? "SI_TKILL" : got_code == SI_USER ? "SI_USER" : "other",
	       (int)got_from_self);
	got_sig = 0;
	kill(getpid(), SIGUSR1);
	printf("kill to self: sig %d, si_code %s\n", (int)got_sig,
	       got_code == SI_USER ? "SI_USER" : "other");
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int ready;

static void *add(void *arg)
{
	for (int i = 0; i < 10000; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return arg;
}

static void *wait_ready(void *arg)
{
	pthread_mutex_lock(&lock);
	while (!ready)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return (void *)42;
}

static volatile sig_atomic_t thread_sig;

static void on_usr2(int sig)
{
	thread_sig = sig;
}

static void *sleeper(void *arg)
{
	while (!thread_sig)
		usleep(1000);
	return NULL;
}

static pthread_mutex_t robust;

static void *die_holding(void *arg)
{
	pthread_mutex_lock(&robust);
	return NULL;
}

static void test_threads(void)
{
	pthread_t t[4];
	pthread_mutexattr_t attr;
	void *ret;
	int i;

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, add, (void *)(long)i);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], &ret);
	printf("4 threads x 10000 increments under a mutex: %ld\n", counter);

	pthread_create(&t[0], NULL, wait_ready, NULL);
	usleep(10000);
	pthread_mutex_lock(&lock);
	ready = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	pthread_join(t[0], &ret);
	printf("condition variable: woken, returned %ld\n", (long)ret);

	signal(SIGUSR2, on_usr2);
	pthread_create(&t[0], NULL, sleeper, NULL);
	pthread_kill(t[0], SIGUSR2);
	pthread_join(t[0], NULL);
	printf("pthread_kill: the thread got signal %d\n", (int)thread_sig);

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&robust, &attr);
	pthread_create(&t[0], NULL, die_holding, NULL);
	pthread_join(t[0], NULL);
	i = pthread_mutex_lock(&robust);
	printf("robust mutex of a dead owner: %s\n", i == EOWNERDEAD ? "EOWNERDEAD" : strerror(i));
	pthread_mutex_consistent(&robust);
	pthread_mutex_unlock(&robust);
}

static void test_io(void)
{
	int fds[2], fd;
	fd_set rd;
	struct timeval tv = { 0, 10000 };
	struct pollfd pfd;
	char *map;

	pipe(fds);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	printf("select on an empty pipe: %d\n", select(fds[0] + 1, &rd, NULL, NULL, &tv));
	write(fds[1], "x", 1);
	FD_SET(fds[0], &rd);
	printf("select after a write: %d\n", select(fds[0] + 1, &rd, NULL, NULL, NULL));
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	printf("poll: %d, revents POLLIN %d\n", poll(&pfd, 1, 0), pfd.revents == POLLIN);
	close(fds[0]);
	close(fds[1]);

	fd = open("/tmp/glibc-posix", O_CREAT | O_TRUNC | O_RDWR, 0600);
	write(fd, "mapped file\n", 12);
	map = mmap(NULL, 12, PROT_READ, MAP_PRIVATE, fd, 0);
	printf("mmap of a file: %.11s\n", map == MAP_FAILED ? "failed" : map);
	munmap(map, 12);
	close(fd);
	unlink("/tmp/glibc-posix");
}

static int compare(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void test_libc(void)
{
	size_t size = 100 << 20, i;
	unsigned char *big = malloc(size);
	unsigned long sum = 0;
	int v[] = { 5, 3, 9, 1 };
	struct utsname u;
	char buf[64];

	for (i = 0; big && i < size; i += 4096)
		big[i] = 1;
	for (i = 0; big && i < size; i += 4096)
		sum += big[i];
	printf("malloc(100 MiB), every page touched: %lu pages\n", sum);
	free(big);
	qsort(v, 4, sizeof(v[0]), compare);
	printf("qsort: %d %d %d %d\n", v[0], v[1], v[2], v[3]);
	printf("strtol(\"-0x1f\", 16): %ld\n", strtol("-0x1f", NULL, 16));
	snprintf(buf, sizeof(buf), "%5.2f|%-4s|%04x", 3.14159, "ab", 0xbe);
	printf("snprintf: %s\n", buf);
	uname(&u);
	printf("uname: %s %s\n", u.sysname, u.machine);
	printf("getcwd: %s\n", getcwd(buf, sizeof(buf)));
	printf("sysconf(_SC_PAGESIZE): %ld\n", sysconf(_SC_PAGESIZE));
	printf("sysconf(_SC_NPROCESSORS_ONLN): %ld\n", sysconf(_SC_NPROCESSORS_ONLN));
	buf[readlink("/proc/self/exe", buf, sizeof(buf) - 1)] = 0;
	printf("readlink /proc/self/exe: in /glibc/ %d\n", !strncmp(buf, "/glibc/", 7));
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_processes();
	test_signals();
	test_threads();
	test_io();
	test_libc();
	return 0;
}
