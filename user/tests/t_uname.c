/* uname: the fields of struct new_utsname are filled and terminated. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include "check.h"

int main(void)
{
	struct utsname u;

	memset(&u, 0xff, sizeof(u));
	CHECK_EQ(uname(&u), 0, "uname");
	printf("uname: %s %s %s %s %s\n", u.sysname, u.nodename, u.release, u.version, u.machine);
	CHECK(!strcmp(u.sysname, "Linux"), "sysname is Linux");
	CHECK(!strncmp(u.machine, "armv7", 5), "machine is armv7*");
	CHECK(u.release[0] && memchr(u.release, 0, sizeof(u.release)), "release set and terminated");
	CHECK(memchr(u.version, 0, sizeof(u.version)) && memchr(u.nodename, 0, sizeof(u.nodename)) &&
	      memchr(u.domainname, 0, sizeof(u.domainname)), "all fields terminated");
	return check_done("t_uname");
}
