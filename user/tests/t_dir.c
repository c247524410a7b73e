/* Directories: mkdir/rmdir, chdir/fchdir/getcwd, getdents64 through
 * readdir, the error cases, a one-pass rm -r of a large directory. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

/* has_entry - RETURNS: 1 if directory path lists name */
static int has_entry(const char *path, const char *name)
{
	struct dirent *d;
	DIR *dir = opendir(path);
	int found = 0;

	if (!dir)
		return 0;
	while ((d = readdir(dir)) != NULL)
		found |= !strcmp(d->d_name, name);
	closedir(dir);
	return found;
}

#define RM_DIR "/tmp/t_dir_rm"
#define RM_FILES 200

/*
 * A one-pass `rm -r`: read a small getdents64 batch, unlink what it
 * listed, read on, making a new entry after each of the first batches.
 * Counting the position by list index skipped the entries that followed
 * the removed ones, and rmdir failed with ENOTEMPTY (issue 8). Entries
 * made during the walk may or may not be listed, as on Linux.
 */
static void unlink_while_listing(void)
{
	char buf[200], name[64];
	int fd, i, n, off, removed = 0, made = 0, batches = 0, errors = 0;

	mkdir(RM_DIR, 0755);
	for (i = 0; i < RM_FILES; i++) {
		snprintf(name, sizeof(name), RM_DIR "/f%d", i);
		close(open(name, O_WRONLY | O_CREAT, 0644));
	}
	fd = open(RM_DIR, O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "open a directory of 200 files");
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0 && batches++ < 10 * RM_FILES) {
		for (off = 0; off < n; off += ((struct linux_dirent64 *)(buf + off))->d_reclen) {
			const char *entry = ((struct linux_dirent64 *)(buf + off))->d_name;

			if (!strcmp(entry, ".") || !strcmp(entry, ".."))
				continue;
			if (unlinkat(fd, entry, 0))
				errors++;
			else
				removed += entry[0] == 'f';
		}
		if (made < 20) {
			snprintf(name, sizeof(name), RM_DIR "/new%d", made++);
			close(open(name, O_WRONLY | O_CREAT, 0644));
		}
	}
	CHECK_EQ(n, 0, "getdents64 while unlinking reaches the end");
	CHECK_EQ(errors, 0, "every listed entry could be unlinked");
	CHECK_EQ(removed, RM_FILES, "all 200 files were listed while unlinking");
	for (i = 0; i < made; i++) {
		snprintf(name, sizeof(name), RM_DIR "/new%d", i);
		unlink(name);
	}
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "lseek a directory back to 0");
	n = getdents64(fd, buf, sizeof(buf));
	CHECK(n > 0 && !strcmp(((struct linux_dirent64 *)buf)->d_name, "."),
	      "getdents64 after lseek lists . again");
	close(fd);
	CHECK(!has_entry(RM_DIR, "f0") && !has_entry(RM_DIR, "f199"), "the directory is empty");
	CHECK_EQ(rmdir(RM_DIR), 0, "rmdir after a one-pass rm -r");
}

int main(void)
{
	char buf[256];
	int fd;

	rmdir("/tmp/t_dir/sub");
	unlink("/tmp/t_dir/file");
	rmdir("/tmp/t_dir");
	CHECK_EQ(mkdir("/tmp/t_dir", 0755), 0, "mkdir");
	CHECK_ERR(mkdir("/tmp/t_dir", 0755), EEXIST, "mkdir twice -> EEXIST");
	CHECK_ERR(mkdir("/tmp/none/x", 0755), ENOENT, "mkdir under a missing dir -> ENOENT");
	CHECK_EQ(chdir("/tmp/t_dir"), 0, "chdir");
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/tmp/t_dir"), "getcwd after chdir");
	CHECK(getcwd(buf, 3) == NULL && errno == ERANGE, "getcwd into a small buffer -> ERANGE");
	fd = open("file", O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0, "create a file with a relative path");
	close(fd);
	CHECK_EQ(mkdir("sub", 0755), 0, "mkdir relative");
	CHECK(has_entry(".", "file") && has_entry(".", "sub"), "getdents64 lists file and sub");
	CHECK(has_entry(".", ".") && has_entry(".", ".."), "getdents64 lists . and ..");
	CHECK(has_entry("/", "bin"), "getdents64 of / lists bin");
	CHECK_ERR(rmdir("/tmp/t_dir"), ENOTEMPTY, "rmdir a non-empty dir -> ENOTEMPTY");
	CHECK_ERR(rmdir("file"), ENOTDIR, "rmdir a file -> ENOTDIR");
	CHECK_ERR(chdir("file"), ENOTDIR, "chdir to a file -> ENOTDIR");
	CHECK_ERR(chdir("/tmp/none"), ENOENT, "chdir to a missing dir -> ENOENT");
	CHECK_ERR(unlink("sub"), EISDIR, "unlink a directory -> EISDIR");
	fd = open("/", O_RDONLY | O_DIRECTORY);
	CHECK_EQ(fchdir(fd), 0, "fchdir");
	close(fd);
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/"), "getcwd after fchdir(/)");
	CHECK_EQ(chdir("/tmp/t_dir/sub/.."), 0, "chdir through ..");
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/tmp/t_dir"), "getcwd resolves ..");
	CHECK_EQ(unlink("file"), 0, "unlink");
	CHECK_EQ(rmdir("sub"), 0, "rmdir");
	chdir("/");
	CHECK_EQ(rmdir("/tmp/t_dir"), 0, "rmdir the emptied dir");
	CHECK(!has_entry("/tmp", "t_dir"), "it is gone from /tmp");
	unlink_while_listing();
	return check_done("t_dir");
}
