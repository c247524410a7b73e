/* Directory reading over getdents64 (replaces newlib's <dirent.h>, which
 * has none). struct linux_dirent64 is the record the kernel writes. */
#ifndef _USER_DIRENT_H
#define _USER_DIRENT_H

#include <sys/types.h>

/* what getdents64 (NR 217) writes, one after the other (include/linux/dirent.h) */
struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

struct dirent {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);
int getdents64(int fd, void *buf, size_t len);

#endif
