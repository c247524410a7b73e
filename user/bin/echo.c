/* echo [-n] WORD...: print the words separated by spaces. A write the
 * file refuses (a tracefs or proc control file's EINVAL) is reported as
 * coreutils' echo does: "echo: write error: Invalid argument", status 1. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int i = 1, newline = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		i++;
	}
	/* Buffered, so that the line leaves in one write (tracefs and proc
	 * control files take their value from a single write). */
	setvbuf(stdout, NULL, _IOFBF, BUFSIZ);
	for (; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		printf("\n");
	if (fflush(stdout) != 0) {
		fprintf(stderr, "echo: write error: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
