/* uname [-asnrvm]: the fields of the kernel's struct new_utsname (the
 * uname system call), in coreutils' order, separated by spaces; no option
 * is -s. -s the kernel's name, -n the host's, -r the release, -v the
 * build, -m the machine, -a all of them.
 *
 * The release this kernel reports is "4.19.0-kestrel-VERSION"
 * (kernel/sys.c): Linux's major.minor.patch first, the system call
 * interface it follows, so that programs and scripts that parse it (glibc
 * checks the kernel is new enough, scripts take the first two numbers)
 * work as on Linux 4.19; then, where Linux puts its local version (as in
 * Debian's "4.19.0-6-armmp"), what it really is: Kestrel, at VERSION. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

enum { SYSNAME = 1, NODENAME = 2, RELEASE = 4, VERSION = 8, MACHINE = 16, ALL = 31 };

int main(int argc, char **argv)
{
	const char *fields[5];
	struct utsname u;
	int which = 0, i, c, printed = 0;

	while ((c = getopt(argc, argv, "asnrvm")) != -1) {
		switch (c) {
		case 'a': which |= ALL; break;
		case 's': which |= SYSNAME; break;
		case 'n': which |= NODENAME; break;
		case 'r': which |= RELEASE; break;
		case 'v': which |= VERSION; break;
		case 'm': which |= MACHINE; break;
		default:
			fprintf(stderr, "usage: uname [-asnrvm]\n");
			return 1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "uname: extra operand '%s'\n", argv[optind]);
		return 1;
	}
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	fields[0] = u.sysname;
	fields[1] = u.nodename;
	fields[2] = u.release;
	fields[3] = u.version;
	fields[4] = u.machine;
	if (!which)
		which = SYSNAME;
	for (i = 0; i < 5; i++)
		if (which & (1 << i))
			printf("%s%s", printed++ ? " " : "", fields[i]);
	printf("\n");
	return 0;
}
