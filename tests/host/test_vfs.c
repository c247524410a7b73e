/* sources: kernel/fs/dcache.c kernel/fs/inode.c kernel/fs/super.c kernel/fs/filesystems.c kernel/fs/namespace.c kernel/fs/namei.c kernel/fs/file_table.c kernel/fs/file.c kernel/lib/find_bit.c kernel/fs/fs_struct.c kernel/fs/open.c kernel/fs/read_write.c kernel/fs/iov_iter.c kernel/fs/stat.c kernel/fs/readdir.c kernel/fs/fcntl.c kernel/fs/ioctl.c kernel/fs/sync.c kernel/fs/libfs.c kernel/fs/char_dev.c kernel/fs/mem.c kernel/fs/pipe.c kernel/fs/select.c kernel/fs/initramfs.c kernel/fs/cpio.c kernel/lib/hexdump.c kernel/fs/ramfs/inode.c kernel/fs/ramfs/file.c kernel/mm/filemap.c kernel/mm/shmem.c kernel/lib/kstrtox.c kernel/params.c kernel/lib/string_words.c kernel/fs/seq_file.c kernel/cred.c kernel/groups.c kernel/user.c kernel/lib/sort.c */
/* Tests of the VFS on ramfs through the system calls: path lookup (dots,
 * slashes, symlinks, mounts), directory operations and their errors,
 * file I/O, the descriptor table, pipes, getdents64, mount/umount, the
 * initramfs unpacker, and -EFAULT for bad user pointers. Every test frees
 * what it made: the allocation count must come back. */
#include "fs_stubs.h"

/* 16 MiB of RAM: a tmpfs holds 8 MiB and 2048 inodes by default. */
unsigned long totalram_pages = 4096;
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/pipe_fs_i.h>
#include <linux/syscalls.h>
#include <asm/ioctls.h>
#include <asm/stat.h>

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct iovec {
	void *iov_base;
	size_t iov_len;
};

/* A new pipe's capacity. */
#define PIPE_SIZE (PIPE_DEF_BUFFERS * PAGE_SIZE)
static char *const ubuf_base = (char *)USER_BASE; /* first half: data buffers */
static long allocs_at_start;

static int group_setup(void **state)
{
	stub_task_init();
	stub_task.fs = &init_fs;
	stub_task.files = &init_files;
	user_mem_init();
	mnt_init();
	register_filesystem(&ramfs_fs_type);
	register_filesystem(&tmpfs_fs_type);
	pipe_init();
	chr_dev_init();
	return 0;
}

static int setup(void **state)
{
	memset(ubuf_base, 0, USER_SIZE / 2);
	stub_task.cred.uid = stub_task.cred.euid = stub_task.cred.fsuid = 0;
	stub_signal.rlim[RLIMIT_NOFILE].rlim_cur = 1024;
	stub_nr_sigs = stub_last_sig = 0;
	allocs_at_start = stub_nr_allocs;
	return 0;
}

/* Every test leaves the file system as it found it. */
static int teardown(void **state)
{
	assert_int_equal(sys_chdir(ustr("/")), 0);
	assert_int_equal(stub_nr_allocs, allocs_at_start);
	return 0;
}

static long xopen(const char *path, int flags, int mode)
{
	return sys_open(ustr(path), flags, mode);
}

static long xwrite(long fd, const char *s)
{
	memcpy(ubuf_base, s, strlen(s));
	return sys_write(fd, ubuf_base, strlen(s));
}

/* Read up to n bytes into out (NUL-terminated). RETURNS: read()'s result. */
static long xread(long fd, char *out, size_t n)
{
	long r = sys_read(fd, ubuf_base, n);

	if (r > 0)
		memcpy(out, ubuf_base, r);
	out[r > 0 ? r : 0] = '\0';
	return r;
}

static struct dentry *lookup(const char *name, unsigned int flags, int *err)
{
	struct path path;

	*err = kern_path(name, flags, &path);
	if (*err)
		return NULL;
	path_put(&path);
	return path.dentry;
}

static void mkfile(const char *path, const char *data)
{
	long fd = xopen(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(xwrite(fd, data), strlen(data));
	assert_int_equal(sys_close(fd), 0);
}

static int xstat(const char *path, struct stat64 *st, bool follow)
{
	long r = follow ? sys_stat64(ustr(path), (void *)ubuf_base)
			: sys_lstat64(ustr(path), (void *)ubuf_base);

	memcpy(st, ubuf_base, sizeof(*st));
	return r;
}

static void test_lookup_dots_and_slashes(void **state)
{
	struct dentry *b;
	char longname[300];
	int err;

	assert_int_equal(do_mkdirat(AT_FDCWD, "/a", 0755), 0);
	assert_int_equal(do_mkdirat(AT_FDCWD, "/a/b", 0755), 0);
	mkfile("/a/f", "x");
	b = lookup("/a/b", 0, &err);
	assert_int_equal(err, 0);
	assert_ptr_equal(lookup("//a///b/", 0, &err), b);
	assert_ptr_equal(lookup("/a/./b/../b/.", 0, &err), b);
	assert_ptr_equal(lookup("/../../a/b", 0, &err), b);
	lookup("/a/nope", 0, &err);
	assert_int_equal(err, -ENOENT);
	lookup("/a/f/x", 0, &err);
	assert_int_equal(err, -ENOTDIR);
	lookup("/a/f/", 0, &err);
	assert_int_equal(err, -ENOTDIR);
	memset(longname, 'n', sizeof(longname));
	longname[0] = '/';
	longname[257] = '\0';
	lookup(longname, 0, &err);
	assert_int_equal(err, -ENAMETOOLONG);
	assert_int_equal(do_unlinkat(AT_FDCWD, "/a/f"), 0);
	assert_int_equal(do_rmdir(AT_FDCWD, "/a/b"), 0);
	assert_int_equal(do_rmdir(AT_FDCWD, "/a"), 0);
}

static void test_symlinks(void **state)
{
	struct dentry *b, *l;
	struct stat64 st;
	char name[16];
	int err, i;

	assert_int_equal(do_mkdirat(AT_FDCWD, "/s", 0755), 0);
	assert_int_equal(do_mkdirat(AT_FDCWD, "/s/b", 0755), 0);
	assert_int_equal(do_symlinkat("b", AT_FDCWD, "/s/rel"), 0);
	assert_int_equal(do_symlinkat("/s/b", AT_FDCWD, "/s/abs"), 0);
	assert_int_equal(do_symlinkat("loop", AT_FDCWD, "/s/loop"), 0);
	assert_int_equal(do_symlinkat("nowhere", AT_FDCWD, "/s/dangling"), 0);
	assert_int_equal(do_symlinkat("x", AT_FDCWD, "/s/rel"), -EEXIST);
	/* Linux's filename_create: an existing name is EEXIST even with a
	 * trailing slash; a new one with a trailing slash is ENOENT unless
	 * it is a directory being made. */
	assert_int_equal(do_symlinkat("x", AT_FDCWD, "/s/rel/"), -EEXIST);
	assert_int_equal(do_mknodat(AT_FDCWD, "/s/b/", S_IFIFO | 0644, 0), -EEXIST);
	assert_int_equal(do_symlinkat("x", AT_FDCWD, "/s/new/"), -ENOENT);
	assert_int_equal(do_linkat(AT_FDCWD, "/s/rel", AT_FDCWD, "/s/newlink/"), -ENOENT);
	b = lookup("/s/b", 0, &err);
	assert_ptr_equal(lookup("/s/rel", LOOKUP_FOLLOW, &err), b);
	assert_ptr_equal(lookup("/s/abs/", 0, &err), b); /* a trailing slash follows */
	assert_ptr_equal(lookup("/s/rel/../rel/.", 0, &err), b);
	l = lookup("/s/rel", 0, &err);
	assert_ptr_not_equal(l, b);
	assert_true(S_ISLNK(l->d_inode->i_mode));
	lookup("/s/loop", LOOKUP_FOLLOW, &err);
	assert_int_equal(err, -ELOOP);
	lookup("/s/dangling", LOOKUP_FOLLOW, &err);
	assert_int_equal(err, -ENOENT);
	assert_int_equal(xstat("/s/abs", &st, false), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(st.st_size, 4);
	assert_int_equal(xstat("/s/abs", &st, true), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(sys_readlink(ustr("/s/abs"), ubuf_base, 100), 4);
	assert_memory_equal(ubuf_base, "/s/b", 4);
	assert_int_equal(sys_readlink(ustr("/s/abs"), ubuf_base, 2), 2);
	assert_int_equal(sys_readlink(ustr("/s/b"), ubuf_base, 100), -EINVAL);
	assert_int_equal(xopen("/s/abs", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
	/* 41 links in a chain: one more than Linux follows */
	for (i = 0; i <= MAXSYMLINKS; i++) {
		char target[16];

		snprintf(name, sizeof(name), "/s/c%d", i);
		snprintf(target, sizeof(target), i == MAXSYMLINKS ? "b" : "c%d", i + 1);
		assert_int_equal(do_symlinkat(target, AT_FDCWD, name), 0);
	}
	lookup("/s/c1", LOOKUP_FOLLOW, &err);
	assert_int_equal(err, 0);
	lookup("/s/c0", LOOKUP_FOLLOW, &err);
	assert_int_equal(err, -ELOOP);
	for (i = 0; i <= MAXSYMLINKS; i++) {
		snprintf(name, sizeof(name), "/s/c%d", i);
		assert_int_equal(do_unlinkat(AT_FDCWD, name), 0);
	}
	assert_int_equal(do_unlinkat(AT_FDCWD, "/s/rel"), 0);
	assert_int_equal(do_unlinkat(AT_FDCWD, "/s/abs"), 0);
	assert_int_equal(do_unlinkat(AT_FDCWD, "/s/loop"), 0);
	assert_int_equal(do_unlinkat(AT_FDCWD, "/s/dangling"), 0);
	assert_int_equal(do_rmdir(AT_FDCWD, "/s/b"), 0);
	assert_int_equal(do_rmdir(AT_FDCWD, "/s"), 0);
}

static void test_directory_operations(void **state)
{
	struct stat64 st;

	assert_int_equal(sys_mkdir(ustr("/d"), 0777), 0);
	assert_int_equal(sys_mkdir(ustr("/d"), 0777), -EEXIST);
	assert_int_equal(sys_mkdir(ustr("/d/x/y"), 0777), -ENOENT);
	assert_int_equal(sys_mkdir(ustr("/d/."), 0777), -EEXIST);
	assert_int_equal(xstat("/d", &st, true), 0);
	assert_int_equal(st.st_mode, S_IFDIR | 0755); /* umask 022 */
	assert_int_equal(st.st_nlink, 2);
	assert_int_equal(sys_mkdir(ustr("/d/sub/"), 0700), 0);
	assert_int_equal(xstat("/d", &st, true), 0);
	assert_int_equal(st.st_nlink, 3);
	mkfile("/d/file", "data");
	assert_int_equal(sys_rmdir(ustr("/d")), -ENOTEMPTY);
	assert_int_equal(sys_rmdir(ustr("/d/file")), -ENOTDIR);
	assert_int_equal(sys_rmdir(ustr("/d/sub/.")), -EINVAL);
	assert_int_equal(sys_rmdir(ustr("/d/sub/..")), -ENOTEMPTY);
	assert_int_equal(sys_unlink(ustr("/d/sub")), -EISDIR);
	assert_int_equal(sys_unlink(ustr("/d/none")), -ENOENT);
	assert_int_equal(sys_unlink(ustr("/d/file/")), -ENOTDIR);
	assert_int_equal(sys_unlinkat(AT_FDCWD, ustr("/d/sub"), 0x1), -EINVAL);

	/* rename: a file over a file, a directory into itself, over a full one */
	mkfile("/d/other", "other");
	assert_int_equal(sys_rename(ustr("/d/file"), ustr("/d/other")), 0);
	assert_int_equal(xstat("/d/file", &st, true), -ENOENT);
	assert_int_equal(xstat("/d/other", &st, true), 0);
	assert_int_equal(st.st_size, 4);
	assert_int_equal(sys_rename(ustr("/d/sub"), ustr("/d/sub/inner")), -EINVAL);
	assert_int_equal(sys_rename(ustr("/d/sub"), ustr("/d/other")), -ENOTDIR);
	assert_int_equal(sys_rename(ustr("/d/other"), ustr("/d/sub")), -EISDIR);
	assert_int_equal(sys_rename(ustr("/d/none"), ustr("/d/x")), -ENOENT);
	assert_int_equal(sys_rename(ustr("/d/other"), ustr("/d/sub/moved")), 0);
	assert_int_equal(sys_mkdir(ustr("/d/empty"), 0755), 0);
	assert_int_equal(sys_rename(ustr("/d/empty"), ustr("/d/sub")), -ENOTEMPTY);
	assert_int_equal(sys_rename(ustr("/d/sub"), ustr("/d/empty")), 0);
	assert_int_equal(xstat("/d/empty/moved", &st, true), 0);
	assert_int_equal(xstat("/d", &st, true), 0);
	assert_int_equal(st.st_nlink, 3);
	assert_int_equal(sys_unlink(ustr("/d/empty/moved")), 0);
	assert_int_equal(sys_rmdir(ustr("/d/empty")), 0);
	assert_int_equal(sys_rmdir(ustr("/d")), 0);
	assert_int_equal(sys_rmdir(ustr("/d")), -ENOENT);
}

static void test_file_io(void **state)
{
	struct stat64 st;
	char buf[64];
	long fd, fd2;
	int i;

	fd = xopen("/f", O_RDWR | O_CREAT | O_EXCL, 0666);
	assert_true(fd >= 0);
	assert_int_equal(xopen("/f", O_RDWR | O_CREAT | O_EXCL, 0666), -EEXIST);
	assert_int_equal(xopen("/", O_WRONLY, 0), -EISDIR);
	assert_int_equal(xopen("/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	assert_int_equal(xopen("/f/", O_RDONLY | O_CREAT, 0644), -EISDIR);
	assert_int_equal(xwrite(fd, "0123456789"), 10);
	assert_int_equal(sys_lseek(fd, 2, SEEK_SET), 2);
	assert_int_equal(xread(fd, buf, 3), 3);
	assert_string_equal(buf, "234");
	assert_int_equal(sys_lseek(fd, -1, SEEK_END), 9);
	assert_int_equal(sys_lseek(fd, -100, SEEK_CUR), -EINVAL);
	assert_int_equal(sys_lseek(fd, 0, 7), -EINVAL);
	/* a hole reads as zeros */
	assert_int_equal(sys_lseek(fd, 5000, SEEK_SET), 5000);
	assert_int_equal(xwrite(fd, "end"), 3);
	assert_int_equal(sys_pread64(fd, ubuf_base, 8, 0, 4990, 0), 8);
	assert_memory_equal(ubuf_base, "\0\0\0\0\0\0\0\0\0\0", 8);
	assert_int_equal(sys_pread64(fd, ubuf_base, 64, 0, 5001, 0), 2);
	assert_memory_equal(ubuf_base, "nd", 2);
	assert_int_equal(sys_fstat64(fd, (void *)ubuf_base), 0);
	memcpy(&st, ubuf_base, sizeof(st));
	assert_int_equal(st.st_mode, S_IFREG | 0644);
	assert_int_equal(st.st_size, 5003);
	assert_int_equal(st.st_blocks, 16);
	/* truncate down and up: the cut bytes come back as zeros */
	assert_int_equal(sys_ftruncate64(fd, 0, 4, 0), 0);
	assert_int_equal(sys_ftruncate64(fd, 0, 8, 0), 0);
	assert_int_equal(sys_pread64(fd, ubuf_base, 64, 0, 0, 0), 8);
	assert_memory_equal(ubuf_base, "0123\0\0\0\0", 8);
	assert_int_equal(sys_ftruncate64(fd, 0, 0, 0x80000000u), -EINVAL);
	/* O_APPEND writes at the end whatever the position */
	fd2 = xopen("/f", O_WRONLY | O_APPEND, 0);
	assert_int_equal(sys_lseek(fd2, 0, SEEK_SET), 0);
	assert_int_equal(xwrite(fd2, "AB"), 2);
	assert_int_equal(sys_lseek(fd2, 0, SEEK_CUR), 10);
	assert_int_equal(sys_read(fd2, ubuf_base, 1), -EBADF);
	assert_int_equal(sys_close(fd2), 0);
	fd2 = xopen("/f", O_RDONLY, 0);
	assert_int_equal(sys_ftruncate64(fd2, 0, 0, 0), -EINVAL);
	assert_int_equal(sys_close(fd2), 0);
	/* O_TRUNC empties it; an unlinked file lives while open */
	fd2 = xopen("/f", O_RDWR | O_TRUNC, 0);
	assert_int_equal(sys_fstat64(fd2, (void *)ubuf_base), 0);
	assert_int_equal(((struct stat64 *)ubuf_base)->st_size, 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(xwrite(fd2, "abc"), 3);
	assert_int_equal(sys_unlink(ustr("/f")), 0);
	assert_int_equal(xstat("/f", &st, true), -ENOENT);
	assert_int_equal(sys_pread64(fd, ubuf_base, 64, 0, 0, 0), 9);
	assert_int_equal(sys_fsync(fd), 0);
	assert_int_equal(sys_close(fd2), 0);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_close(fd), -EBADF);
	assert_int_equal(sys_read(-1, ubuf_base, 1), -EBADF);
}

static void test_permissions(void **state)
{
	struct stat64 st;
	long fd;

	mkfile("/secret", "s");
	assert_int_equal(sys_access(ustr("/secret"), 1), -EACCES); /* root, no x bit */
	assert_int_equal(sys_access(ustr("/secret"), 8), -EINVAL);
	stub_task.cred.uid = stub_task.cred.euid = stub_task.cred.fsuid = 1000;
	fd = xopen("/secret", O_RDONLY, 0); /* 0644: others may read */
	assert_true(fd >= 0);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(xopen("/secret", O_WRONLY, 0), -EACCES);
	assert_int_equal(sys_access(ustr("/secret"), 2), -EACCES);
	assert_int_equal(sys_unlink(ustr("/secret")), -EACCES); /* / is 0755 root */
	assert_int_equal(xopen("/new", O_WRONLY | O_CREAT, 0644), -EACCES);
	/* only root changes owners; only the owner (or root) modes */
	assert_int_equal(sys_chown(ustr("/secret"), 1000, -1), -EPERM);
	assert_int_equal(sys_chmod(ustr("/secret"), 0666), -EPERM);
	stub_task.cred.uid = stub_task.cred.euid = stub_task.cred.fsuid = 0;
	assert_int_equal(sys_chown(ustr("/secret"), 1000, 50), 0);
	assert_int_equal(sys_chmod(ustr("/secret"), 02755), 0);
	stub_task.cred.uid = stub_task.cred.euid = stub_task.cred.fsuid = 1000;
	assert_int_equal(xstat("/secret", &st, true), 0);
	assert_int_equal(st.st_uid, 1000);
	assert_int_equal(st.st_mode & 07777, 02755);
	/* the owner, not in group 50: its chmod drops set-group-ID */
	assert_int_equal(sys_chmod(ustr("/secret"), 02700), 0);
	assert_int_equal(xstat("/secret", &st, true), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	assert_int_equal(sys_chown(ustr("/secret"), 1000, 50), 0); /* no change: allowed */
	assert_int_equal(sys_chown(ustr("/secret"), -1, 51), -EPERM); /* not its group */
	assert_int_equal(sys_chown(ustr("/secret"), 0, -1), -EPERM); /* give it away */
	stub_task.cred.uid = stub_task.cred.euid = stub_task.cred.fsuid = 0;
	/* a file created read-only may still be opened for writing by its creator */
	fd = xopen("/ro", O_WRONLY | O_CREAT, 0444);
	assert_true(fd >= 0);
	assert_int_equal(xstat("/ro", &st, true), 0);
	assert_int_equal(st.st_mode & 0777, 0444);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_unlink(ustr("/ro")), 0);
	assert_int_equal(sys_unlink(ustr("/secret")), 0);
}

/* Names a getdents64 into the user buffer returns, joined by ' '. */
static long list_dir(long fd, unsigned int count, char *names)
{
	long n = sys_getdents64(fd, (void *)ubuf_base, count), off = 0;

	names[0] = '\0';
	while (off < n) {
		struct linux_dirent64 *d = (void *)(ubuf_base + off);

		strcat(names, d->d_name);
		strcat(names, " ");
		assert_int_equal(d->d_reclen % 8, 0);
		off += d->d_reclen;
	}
	return n;
}

static void test_getdents64(void **state)
{
	char names[256];
	long fd;

	assert_int_equal(sys_mkdir(ustr("/g"), 0755), 0);
	mkfile("/g/one", "1");
	assert_int_equal(sys_mkdir(ustr("/g/two"), 0755), 0);
	assert_int_equal(do_symlinkat("one", AT_FDCWD, "/g/three"), 0);
	fd = xopen("/g", O_RDONLY | O_DIRECTORY, 0);
	assert_true(fd >= 0);
	assert_true(list_dir(fd, 4096, names) > 0);
	assert_string_equal(names, ". .. one two three ");
	assert_int_equal(list_dir(fd, 4096, names), 0);
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(list_dir(fd, 10, names), -EINVAL);
	assert_true(list_dir(fd, 48, names) > 0); /* two records fit */
	assert_string_equal(names, ". .. ");
	assert_true(list_dir(fd, 4096, names) > 0);
	assert_string_equal(names, "one two three ");
	assert_int_equal(((struct linux_dirent64 *)ubuf_base)->d_type, DT_REG);
	assert_int_equal(sys_read(fd, ubuf_base, 10), -EISDIR);
	assert_int_equal(sys_close(fd), 0);
	fd = xopen("/g/one", O_RDONLY, 0);
	assert_int_equal(sys_getdents64(fd, (void *)ubuf_base, 4096), -ENOTDIR);
	assert_int_equal(sys_getdents64(fd, (void *)0x10, 4096), -ENOTDIR);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_getdents64(99, (void *)ubuf_base, 4096), -EBADF);
	assert_int_equal(sys_unlink(ustr("/g/one")), 0);
	assert_int_equal(sys_unlink(ustr("/g/three")), 0);
	assert_int_equal(sys_rmdir(ustr("/g/two")), 0);
	assert_int_equal(sys_rmdir(ustr("/g")), 0);
}

static void test_cwd(void **state)
{
	long fd, dfd;

	assert_int_equal(sys_mkdir(ustr("/w"), 0755), 0);
	assert_int_equal(sys_mkdir(ustr("/w/x"), 0755), 0);
	assert_int_equal(sys_chdir(ustr("/w/x")), 0);
	assert_int_equal(sys_getcwd(ubuf_base, 100), 5);
	assert_string_equal(ubuf_base, "/w/x");
	assert_int_equal(sys_getcwd(ubuf_base, 4), -ERANGE);
	assert_int_equal(sys_getcwd(NULL, 100), -EFAULT);
	mkfile("rel", "r");
	assert_int_equal(sys_chdir(ustr("..")), 0);
	assert_int_equal(sys_getcwd(ubuf_base, 100), 3);
	assert_string_equal(ubuf_base, "/w");
	assert_int_equal(sys_chdir(ustr("x/rel")), -ENOTDIR);
	assert_int_equal(sys_chdir(ustr("nope")), -ENOENT);
	dfd = xopen("x", O_RDONLY | O_DIRECTORY, 0);
	fd = sys_openat(dfd, ustr("rel"), O_RDONLY, 0);
	assert_true(fd >= 0);
	assert_int_equal(sys_openat(fd, ustr("rel"), O_RDONLY, 0), -ENOTDIR);
	assert_int_equal(sys_openat(77, ustr("rel"), O_RDONLY, 0), -EBADF);
	assert_int_equal(sys_fchdir(fd), -ENOTDIR);
	assert_int_equal(sys_fchdir(dfd), 0);
	assert_int_equal(sys_getcwd(ubuf_base, 100), 5);
	assert_string_equal(ubuf_base, "/w/x");
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_close(dfd), 0);
	assert_int_equal(sys_unlink(ustr("rel")), 0);
	assert_int_equal(sys_chdir(ustr("/")), 0);
	assert_int_equal(sys_rmdir(ustr("/w/x")), 0);
	assert_int_equal(sys_rmdir(ustr("/w")), 0);
}

static void test_descriptor_table(void **state)
{
	struct files_struct *copy;
	long fd, fd2;
	int err;

	fd = xopen("/", O_RDONLY, 0);
	assert_int_equal(fd, 0);
	assert_int_equal(sys_dup(fd), 1);
	assert_int_equal(sys_dup2(fd, 7), 7);
	assert_int_equal(sys_dup2(fd, fd), fd);
	assert_int_equal(sys_dup2(5, 5), -EBADF);
	assert_int_equal(sys_dup3(fd, fd, 0), -EINVAL);
	assert_int_equal(sys_dup3(fd, 8, O_CLOEXEC), 8);
	assert_int_equal(sys_dup3(fd, 9, 1), -EINVAL);
	assert_int_equal(sys_dup3(fd, 4096, 0), -EBADF);
	assert_int_equal(sys_fcntl64(8, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_fcntl64(7, F_GETFD, 0), 0);
	assert_int_equal(sys_fcntl64(fd, F_DUPFD, 20), 20);
	assert_int_equal(sys_fcntl64(fd, F_DUPFD_CLOEXEC, 20), 21);
	assert_int_equal(sys_fcntl64(fd, F_GETFL, 0) & O_ACCMODE, O_RDONLY);
	assert_int_equal(sys_fcntl64(fd, F_SETFL, O_NONBLOCK | O_RDWR), 0);
	assert_int_equal(sys_fcntl64(fd, F_GETFL, 0) & (O_ACCMODE | O_NONBLOCK), O_NONBLOCK);
	assert_int_equal(sys_fcntl64(fd, F_SETLK, 0), -EINVAL);
	assert_int_equal(sys_ioctl(7, FIOCLEX, 0), 0);
	assert_int_equal(sys_fcntl64(7, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_ioctl(7, 0x5401, 0), -ENOTTY); /* TCGETS on a directory */
	assert_int_equal(sys_close(1), 0);
	assert_int_equal(sys_dup(fd), 1); /* the lowest free number */

	/* fork's copy shares the files, not the table; exec closes cloexec */
	copy = dup_fd(&init_files, &err);
	assert_non_null(copy);
	assert_int_equal(sys_close(20), 0);
	assert_non_null(fcheck_files(copy, 20));
	do_close_on_exec(copy);
	assert_null(fcheck_files(copy, 7));
	assert_null(fcheck_files(copy, 8));
	assert_null(fcheck_files(copy, 21));
	assert_non_null(fcheck_files(copy, 20));
	assert_non_null(fcheck_files(&init_files, 8));
	put_files_struct(copy);

	/* RLIMIT_NOFILE bounds the numbers */
	stub_signal.rlim[RLIMIT_NOFILE].rlim_cur = 10;
	assert_int_equal(sys_fcntl64(fd, F_DUPFD, 10), -EINVAL);
	fd2 = sys_dup(fd);
	assert_int_equal(fd2, 2);
	while ((fd2 = sys_dup(fd)) >= 0)
		;
	assert_int_equal(fd2, -EMFILE);
	assert_int_equal(xopen("/", O_RDONLY, 0), -EMFILE);
	for (fd2 = 0; fd2 < NR_OPEN_DEFAULT; fd2++)
		sys_close(fd2);
	assert_int_equal(sys_close(0), -EBADF);
}

static void test_pipes(void **state)
{
	int *fds = (int *)ubuf_base + 1000;
	struct iovec *iov = (void *)(ubuf_base + 8000);
	char buf[64];
	int r, w, i;

	assert_int_equal(sys_pipe(fds), 0);
	r = fds[0];
	w = fds[1];
	assert_int_equal(xwrite(w, "hello"), 5);
	assert_int_equal(sys_ioctl(r, FIONREAD, (unsigned long)(ubuf_base + 500)), 0);
	assert_int_equal(*(int *)(ubuf_base + 500), 5);
	assert_int_equal(xread(r, buf, 2), 2);
	assert_string_equal(buf, "he");
	assert_int_equal(xread(r, buf, 64), 3);
	assert_string_equal(buf, "llo");
	/* empty and still open for writing: a blocking read would sleep; here
	 * the sleep sees a signal */
	assert_int_equal(xread(r, buf, 64), -ERESTARTSYS);
	assert_int_equal(sys_read(w, ubuf_base, 1), -EBADF);
	assert_int_equal(sys_write(r, ubuf_base, 1), -EBADF);
	assert_int_equal(sys_lseek(r, 0, SEEK_SET), -ESPIPE);
	assert_int_equal(sys_pread64(r, ubuf_base, 1, 0, 0, 0), -ESPIPE);
	assert_int_equal(sys_fstat64(r, (void *)ubuf_base), 0);
	assert_true(S_ISFIFO(((struct stat64 *)ubuf_base)->st_mode));
	/* readv/writev, a zero-length piece included */
	memcpy(ubuf_base + 100, "abcde", 5);
	iov[0] = (struct iovec){ ubuf_base + 100, 2 };
	iov[1] = (struct iovec){ ubuf_base + 100, 0 };
	iov[2] = (struct iovec){ ubuf_base + 102, 3 };
	assert_int_equal(sys_writev(w, (void *)iov, 3), 5);
	iov[0] = (struct iovec){ ubuf_base + 200, 1 };
	iov[1] = (struct iovec){ ubuf_base + 210, 10 };
	assert_int_equal(sys_readv(r, (void *)iov, 2), 5);
	assert_memory_equal(ubuf_base + 200, "a", 1);
	assert_memory_equal(ubuf_base + 210, "bcde", 4);
	iov[0] = (struct iovec){ (void *)0x10, 4 };
	assert_int_equal(sys_writev(w, (void *)iov, 1), -EFAULT);
	assert_int_equal(sys_writev(w, (void *)0x10, 1), -EFAULT);
	assert_int_equal(sys_writev(w, (void *)iov, 2000), -EINVAL);
	/* filling with O_NONBLOCK: up to PIPE_BUF bytes go in whole or not at all */
	assert_int_equal(sys_fcntl64(w, F_SETFL, O_NONBLOCK), 0);
	for (i = 0; i < PIPE_SIZE / 1000; i++)
		assert_int_equal(sys_write(w, ubuf_base, 1000), 1000);
	assert_int_equal(sys_write(w, ubuf_base, PIPE_SIZE % 1000 + 1), -EAGAIN);
	assert_int_equal(sys_write(w, ubuf_base, PIPE_SIZE % 1000), PIPE_SIZE % 1000);
	assert_int_equal(sys_write(w, ubuf_base, 1), -EAGAIN);
	/* a bad buffer consumes nothing */
	assert_int_equal(sys_read(r, (void *)0x10, 10), -EFAULT);
	assert_int_equal(sys_ioctl(r, FIONREAD, (unsigned long)(ubuf_base + 500)), 0);
	assert_int_equal(*(int *)(ubuf_base + 500), PIPE_SIZE);
	/* writers gone: what is left, then EOF */
	assert_int_equal(sys_close(w), 0);
	assert_int_equal(sys_read(r, ubuf_base, PIPE_SIZE + 10), PIPE_SIZE);
	assert_int_equal(sys_read(r, ubuf_base, 10), 0);
	assert_int_equal(sys_close(r), 0);

	/* readers gone: EPIPE and SIGPIPE; more than PIPE_BUF may go in part */
	assert_int_equal(sys_pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
	assert_int_equal(sys_fcntl64(fds[0], F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(xread(fds[0], buf, 1), -EAGAIN);
	assert_int_equal(sys_write(fds[1], ubuf_base, PIPE_SIZE + 100), PIPE_SIZE);
	assert_int_equal(sys_close(fds[0]), 0);
	assert_int_equal(xwrite(fds[1], "x"), -EPIPE);
	assert_int_equal(stub_last_sig, SIGPIPE);
	assert_int_equal(sys_close(fds[1]), 0);
	assert_int_equal(sys_pipe2(fds, O_APPEND), -EINVAL);
	/* a bad array: -EFAULT, and no descriptor is left behind */
	assert_int_equal(sys_pipe((int *)0x10), -EFAULT);
	assert_int_equal(xopen("/", O_RDONLY, 0), 0);
	assert_int_equal(sys_close(0), 0);
}

static void test_poll(void **state)
{
	struct pollfd *pfd = (void *)(ubuf_base + 4096);
	int *fds = (int *)ubuf_base + 1000;
	long fd;

	assert_int_equal(sys_pipe(fds), 0);
	fd = xopen("/", O_RDONLY, 0);
	pfd[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	pfd[2] = (struct pollfd){ .fd = -1, .events = POLLIN };
	pfd[3] = (struct pollfd){ .fd = 99, .events = POLLIN };
	pfd[4] = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	assert_int_equal(sys_poll(pfd, 5, 0), 3);
	assert_int_equal(pfd[0].revents, 0); /* empty */
	assert_int_equal(pfd[1].revents, POLLOUT);
	assert_int_equal(pfd[2].revents, 0); /* ignored */
	assert_int_equal(pfd[3].revents, POLLNVAL);
	assert_int_equal(pfd[4].revents, POLLIN | POLLOUT); /* always ready */
	/* nothing ready: sleeps until the timeout (which the stub ends at once) */
	assert_int_equal(sys_poll(pfd, 1, 100), 0);
	assert_int_equal(sys_poll(pfd, 1, -1), 0);
	assert_int_equal(xwrite(fds[1], "x"), 1);
	assert_int_equal(sys_poll(pfd, 1, -1), 1);
	assert_int_equal(pfd[0].revents, POLLIN); /* POLLRDNORM was not asked for */
	assert_int_equal(sys_close(fds[1]), 0);
	pfd[0].events = POLLIN;
	assert_int_equal(sys_poll(pfd, 1, 0), 1);
	assert_int_equal(pfd[0].revents, POLLIN | POLLHUP);
	assert_int_equal(sys_poll((void *)0x10, 1, 0), -EFAULT);
	assert_int_equal(sys_poll(pfd, 100000, 0), -EINVAL);
	assert_int_equal(sys_close(fds[0]), 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_mount_umount(void **state)
{
	struct stat64 st;
	char buf[16];
	long fd;

	assert_int_equal(sys_mkdir(ustr("/mnt"), 0755), 0);
	mkfile("/mnt/under", "u");
	mkfile("/plain", "p");
	assert_int_equal(sys_mount(ustr("none"), ustr("/mnt"), ustr("nosuchfs"), 0, NULL), -ENODEV);
	assert_int_equal(sys_mount(ustr("none"), ustr("/nowhere"), ustr("tmpfs"), 0, NULL), -ENOENT);
	assert_int_equal(sys_mount(ustr("none"), ustr("/plain"), ustr("tmpfs"), 0, NULL), -ENOTDIR);
	assert_int_equal(sys_mount(ustr("none"), ustr("/mnt"), ustr("tmpfs"), MS_REMOUNT, NULL),
			 -EINVAL);
	assert_int_equal(sys_mount(ustr("none"), ustr("/mnt"), ustr("tmpfs"), 0, NULL), 0);
	assert_int_equal(xstat("/mnt/under", &st, true), -ENOENT); /* covered */
	assert_int_equal(sys_mkdir(ustr("/mnt/in"), 0755), 0);
	mkfile("/mnt/in/f", "mounted");
	assert_int_equal(sys_rmdir(ustr("/mnt")), -EBUSY);
	assert_int_equal(sys_rename(ustr("/mnt/in/f"), ustr("/f2")), -EXDEV);
	assert_int_equal(sys_chdir(ustr("/mnt/in")), 0);
	assert_int_equal(sys_getcwd(ubuf_base, 100), 8);
	assert_string_equal(ubuf_base, "/mnt/in");
	assert_int_equal(sys_chdir(ustr("../..")), 0); /* up across the mount */
	assert_int_equal(sys_getcwd(ubuf_base, 100), 2);
	assert_int_equal(sys_chdir(ustr("/mnt/in")), 0);
	assert_int_equal(sys_umount(ustr("/mnt"), 0), -EBUSY);
	assert_int_equal(sys_chdir(ustr("/")), 0);
	assert_int_equal(sys_umount(ustr("/mnt/in"), 0), -EINVAL);
	assert_int_equal(sys_umount(ustr("/"), 0), -EINVAL);
	assert_int_equal(sys_umount(ustr("/mnt"), 0x40), -EINVAL);
	/* lazy: gone from the tree at once, alive while a file is open */
	fd = xopen("/mnt/in/f", O_RDONLY, 0);
	assert_int_equal(sys_umount(ustr("/mnt"), 0), -EBUSY);
	assert_int_equal(sys_umount(ustr("/mnt"), MNT_DETACH), 0);
	assert_int_equal(xstat("/mnt/under", &st, true), 0);
	assert_int_equal(xread(fd, buf, 16), 7);
	assert_string_equal(buf, "mounted");
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_umount(ustr("/mnt"), 0), -EINVAL);
	/* mounted twice on the same place: the last one shows */
	assert_int_equal(sys_mount(NULL, ustr("/mnt"), ustr("ramfs"), 0, NULL), 0);
	assert_int_equal(sys_mount(NULL, ustr("/mnt"), ustr("ramfs"), 0, NULL), 0);
	mkfile("/mnt/top", "t");
	assert_int_equal(sys_umount(ustr("/mnt"), 0), 0);
	assert_int_equal(xstat("/mnt/top", &st, true), -ENOENT);
	assert_int_equal(sys_umount(ustr("/mnt"), 0), 0);
	assert_int_equal(sys_unlink(ustr("/mnt/under")), 0);
	assert_int_equal(sys_unlink(ustr("/plain")), 0);
	assert_int_equal(sys_rmdir(ustr("/mnt")), 0);
}

/* tmpfs's limits: size= pages of data, nr_inodes= inodes, ENOSPC past
 * them, the room back when files go; bad options are EINVAL. */
static void test_tmpfs_limits(void **state)
{
	long fd, i;

	assert_int_equal(sys_mkdir(ustr("/mnt"), 0755), 0);
	assert_int_equal(sys_mount(ustr("none"), ustr("/mnt"), ustr("tmpfs"), 0, ustr("size=1x")),
			 -EINVAL);
	assert_int_equal(sys_mount(ustr("none"), ustr("/mnt"), ustr("tmpfs"), 0, ustr("color=red")),
			 -EINVAL);
	assert_int_equal(sys_mount(ustr("none"), ustr("/mnt"), ustr("tmpfs"), 0,
				   ustr("size=8k,nr_inodes=3,mode=700")), 0);
	fd = xopen("/mnt/f", O_WRONLY | O_CREAT, 0644);
	memset(ubuf_base, 'x', 3 * PAGE_SIZE);
	assert_int_equal(sys_write(fd, ubuf_base, 3 * PAGE_SIZE), 2 * PAGE_SIZE);
	assert_int_equal(sys_write(fd, ubuf_base, 1), -ENOSPC);
	assert_int_equal(sys_ftruncate64(fd, 0, PAGE_SIZE, 0), 0);
	assert_int_equal(sys_write(fd, ubuf_base, PAGE_SIZE), PAGE_SIZE);
	assert_int_equal(sys_close(fd), 0);
	/* the root and f are two inodes of three */
	assert_int_equal(sys_mkdir(ustr("/mnt/d"), 0755), 0);
	assert_int_equal(sys_mkdir(ustr("/mnt/e"), 0755), -ENOSPC);
	assert_int_equal(xopen("/mnt/g", O_WRONLY | O_CREAT, 0644), -ENOSPC);
	assert_int_equal(sys_unlink(ustr("/mnt/f")), 0);
	fd = xopen("/mnt/g", O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	for (i = 0; i < 2; i++)
		assert_int_equal(sys_write(fd, ubuf_base, PAGE_SIZE), PAGE_SIZE);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_unlink(ustr("/mnt/g")), 0);
	assert_int_equal(sys_rmdir(ustr("/mnt/d")), 0);
	assert_int_equal(sys_umount(ustr("/mnt"), 0), 0);
	/* a ramfs has no limit */
	assert_int_equal(sys_mount(NULL, ustr("/mnt"), ustr("ramfs"), 0, NULL), 0);
	fd = xopen("/mnt/f", O_WRONLY | O_CREAT, 0644);
	assert_int_equal(sys_write(fd, ubuf_base, 3 * PAGE_SIZE), 3 * PAGE_SIZE);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_unlink(ustr("/mnt/f")), 0);
	assert_int_equal(sys_umount(ustr("/mnt"), 0), 0);
	assert_int_equal(sys_rmdir(ustr("/mnt")), 0);
}

static void test_dev_null_zero(void **state)
{
	long null, zero;

	assert_int_equal(do_mkdirat(AT_FDCWD, "/dv", 0755), 0);
	assert_int_equal(do_mknodat(AT_FDCWD, "/dv/null", S_IFCHR | 0666, MKDEV(1, 3)), 0);
	assert_int_equal(do_mknodat(AT_FDCWD, "/dv/zero", S_IFCHR | 0666, MKDEV(1, 5)), 0);
	assert_int_equal(do_mknodat(AT_FDCWD, "/dv/bad", S_IFCHR | 0666, MKDEV(1, 9)), 0);
	assert_int_equal(do_mknodat(AT_FDCWD, "/dv/none", S_IFCHR | 0666, MKDEV(99, 0)), 0);
	assert_int_equal(sys_mknod(ustr("/dv/d"), S_IFDIR | 0666, 0), -EPERM);
	assert_int_equal(sys_mknod(ustr("/dv/l"), S_IFLNK | 0666, 0), -EINVAL);
	stub_task.cred.euid = stub_task.cred.fsuid = 1000;
	assert_int_equal(sys_mknod(ustr("/dv/c"), S_IFCHR | 0666, 0x103), -EACCES); /* 0755 root */
	assert_int_equal(sys_chmod(ustr("/dv"), 0777), -EPERM);
	stub_task.cred.euid = stub_task.cred.fsuid = 0;
	assert_int_equal(sys_chmod(ustr("/dv"), 0777), 0);
	stub_task.cred.euid = stub_task.cred.fsuid = 1000;
	assert_int_equal(sys_mknod(ustr("/dv/c"), S_IFCHR | 0666, 0x103), -EPERM); /* CAP_MKNOD */
	assert_int_equal(sys_mknod(ustr("/dv/f"), S_IFIFO | 0666, 0), 0);
	stub_task.cred.euid = stub_task.cred.fsuid = 0;
	assert_int_equal(sys_unlink(ustr("/dv/f")), 0);
	null = xopen("/dv/null", O_RDWR, 0);
	zero = xopen("/dv/zero", O_RDWR, 0);
	assert_true(null >= 0 && zero >= 0);
	assert_int_equal(sys_read(null, ubuf_base, 10), 0);
	assert_int_equal(xwrite(null, "gone"), 4);
	memset(ubuf_base, 'x', 10);
	assert_int_equal(sys_read(zero, ubuf_base, 10), 10);
	assert_memory_equal(ubuf_base, "\0\0\0\0\0\0\0\0\0\0", 10);
	assert_int_equal(sys_read(zero, (void *)0x10, 10), -EFAULT);
	assert_int_equal(xopen("/dv/bad", O_RDONLY, 0), -ENXIO);
	assert_int_equal(xopen("/dv/none", O_RDONLY, 0), -ENXIO);
	assert_int_equal(sys_close(null), 0);
	assert_int_equal(sys_close(zero), 0);
	assert_int_equal(sys_unlink(ustr("/dv/null")), 0);
	assert_int_equal(sys_unlink(ustr("/dv/zero")), 0);
	assert_int_equal(sys_unlink(ustr("/dv/bad")), 0);
	assert_int_equal(sys_unlink(ustr("/dv/none")), 0);
	assert_int_equal(sys_rmdir(ustr("/dv")), 0);
}

/* Bad user pointers give -EFAULT and change nothing. */
static void test_efault(void **state)
{
	static void *const bad[] = { NULL, (void *)0x10, (void *)0xc0008000 };
	unsigned int i;
	long fd;

	mkfile("/e", "0123456789");
	fd = xopen("/e", O_RDWR, 0);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_int_equal(sys_open(bad[i], O_RDONLY, 0), -EFAULT);
		assert_int_equal(sys_stat64(bad[i], (void *)ubuf_base), -EFAULT);
		assert_int_equal(sys_stat64(ustr("/e"), bad[i]), -EFAULT);
		assert_int_equal(sys_fstat64(fd, bad[i]), -EFAULT);
		assert_int_equal(sys_read(fd, bad[i], 4), -EFAULT);
		assert_int_equal(sys_write(fd, bad[i], 4), -EFAULT);
		assert_int_equal(sys_mkdir(bad[i], 0755), -EFAULT);
		assert_int_equal(sys_chdir(bad[i]), -EFAULT);
		assert_int_equal(sys_getcwd(bad[i], 64), -EFAULT);
		assert_int_equal(sys_mount(NULL, bad[i], ustr("tmpfs"), 0, NULL), -EFAULT);
		assert_int_equal(sys_llseek(fd, 0, 0, bad[i], SEEK_SET), -EFAULT);
	}
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 0); /* no read moved it */
	assert_int_equal(sys_open(ustr(""), O_RDONLY, 0), -ENOENT);
	memset(ubuf_base, 'a', PATH_MAX + 1);
	ubuf_base[0] = '/';
	assert_int_equal(sys_open(ubuf_base, O_RDONLY, 0), -ENAMETOOLONG);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_unlink(ustr("/e")), 0);
}

static size_t read_fixture(const char *name, char *to, size_t room)
{
	char path[256];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "tests/host/data/%s", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(to, 1, room, f);
	fclose(f);
	return n;
}

static void check_unpacked_tree(void)
{
	struct stat64 st, st2;
	char buf[32];
	long fd;

	assert_int_equal(xstat("/ird/bin/hello", &st, false), 0);
	assert_int_equal(st.st_mode, S_IFREG | 0755);
	assert_int_equal(st.st_mtime, 1234567890);
	assert_int_equal(st.st_uid, 0);
	fd = xopen("/ird/bin/hello", O_RDONLY, 0);
	assert_int_equal(xread(fd, buf, sizeof(buf) - 1), 13);
	assert_string_equal(buf, "hello, world\n");
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(xstat("/ird/bin/sh", &st, false), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(sys_readlink(ustr("/ird/bin/sh"), ubuf_base, 32), 5);
	assert_memory_equal(ubuf_base, "hello", 5);
	/* a hard link: one inode, two names, the data given with the last */
	assert_int_equal(xstat("/ird/etc/a", &st, false), 0);
	assert_int_equal(xstat("/ird/etc/b", &st2, false), 0);
	assert_int_equal(st.st_ino, st2.st_ino);
	assert_int_equal(st.st_nlink, 2);
	assert_int_equal(st.st_size, 7);
	assert_int_equal(xstat("/ird/etc/empty", &st, false), 0);
	assert_int_equal(st.st_size, 0);
	assert_int_equal(xstat("/ird/init", &st, false), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
}

static void remove_unpacked_tree(void)
{
	static const char *const files[] = { "bin/hello", "bin/sh", "etc/a", "etc/b",
					      "etc/empty", "init" };
	char path[64];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		snprintf(path, sizeof(path), "/ird/%s", files[i]);
		assert_int_equal(sys_unlink(ustr(path)), 0);
	}
	assert_int_equal(sys_rmdir(ustr("/ird/bin")), 0);
	assert_int_equal(sys_rmdir(ustr("/ird/etc")), 0);
	assert_int_equal(sys_rmdir(ustr("/ird")), 0);
}

static void test_initramfs(void **state)
{
	static char archive[4096];
	const char *msg = NULL;
	struct stat64 st;
	size_t len = read_fixture("initramfs.cpio", archive, sizeof(archive));

	assert_int_equal(sys_mkdir(ustr("/ird"), 0755), 0);
	assert_int_equal(sys_chdir(ustr("/ird")), 0);
	assert_int_equal(unpack_to_rootfs(archive, len, &msg), 0);
	check_unpacked_tree();
	/* unpacked again over itself: the same tree, no error */
	assert_int_equal(unpack_to_rootfs(archive, len, &msg), 0);
	check_unpacked_tree();
	remove_unpacked_tree();

	/* names taken by something of another type: the old one goes, as
	 * Linux's clean_path does (a file where a directory comes, an empty
	 * directory where a symlink comes, a symlink where a file comes) */
	assert_int_equal(sys_mkdir(ustr("/ird"), 0755), 0);
	assert_int_equal(sys_chdir(ustr("/ird")), 0);
	mkfile("/ird/etc", "old");
	assert_int_equal(sys_mkdir(ustr("/ird/bin"), 0700), 0);
	assert_int_equal(sys_mkdir(ustr("/ird/bin/sh"), 0755), 0);
	assert_int_equal(sys_symlink(ustr("bin/hello"), ustr("/ird/init")), 0);
	assert_int_equal(unpack_to_rootfs(archive, len, &msg), 0);
	check_unpacked_tree();
	assert_int_equal(xstat("/ird/bin", &st, false), 0);
	assert_int_equal(st.st_mode, S_IFDIR | 0755); /* an old directory gets the archive's mode */
	assert_int_equal(xstat("/ird/init", &st, false), 0);
	assert_true(S_ISREG(st.st_mode));
	remove_unpacked_tree();

	len = read_fixture("initramfs-crc.cpio", archive, sizeof(archive));
	assert_int_equal(sys_mkdir(ustr("/ird"), 0755), 0);
	assert_int_equal(sys_chdir(ustr("/ird")), 0);
	populate_rootfs(archive, len);
	check_unpacked_tree();
	remove_unpacked_tree();

	/* cut short: an error, and what came before it stays */
	len = read_fixture("initramfs.cpio", archive, sizeof(archive));
	assert_int_equal(sys_mkdir(ustr("/ird"), 0755), 0);
	assert_int_equal(sys_chdir(ustr("/ird")), 0);
	stub_printk_buf[0] = '\0';
	populate_rootfs(archive, 700);
	assert_non_null(strstr(stub_printk_buf, "Initramfs unpacking failed: "));
	assert_int_equal(sys_rmdir(ustr("/ird/bin")), -ENOTEMPTY);
	assert_int_equal(unpack_to_rootfs(archive, 700, &msg), -EINVAL);
	assert_non_null(msg);
	assert_int_equal(unpack_to_rootfs("070707garbage", 13, &msg), -EINVAL);
	assert_string_equal(msg, "incorrect cpio method used: use -H newc option");
	assert_int_equal(unpack_to_rootfs("garbage", 7, &msg), -EINVAL);
	assert_string_equal(msg, "no cpio magic");
	assert_int_equal(unpack_to_rootfs(archive, 0, &msg), 0);
	assert_int_equal(unpack_to_rootfs(archive, len, &msg), 0);
	remove_unpacked_tree();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lookup_dots_and_slashes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlinks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory_operations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_io, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_getdents64, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cwd, setup, teardown),
		cmocka_unit_test_setup_teardown(test_descriptor_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_poll, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mount_umount, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tmpfs_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dev_null_zero, setup, teardown),
		cmocka_unit_test_setup_teardown(test_efault, setup, teardown),
		cmocka_unit_test_setup_teardown(test_initramfs, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
