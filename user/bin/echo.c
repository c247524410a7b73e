/* echo [-n] WORD...: print the words separated by spaces. */
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
	return 0;
}
