/* sleep SECONDS: nanosleep; SECONDS may have a fraction (0.3). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec ts;
	char *end;
	double s;

	if (argc != 2 || (s = strtod(argv[1], &end)) < 0 || *end) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 1;
	}
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0)
		;
	return 0;
}
