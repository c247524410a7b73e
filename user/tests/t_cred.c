/* The set*id calls with Linux's rules for the real, effective, saved and
 * file-system ids: what root may do, what an ordinary user may do (swap
 * among its own ids), -1 meaning "leave it", the 16-bit calls, the
 * supplementary groups, and what the ids change: file ownership, the
 * capabilities that follow fsuid, dumpability. Each case runs in a child
 * that starts as root. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#define PR_GET_DUMPABLE 3

/* The calls themselves, with Linux's 32-bit ids (newlib's uid_t is 16 bits
 * and it has no wrappers for them). */
static long setresuid_(unsigned int r, unsigned int e, unsigned int s)
{
	return syscall(__NR_setresuid32, r, e, s);
}

static long setresgid_(unsigned int r, unsigned int e, unsigned int s)
{
	return syscall(__NR_setresgid32, r, e, s);
}

static long setuid_(unsigned int uid)
{
	return syscall(__NR_setuid32, uid);
}

static long fchown_(int fd, unsigned int uid, unsigned int gid)
{
	return syscall(__NR_fchown32, fd, uid, gid);
}

/* The real, effective, saved and fs ids as /proc/self/status shows them,
 * "r e s fs". */
static const char *ids(const char *which)
{
	static char line[64];
	char buf[1024], *p;

	line[0] = '\0';
	if (read_text("/proc/self/status", buf, sizeof(buf)) <= 0)
		return line;
	p = strstr(buf, which);
	if (p && sscanf(p + strlen(which), "%*[\t]%63[0-9 \t]", line) == 1) {
		for (p = line; *p; p++)
			if (*p == '\t')
				*p = ' ';
		while (p > line && p[-1] == ' ')
			*--p = '\0';
	}
	return line;
}

#define CHECK_IDS(which, want, name) \
	check_result(!strcmp(ids(which), want), name, "%s is \"%s\", want \"%s\"", which, ids(which), want)

static void root_setuid(void)
{
	CHECK_EQ(setuid_(1000), 0, "root: setuid(1000)");
	CHECK_IDS("Uid:", "1000 1000 1000 1000", "setuid as root sets all four uids");
	CHECK_ERR(setuid_(0), EPERM, "and root is gone for good: setuid(0) -> EPERM");
	CHECK_EQ(setuid_(1000), 0, "setuid to its own uid");
	CHECK_ERR(syscall(__NR_setuid32, -1), EINVAL, "setuid(-1) -> EINVAL");
}

static void saved_uid(void)
{
	CHECK_EQ(setresuid_(1000, 2000, 0), 0, "root: setresuid(1000, 2000, 0)");
	CHECK_IDS("Uid:", "1000 2000 0 2000", "real 1000, effective 2000, saved 0");
	CHECK_ERR(setuid_(3000), EPERM, "setuid to none of its ids -> EPERM");
	CHECK_EQ(setuid_(1000), 0, "setuid to the real uid changes only euid and fsuid");
	CHECK_IDS("Uid:", "1000 1000 0 1000", "saved uid kept");
	CHECK_EQ(setuid_(0), 0, "setuid to the saved uid 0");
	CHECK_IDS("Uid:", "1000 0 0 0", "effective root again, real still 1000");
	CHECK_EQ(setuid_(0), 0, "now root: setuid(0) sets all three");
	CHECK_IDS("Uid:", "0 0 0 0", "all root");
}

static void user_setresuid(void)
{
	CHECK_EQ(setresuid_(1000, 1001, 1002), 0, "root: setresuid(1000, 1001, 1002)");
	CHECK_EQ(setresuid_(1002, 1000, 1001), 0, "a user may permute its three uids");
	CHECK_IDS("Uid:", "1002 1000 1001 1000", "permuted");
	CHECK_EQ(setresuid_(-1, -1, -1), 0, "-1 leaves each as it is");
	CHECK_IDS("Uid:", "1002 1000 1001 1000", "unchanged");
	CHECK_ERR(setresuid_(-1, 1003, -1), EPERM, "not to a uid it does not hold -> EPERM");
	CHECK_ERR(setresuid_(0, -1, -1), EPERM, "nor to root -> EPERM");
	CHECK_IDS("Uid:", "1002 1000 1001 1000", "a refused call changes nothing");
}

static void bsd_setreuid(void)
{
	CHECK_EQ(syscall(__NR_setreuid32, -1, 1000), 0, "root: setreuid(-1, 1000)");
	CHECK_IDS("Uid:", "0 1000 1000 1000", "euid != ruid: saved uid follows euid");
	CHECK_EQ(syscall(__NR_setreuid32, -1, 0), 0, "back to euid 0: it is the real uid");
	CHECK_IDS("Uid:", "0 0 1000 0", "euid == ruid: saved uid left");
	CHECK_EQ(syscall(__NR_setreuid32, 1000, 2000), 0, "setreuid(1000, 2000)");
	CHECK_IDS("Uid:", "1000 2000 2000 2000", "real set: saved uid follows euid");
	CHECK_EQ(syscall(__NR_setreuid32, 2000, 1000), 0, "a user may swap real and effective");
	CHECK_IDS("Uid:", "2000 1000 1000 1000", "swapped");
	CHECK_ERR(syscall(__NR_setreuid32, 3000, -1), EPERM, "real to a stranger -> EPERM");
}

static void gids(void)
{
	CHECK_EQ(setresgid_(100, 200, 300), 0, "root: setresgid(100, 200, 300)");
	CHECK_IDS("Gid:", "100 200 300 200", "gids set, fsgid follows egid");
	CHECK_EQ(syscall(__NR_setgid32, 50), 0, "root may setgid to any group");
	CHECK_IDS("Gid:", "50 50 50 50", "setgid as root sets all four");
	CHECK_EQ(syscall(__NR_setregid32, 60, 70), 0, "setregid(60, 70)");
	CHECK_IDS("Gid:", "60 70 70 70", "saved gid follows egid");
	CHECK_EQ(setuid_(1000), 0, "drop root");
	CHECK_ERR(syscall(__NR_setgid32, 80), EPERM, "a user may not setgid to a stranger");
	CHECK_EQ(syscall(__NR_setgid32, 60), 0, "but to its real gid");
	CHECK_IDS("Gid:", "60 60 70 60", "only egid and fsgid changed");
	CHECK_ERR(setresgid_(-1, 80, -1), EPERM, "setresgid to a stranger -> EPERM");
	CHECK_ERR(syscall(__NR_setregid32, 80, -1), EPERM, "setregid to a stranger -> EPERM");
}

static void fsids(void)
{
	const char *path = "/tmp/t_cred/fs";
	struct stat st;
	int fd;

	unlink(path);
	CHECK_EQ(syscall(__NR_setfsuid32, 1000), 0, "root: setfsuid returns the old fsuid 0");
	CHECK_EQ(syscall(__NR_setfsuid32, -1), 1000, "setfsuid(-1) only asks");
	CHECK_IDS("Uid:", "0 0 0 1000", "only the fsuid moved");
	fd = open(path, O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == 1000, "a file it creates is fsuid's");
	CHECK_ERR(fchown_(fd, 0, -1), EPERM, "euid 0 but fsuid 1000: no CAP_CHOWN");
	CHECK_EQ(syscall(__NR_setfsuid32, 0), 1000, "back to fsuid 0");
	CHECK_EQ(fchown_(fd, 0, 0), 0, "fsuid 0 has CAP_CHOWN again");
	close(fd);
	unlink(path);
	CHECK_EQ(setresuid_(1000, 1000, 1000), 0, "drop root");
	CHECK_EQ(syscall(__NR_setfsuid32, 0), 1000, "a user's setfsuid(0) returns the old fsuid...");
	CHECK_EQ(syscall(__NR_setfsuid32, -1), 1000, "... and changes nothing");
	CHECK_EQ(syscall(__NR_setfsgid32, 5), 0, "setfsgid to a stranger: old fsgid 0...");
	CHECK_EQ(syscall(__NR_setfsgid32, -1), 0, "... and no change");
}

static void groups(void)
{
	unsigned int set[3] = { 30, 10, 20 }, got[3] = { 0 }; /* Linux's 32-bit gids */

	CHECK_EQ(syscall(__NR_getgroups32, 0, NULL), 0, "root starts with no supplementary groups");
	CHECK_EQ(syscall(__NR_setgroups32, 3, set), 0, "setgroups({30, 10, 20})");
	CHECK_EQ(syscall(__NR_getgroups32, 0, NULL), 3, "getgroups(0) counts them");
	CHECK_ERR(syscall(__NR_getgroups32, 2, got), EINVAL, "a list too short -> EINVAL");
	CHECK(syscall(__NR_getgroups32, 3, got) == 3 && got[0] == 10 && got[1] == 20 && got[2] == 30,
	      "getgroups returns them sorted");
	CHECK_ERR(syscall(__NR_getgroups32, -1, got), EINVAL, "negative size -> EINVAL");
	CHECK_IDS("Groups:", "10 20 30", "/proc/self/status lists them");
	CHECK_EQ(setuid_(1000), 0, "drop root");
	CHECK_ERR(syscall(__NR_setgroups32, 0, NULL), EPERM, "a user may not setgroups");
	CHECK_EQ(syscall(__NR_getgroups32, 3, got), 3, "and keeps its groups");
}

/* The old 16-bit calls: 0xffff is -1, a uid above 65535 reads as 65534. */
static void uid16(void)
{
	unsigned short r, e, s;

	CHECK_EQ(setresuid_(70000, 70000, 0), 0, "root: setresuid(70000, 70000, 0)");
	CHECK_EQ(syscall(__NR_getuid), 65534, "16-bit getuid of uid 70000 -> 65534");
	CHECK_EQ(syscall(__NR_getuid32), 70000, "getuid32 -> 70000");
	CHECK(syscall(__NR_getresuid, &r, &e, &s) == 0 && r == 65534 && e == 65534 && s == 0,
	      "16-bit getresuid");
	CHECK_EQ(syscall(__NR_setresuid, 0xffff, 0, 0xffff), 0, "16-bit setresuid(-1, 0, -1)");
	CHECK_EQ(syscall(__NR_geteuid32), 0, "euid 0 again");
	CHECK_ERR(syscall(__NR_setuid, 0xffff), EINVAL, "16-bit setuid(0xffff) is setuid(-1) -> EINVAL");
}

/* A process that changed its euid may not be dumped or inspected; exec
 * with matching ids makes it dumpable again. */
static void dumpable(void)
{
	CHECK_EQ(syscall(__NR_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0), 1, "dumpable to start with");
	CHECK_EQ(setresuid_(1000, 1000, 1000), 0, "setresuid changes the euid");
	CHECK_EQ(syscall(__NR_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0), 0, "no longer dumpable");
}

int main(void)
{
	mkdir("/tmp/t_cred", 0777);
	chmod("/tmp/t_cred", 0777); /* whatever the umask */
	check_child("setuid as root", root_setuid);
	check_child("setuid with a saved uid", saved_uid);
	check_child("setresuid as a user", user_setresuid);
	check_child("setreuid (BSD)", bsd_setreuid);
	check_child("the gid calls", gids);
	check_child("fsuid and fsgid", fsids);
	check_child("supplementary groups", groups);
	check_child("16-bit calls", uid16);
	check_child("dumpability", dumpable);
	rmdir("/tmp/t_cred");
	return check_done("t_cred");
}
