/* What an ordinary user may not do, with Linux's answers: mount, umount,
 * reboot, sethostname; signal, renice or re-limit another user's
 * processes; chown, chmod another's files, make device nodes; see the
 * addresses inside another user's process in /proc/<pid>/stat. And what
 * it may: its own processes and files, SIGCONT within its session.
 * Each case runs in a child that drops root (uid and gid 1000). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define DIR "/tmp/t_privilege"
#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2
#define RLIMIT_NOFILE 7

struct rlimit64 {
	unsigned long long rlim_cur, rlim_max;
};

/* chown and friends with Linux's 32-bit ids (newlib has no wrappers). */
static long chown_(const char *path, unsigned int uid, unsigned int gid)
{
	return syscall(__NR_chown32, path, uid, gid);
}

static long fchown_(int fd, unsigned int uid, unsigned int gid)
{
	return syscall(__NR_fchown32, fd, uid, gid);
}

static long drop_root(void)
{
	if (syscall(__NR_setresgid32, 1000, 1000, 1000) || syscall(__NR_setresuid32, 1000, 1000, 1000))
		return -1;
	return 0;
}

static int sleeper(void *unused)
{
	for (;;)
		pause();
	return 0;
}

/* A process of user 1000 that waits to be killed. */
static int user_sleeper(void *unused)
{
	drop_root();
	return sleeper(NULL);
}

static void nap(void)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

static void mounts(void)
{
	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK_ERR(mount("none", DIR, "ramfs", 0, NULL), EPERM, "mount as a user -> EPERM");
	CHECK_ERR(mount("none", "/bin", "ramfs", 0, NULL), EPERM, "nor over /bin -> EPERM");
	CHECK_ERR(mount("none", DIR, "nosuchfs", 0, NULL), EPERM, "EPERM before the type is looked at");
	CHECK_ERR(mount("none", DIR "/nowhere", "ramfs", 0, NULL), ENOENT,
		  "the mount point is looked up first -> ENOENT");
	CHECK_ERR(umount2("/proc", 0), EPERM, "umount /proc as a user -> EPERM");
	CHECK_ERR(umount2("/proc", 0x100), EINVAL, "but bad flags before that -> EINVAL");
}

static void system_calls(void)
{
	struct utsname u;

	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK_ERR(syscall(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_CAD_OFF,
			  NULL), EPERM, "reboot as a user -> EPERM");
	CHECK_ERR(syscall(__NR_sethostname, "evil", 4), EPERM, "sethostname as a user -> EPERM");
	CHECK_ERR(syscall(__NR_setdomainname, "evil", 4), EPERM, "setdomainname as a user -> EPERM");
	CHECK(uname(&u) == 0 && strcmp(u.nodename, "evil"), "the host name is unchanged");
	CHECK_ERR(syscall(__NR_setgroups32, 0, NULL), EPERM, "setgroups as a user -> EPERM");
}

/* root sets the host name, reads it back, and puts it back. */
static void hostname(void)
{
	struct utsname old, u;

	uname(&old);
	CHECK_ERR(syscall(__NR_sethostname, "x", 65), EINVAL, "a name longer than 64 -> EINVAL");
	CHECK_ERR(syscall(__NR_sethostname, "x", -1), EINVAL, "a negative length -> EINVAL");
	CHECK_ERR(syscall(__NR_sethostname, (char *)16, 4), EFAULT, "a bad pointer -> EFAULT");
	CHECK_EQ(syscall(__NR_sethostname, "kestrel-test!", 12), 0, "root sets a 12-byte host name");
	CHECK(uname(&u) == 0 && !strcmp(u.nodename, "kestrel-test"), "uname shows it");
	CHECK_EQ(syscall(__NR_setdomainname, "example", 7), 0, "root sets the domain name");
	CHECK(uname(&u) == 0 && !strcmp(u.domainname, "example"), "uname shows that too");
	CHECK_EQ(syscall(__NR_sethostname, old.nodename, strlen(old.nodename)), 0, "restore");
	CHECK_EQ(syscall(__NR_setdomainname, old.domainname, strlen(old.domainname)), 0, "restore");
}

static pid_t root_pid, user_pid;

static void kills(void)
{
	pid_t mine;

	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK_ERR(kill(1, 0), EPERM, "kill(init, 0) as a user -> EPERM");
	CHECK_ERR(kill(root_pid, SIGTERM), EPERM, "SIGTERM to root's process -> EPERM");
	CHECK_ERR(kill(root_pid, 0), EPERM, "even signal 0 -> EPERM");
	CHECK_EQ(kill(root_pid, SIGCONT), 0, "SIGCONT within the session is allowed");
	CHECK_ERR(syscall(__NR_tgkill, root_pid, root_pid, SIGTERM), EPERM, "tgkill -> EPERM");
	CHECK_EQ(kill(user_pid, 0), 0, "another process of the same user: allowed");
	mine = spawn(sleeper, NULL);
	CHECK_EQ(kill(mine, SIGKILL), 0, "its own child");
	CHECK_EQ(reap(mine), SIGKILL, "killed");
}

static void priorities(void)
{
	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK_ERR(syscall(__NR_setpriority, PRIO_PROCESS, root_pid, 5), EPERM,
		  "renice root's process -> EPERM");
	CHECK_ERR(syscall(__NR_setpriority, PRIO_PROCESS, 0, -1), EACCES,
		  "a lower nice value without RLIMIT_NICE -> EACCES");
	CHECK_EQ(syscall(__NR_setpriority, PRIO_PROCESS, 0, 5), 0, "nice itself to 5");
	CHECK_EQ(syscall(__NR_getpriority, PRIO_PROCESS, 0), 20 - 5, "getpriority returns 20 - nice");
	CHECK_ERR(syscall(__NR_setpriority, PRIO_PROCESS, 0, 4), EACCES, "and not back to 4 -> EACCES");
	CHECK_EQ(syscall(__NR_setpriority, PRIO_PROCESS, 0, 100), 0, "a nice value above 19...");
	CHECK_EQ(syscall(__NR_getpriority, PRIO_PROCESS, 0), 20 - 19, "... is clamped to 19");
	CHECK_EQ(syscall(__NR_setpriority, PRIO_USER, 0, 19), 0, "PRIO_USER: all of its processes");
	CHECK_EQ(syscall(__NR_getpriority, PRIO_PROCESS, user_pid), 20 - 19, "its other process too");
	CHECK_ERR(syscall(__NR_setpriority, 3, 0, 0), EINVAL, "a bad which -> EINVAL");
	CHECK_ERR(syscall(__NR_getpriority, PRIO_PGRP, 999999), ESRCH, "an empty group -> ESRCH");
}

static void limits(void)
{
	struct rlimit64 lim, raise;

	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK_ERR(syscall(__NR_prlimit64, root_pid, RLIMIT_NOFILE, NULL, &lim), EPERM,
		  "read another user's limits -> EPERM");
	CHECK_ERR(syscall(__NR_prlimit64, 1, RLIMIT_NOFILE, &lim, NULL), EPERM,
		  "set init's limits -> EPERM");
	CHECK_EQ(syscall(__NR_prlimit64, user_pid, RLIMIT_NOFILE, NULL, &lim), 0,
		 "read a process of its own user");
	CHECK_EQ(syscall(__NR_prlimit64, 0, RLIMIT_NOFILE, NULL, &lim), 0, "and its own");
	raise = lim;
	raise.rlim_max++;
	CHECK_ERR(syscall(__NR_prlimit64, 0, RLIMIT_NOFILE, &raise, NULL), EPERM,
		  "raising a hard limit -> EPERM");
	lim.rlim_max--;
	CHECK_EQ(syscall(__NR_prlimit64, 0, RLIMIT_NOFILE, &lim, NULL), 0, "lowering it is fine");
}

static void root_limits(void)
{
	struct rlimit64 lim = { 1024, 1024 * 1024 + 1 };

	CHECK_ERR(syscall(__NR_prlimit64, 0, RLIMIT_NOFILE, &lim, NULL), EPERM,
		  "not even root past nr_open (1048576) -> EPERM");
	lim.rlim_max = 1024 * 1024;
	CHECK_EQ(syscall(__NR_prlimit64, 0, RLIMIT_NOFILE, &lim, NULL), 0, "root raises a hard limit");
}

static void files(void)
{
	struct stat st;
	int fd;

	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK_ERR(chmod(DIR "/root-file", 0666), EPERM, "chmod of root's file -> EPERM");
	CHECK_ERR(chown_(DIR "/root-file", 1000, 1000), EPERM, "chown of root's file -> EPERM");
	fd = open(DIR "/mine", O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == 1000 && st.st_gid == 1000,
	      "a new file is its creator's");
	CHECK_EQ(fchmod(fd, 04755), 0, "the owner may chmod, set-user-ID included");
	CHECK_ERR(fchown_(fd, 0, -1), EPERM, "but not give the file away -> EPERM");
	CHECK_ERR(fchown_(fd, -1, 0), EPERM, "nor to a group it is not in -> EPERM");
	CHECK_EQ(fchown_(fd, 1000, 1000), 0, "a chown to what it already is is allowed");
	CHECK(fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0755, "a chown clears set-user-ID");
	close(fd);
	CHECK_ERR(mknod(DIR "/null", S_IFCHR | 0666, 0x103), EPERM, "a device node -> EPERM");
	CHECK_ERR(mknod(DIR "/blk", S_IFBLK | 0666, 0x800), EPERM, "a block device node -> EPERM");
	CHECK_EQ(mknod(DIR "/fifo", S_IFIFO | 0666, 0), 0, "a FIFO is anyone's to make");
	CHECK_ERR(mknod(DIR "/dir", S_IFDIR | 0777, 0), EPERM, "a directory through mknod -> EPERM");
	CHECK_ERR(mknod(DIR "/link", S_IFLNK | 0777, 0), EINVAL, "a symlink through mknod -> EINVAL");
	CHECK_ERR(mknod(DIR "/fifo", S_IFIFO | 0666, 0), EEXIST, "an existing name -> EEXIST");
	unlink(DIR "/fifo");
	unlink(DIR "/mine");
}

/* /proc/<pid>/stat fields 26-28: start_code, end_code, start_stack. */
static int code_addresses(pid_t pid, unsigned long *a)
{
	char path[32], buf[1024], *p;
	int field;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text(path, buf, sizeof(buf)) <= 0)
		return -1;
	p = strrchr(buf, ')');
	for (field = 2; p && field < 26; field++)
		p = strchr(p + 1, ' ');
	return p && sscanf(p, "%lu %lu %lu", &a[0], &a[1], &a[2]) == 3 ? 0 : -1;
}

static void proc_files(void)
{
	unsigned long a[3];
	struct stat st;
	char path[32], link[64];

	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK(code_addresses(root_pid, a) == 0 && a[0] == 1 && a[1] == 1 && a[2] == 0,
	      "root's process: stat hides its code and stack addresses");
	CHECK(code_addresses(getpid(), a) == 0 && a[0] > 1 && a[1] > a[0] && a[2] > a[1],
	      "its own stat shows them");
	snprintf(path, sizeof(path), "/proc/%d/stat", getpid());
	CHECK(stat(path, &st) == 0 && st.st_uid == 0,
	      "having changed its ids, it is not dumpable: its files are root's");
	snprintf(path, sizeof(path), "/proc/%d", getpid());
	CHECK(stat(path, &st) == 0 && st.st_uid == 1000, "its /proc directory is its euid's");
	snprintf(path, sizeof(path), "/proc/%d/exe", root_pid);
	CHECK_ERR(readlink(path, link, sizeof(link)), EACCES, "root's process's exe link -> EACCES");
	CHECK(readlink("/proc/self/exe", link, sizeof(link)) > 0, "its own exe link, yes");
}

/* A child that leads a session of its own. */
static int session_leader(void *unused)
{
	setsid();
	return sleeper(NULL);
}

static void sessions(void)
{
	pid_t child, leader;

	CHECK_EQ(drop_root(), 0, "drop root");
	CHECK_ERR(setpgid(root_pid, root_pid), ESRCH, "setpgid of a process not its child -> ESRCH");
	leader = spawn(session_leader, NULL);
	nap();
	CHECK_ERR(setpgid(0, leader), EPERM, "into a group of another session -> EPERM");
	CHECK_ERR(setpgid(leader, 0), EPERM, "a child that leads a session -> EPERM");
	kill(leader, SIGKILL);
	reap(leader);
	CHECK_EQ(setpgid(0, 0), 0, "its own group");
	CHECK_ERR(setsid(), EPERM, "setsid as a group leader -> EPERM");
	child = fork();
	if (child == 0) {
		execl("/bin/sleep", "sleep", "10", NULL);
		_exit(127);
	}
	nap();
	CHECK_ERR(setpgid(child, child), EACCES, "setpgid of a child after its exec -> EACCES");
	kill(child, SIGKILL);
	reap(child);
}

int main(void)
{
	int fd;

	mkdir(DIR, 0777);
	chmod(DIR, 0777);
	fd = open(DIR "/root-file", O_CREAT | O_WRONLY, 0644);
	close(fd);
	root_pid = spawn(sleeper, NULL);
	user_pid = spawn(user_sleeper, NULL);
	nap();

	check_child("mount and umount", mounts);
	check_child("reboot, host names, groups", system_calls);
	check_child("root sets the host name", hostname);
	check_child("kill across users", kills);
	check_child("setpriority across users", priorities);
	check_child("prlimit64 across users", limits);
	check_child("prlimit64 as root", root_limits);
	check_child("chown, chmod, mknod", files);
	check_child("/proc/<pid>/stat across users", proc_files);
	check_child("setpgid and setsid", sessions);

	kill(root_pid, SIGKILL);
	kill(user_pid, SIGKILL);
	reap(root_pid);
	reap(user_pid);
	unlink(DIR "/root-file");
	rmdir(DIR);
	return check_done("t_privilege");
}
