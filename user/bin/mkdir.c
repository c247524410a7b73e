/* mkdir DIR...: make directories (mode 0755). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++)
		if (mkdir(argv[i], 0755) < 0) {
			fprintf(stderr, "mkdir: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	return status;
}
