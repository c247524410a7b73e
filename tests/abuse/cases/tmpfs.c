/* The in-memory file systems under abuse: /tmp (the rootfs, a tmpfs) may
 * hold half of RAM, as Linux's tmpfs by default, and a user who fills it
 * gets ENOSPC and can remove the file; a tmpfs mounted with size= and
 * nr_inodes= stops there; one allowed all of RAM still lets files be
 * removed once memory is gone; a write through a mapping into a hole of a
 * full tmpfs is SIGBUS; bad mount options are EINVAL; in the sticky /tmp a
 * user cannot remove another's file. The mounts are root's, the rest an
 * ordinary user's. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "case.h"

#define TMPFS_MAGIC 0x01021994
#define CHUNK (256 * 1024)

/* ARM EABI's struct statfs64 (84 bytes, packed). */
struct statfs64 {
	uint32_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	uint32_t f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed, aligned(4)));

static char mnt[64];

static int statfs(const char *path, struct statfs64 *st)
{
	return syscall(__NR_statfs64, path, sizeof(*st), st);
}

/* MemTotal from /proc/meminfo, in pages. */
static unsigned long ram_pages(void)
{
	char text[512], *p;
	int fd = open("/proc/meminfo", O_RDONLY), n;

	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	p = strstr(text, "MemTotal:");
	return p ? strtoul(p + 9, NULL, 10) / 4 : 0;
}

/* Write CHUNKs to path until the kernel refuses. RETURNS: the bytes
 * written, with *err the refusal's errno. */
static unsigned long fill(const char *path, int *err)
{
	static char chunk[CHUNK];
	unsigned long total = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	long n;

	memset(chunk, 0x6b, sizeof(chunk));
	*err = 0;
	if (fd < 0) {
		*err = errno;
		return 0;
	}
	while ((n = write(fd, chunk, sizeof(chunk))) > 0)
		total += n;
	*err = errno;
	close(fd);
	return total;
}

/* As root: a tmpfs with size= and nr_inodes=; bad options. */
static void test_mount_options(void)
{
	struct statfs64 st;
	char path[96];
	int err, fd, i;

	CHECK_ERR(mount("none", mnt, "tmpfs", 0, "size=1q"), EINVAL, "size=1q: EINVAL");
	CHECK_ERR(mount("none", mnt, "tmpfs", 0, "colour=red"), EINVAL, "unknown option: EINVAL");
	CHECK_ERR(mount("none", mnt, "tmpfs", 0, "size"), EINVAL, "option without a value: EINVAL");
	CHECK_ERR(mount("none", mnt, "tmpfs", 0, (void *)0xc0000000), EFAULT,
		  "options in the kernel: EFAULT");
	CHECK(mount("none", mnt, "tmpfs", 0, NULL) == 0, "mount tmpfs with no options");
	CHECK(statfs(mnt, &st) == 0 && st.f_blocks == ram_pages() / 2,
	      "statfs: half of RAM, by default");
	CHECK_EQ(umount(mnt), 0, "umount");
	CHECK(mount("none", mnt, "tmpfs", 0, "size=1m,nr_inodes=4,mode=0700") == 0,
	      "mount tmpfs with size=1m,nr_inodes=4");
	CHECK(statfs(mnt, &st) == 0 && st.f_type == TMPFS_MAGIC && st.f_blocks == 256 &&
	      st.f_files == 4, "statfs: tmpfs, 256 blocks, 4 inodes");
	snprintf(path, sizeof(path), "%s/big", mnt);
	CHECK_EQ(fill(path, &err), 1024 * 1024, "size=1m holds 1 MiB");
	CHECK_EQ(err, ENOSPC, "then ENOSPC");
	CHECK(statfs(mnt, &st) == 0 && st.f_bfree == 0, "statfs: no block free");
	CHECK_EQ(unlink(path), 0, "unlink the full file");
	CHECK(statfs(mnt, &st) == 0 && st.f_bfree == 256, "statfs: all blocks free again");
	for (i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/f%d", mnt, i);
		fd = open(path, O_WRONLY | O_CREAT, 0600);
		if (fd < 0)
			break;
		close(fd);
	}
	/* the root directory is the first of the 4 inodes */
	CHECK(i == 3 && errno == ENOSPC, "nr_inodes=4: a fourth file is ENOSPC");
	while (i-- > 0) {
		snprintf(path, sizeof(path), "%s/f%d", mnt, i);
		unlink(path);
	}
	CHECK_EQ(umount(mnt), 0, "umount");
}

/* As root: a tmpfs allowed all of RAM, filled until memory runs out; the
 * kernel keeps a reserve for itself, so the file can still be removed. */
static void test_fill_memory(void)
{
	unsigned long total;
	char path[96];
	int err;

	CHECK(mount("none", mnt, "tmpfs", 0, "size=100%") == 0, "mount tmpfs with size=100%");
	snprintf(path, sizeof(path), "%s/all", mnt);
	total = fill(path, &err);
	CHECK(err == ENOMEM || err == ENOSPC, "fill it until memory runs out: ENOMEM");
	printf("wrote %lu MiB before errno %d\n", total >> 20, err);
	CHECK_EQ(unlink(path), 0, "unlink still works with no memory left");
	CHECK_EQ(umount(mnt), 0, "umount");
}

/* As a user: fill /tmp; its size at most; the room comes back. */
static int fill_tmp(void *arg)
{
	unsigned long ram = ram_pages(), total;
	struct statfs64 st;
	char path[64];
	int err, bad = 0;

	as_user();
	/* The rootfs got half of the RAM free when it was mounted, before the
	 * initramfs was unpacked and its pages freed (Linux's rootfs too). */
	if (statfs("/tmp", &st) || st.f_type != TMPFS_MAGIC || !st.f_blocks ||
	    st.f_blocks > ram / 2) {
		printf("FAIL /tmp is a tmpfs of at most half of RAM: type %#lx, %llu blocks, "
		       "RAM %lu pages\n", (unsigned long)st.f_type, (unsigned long long)st.f_blocks, ram);
		bad++;
	}
	snprintf(path, sizeof(path), "/tmp/fill.%d", getpid());
	total = fill(path, &err);
	if (err != ENOSPC || total >> 12 > st.f_blocks) {
		printf("FAIL filling /tmp: %lu pages, errno %d\n", total >> 12, err);
		bad++;
	}
	if (unlink(path)) {
		printf("FAIL unlink of the file that filled /tmp: %s\n", strerror(errno));
		bad++;
	}
	return bad;
}

/* A write through a shared mapping into a hole of a full tmpfs. */
static int hole_in_full_tmpfs(void *arg)
{
	char path[96], *map;
	int err, fd;

	snprintf(path, sizeof(path), "%s/big", mnt);
	fill(path, &err);
	snprintf(path, sizeof(path), "%s/sparse", mnt);
	fd = open(path, O_RDWR | O_CREAT, 0600);
	if (fd < 0 || ftruncate(fd, 4 * 4096) < 0)
		return 10;
	map = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		return 11;
	map[4096] = 1;	/* SIGBUS: no block for it */
	return 12;
}

static void test_sigbus(void)
{
	char path[96];
	int status;

	CHECK(mount("none", mnt, "tmpfs", 0, "size=64k") == 0, "mount tmpfs with size=64k");
	status = reap(spawn(hole_in_full_tmpfs, NULL));
	CHECK(killed_by(status, SIGBUS), "writing a hole of a mapped file in a full tmpfs: SIGBUS");
	snprintf(path, sizeof(path), "%s/big", mnt);
	unlink(path);
	snprintf(path, sizeof(path), "%s/sparse", mnt);
	unlink(path);
	CHECK_EQ(umount(mnt), 0, "umount");
}

/* In the sticky /tmp, a user may not remove root's file. */
static int remove_roots_file(void *arg)
{
	as_user();
	return (unlink(arg) == -1 && errno == EPERM ? 0 : 1) +
	       (rename(arg, "/tmp/stolen") == -1 && errno == EPERM ? 0 : 2);
}

static void test_sticky(void)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/root.%d", getpid());
	fd = open(path, O_WRONLY | O_CREAT, 0666);
	close(fd);
	CHECK_EQ(reap(spawn(remove_roots_file, path)), 0,
		 "sticky /tmp: a user cannot unlink or rename root's file (EPERM)");
	CHECK_EQ(unlink(path), 0, "root can");
}

int main(int argc, char **argv)
{
	case_init(argc, argv);
	snprintf(mnt, sizeof(mnt), "/tmp/tmpfs.%d", getpid());
	if (mkdir(mnt, 0700) < 0) {
		printf("FAIL mkdir %s: %s\n", mnt, strerror(errno));
		return 1;
	}
	test_mount_options();
	test_sigbus();
	test_fill_memory();
	test_sticky();
	rmdir(mnt);
	CHECK_EQ(reap(spawn(fill_tmp, NULL)), 0, "a user fills /tmp: ENOSPC at half of RAM, then unlink");
	return check_done("tmpfs");
}
