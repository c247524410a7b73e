/* execve of what is not a runnable ELF: a text file and a truncated or
 * foreign ELF give ENOEXEC, a file without execute permission EACCES. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

/* make - write n bytes of data to path with mode. RETURNS: 0 or -1 */
static int make(const char *path, const void *data, size_t n, mode_t mode)
{
	int fd;

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0 || write(fd, data, n) != (ssize_t)n)
		return -1;
	return close(fd);
}

int main(void)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	unsigned char elf[64];
	int fd;

	CHECK_EQ(make("/tmp/text", "hello world\n", 12, 0755), 0, "write a text file");
	CHECK_ERR(execve("/tmp/text", argv, envp), ENOEXEC, "execve a text file -> ENOEXEC");
	CHECK_EQ(make("/tmp/short", "\177ELF", 4, 0755), 0, "write a 4-byte ELF");
	CHECK_ERR(execve("/tmp/short", argv, envp), ENOEXEC, "truncated ELF -> ENOEXEC");

	fd = open("/bin/true", O_RDONLY);
	CHECK(fd >= 0 && read(fd, elf, sizeof(elf)) == sizeof(elf), "read /bin/true's ELF header");
	close(fd);
	elf[18] = 3;	/* e_machine = EM_386 */
	elf[19] = 0;
	CHECK_EQ(make("/tmp/x86", elf, sizeof(elf), 0755), 0, "write an x86 ELF header");
	CHECK_ERR(execve("/tmp/x86", argv, envp), ENOEXEC, "foreign machine -> ENOEXEC");

	CHECK_EQ(make("/tmp/noexec", "\177ELF", 4, 0644), 0, "write a non-executable file");
	CHECK_ERR(execve("/tmp/noexec", argv, envp), EACCES, "no execute permission -> EACCES");
	unlink("/tmp/text");
	unlink("/tmp/short");
	unlink("/tmp/x86");
	unlink("/tmp/noexec");
	return check_done("t_enoexec");
}
