/* ls [-l] [PATH...]: list directories (getdents64) or name files; -l adds
 * mode, links, size. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int long_format;

static void print_entry(const char *dir, const char *name)
{
	char path[512];
	struct stat st;
	char mode[11] = "----------";
	static const char rwx[] = "rwxrwxrwx";
	int i;

	if (!long_format) {
		printf("%s\n", name);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (lstat(dir ? path : name, &st) < 0) {
		printf("?????????? %s\n", name);
		return;
	}
	mode[0] = S_ISDIR(st.st_mode) ? 'd' : S_ISCHR(st.st_mode) ? 'c' :
		  S_ISBLK(st.st_mode) ? 'b' : S_ISLNK(st.st_mode) ? 'l' :
		  S_ISFIFO(st.st_mode) ? 'p' : S_ISSOCK(st.st_mode) ? 's' : '-';
	for (i = 0; i < 9; i++)
		if (st.st_mode & (0400 >> i))
			mode[i + 1] = rwx[i];
	printf("%s %2u %8lld %s\n", mode, st.st_nlink, st.st_size, name);
}

/* list - RETURNS: 0, or 1 after printing an error */
static int list(const char *path)
{
	struct stat st;
	struct dirent *d;
	DIR *dir;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		print_entry(NULL, path);
		return 0;
	}
	dir = opendir(path);
	if (!dir) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	errno = 0;
	while ((d = readdir(dir)) != NULL)
		if (d->d_name[0] != '.')
			print_entry(path, d->d_name);
	if (errno) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		closedir(dir);
		return 1;
	}
	closedir(dir);
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, status = 0, first;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		long_format = 1;
		i++;
	}
	if (i == argc)
		return list(".");
	for (first = i; i < argc; i++) {
		if (argc - first > 1)
			printf("%s:\n", argv[i]);
		status |= list(argv[i]);
	}
	return status;
}
