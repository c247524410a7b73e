/* Directories: mkdir/rmdir, chdir/fchdir/getcwd, getdents64 through
 * readdir, the error cases. */
#include <dirent.h>
#include <fcntl.h>
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
	return check_done("t_dir");
}
