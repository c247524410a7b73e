/* opendir/readdir/closedir over getdents64: a buffer of kernel
 * linux_dirent64 records, handed out one struct dirent at a time. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct __dirstream {
	int fd;
	int pos;		/* next record in buf */
	int len;		/* bytes getdents64 filled */
	struct dirent ent;
	char buf[2048] __attribute__((aligned(8)));
};

DIR *fdopendir(int fd)
{
	DIR *dir = malloc(sizeof(*dir));

	if (!dir)
		return NULL;
	dir->fd = fd;
	dir->pos = 0;
	dir->len = 0;
	return dir;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = fdopendir(fd);
	if (!dir)
		close(fd);
	return dir;
}

/* readdir - RETURNS: the next entry, or NULL at the end (errno kept) or
 * on error (errno set). */
struct dirent *readdir(DIR *dir)
{
	struct linux_dirent64 *d;
	size_t namelen;

	if (dir->pos >= dir->len) {
		int n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));

		if (n <= 0)
			return NULL;
		dir->len = n;
		dir->pos = 0;
	}
	d = (struct linux_dirent64 *)(dir->buf + dir->pos);
	dir->pos += d->d_reclen;
	dir->ent.d_ino = d->d_ino;
	dir->ent.d_off = d->d_off;
	dir->ent.d_reclen = sizeof(dir->ent);
	dir->ent.d_type = d->d_type;
	namelen = strnlen(d->d_name, sizeof(dir->ent.d_name) - 1);
	memcpy(dir->ent.d_name, d->d_name, namelen);
	dir->ent.d_name[namelen] = '\0';
	return &dir->ent;
}

int closedir(DIR *dir)
{
	int r = close(dir->fd);

	free(dir);
	return r;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}
