/* The exec family over execve: execv uses environ, execvp searches PATH
 * (default "/bin:/usr/bin") for a name without a slash. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path, *p;
	char buf[256];
	int saved = ENOENT;

	if (strchr(file, '/'))
		return execve(file, argv, envp);
	path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";
	for (p = path; ; p++) {
		const char *end = strchrnul(p, ':');
		size_t dirlen = end - p;

		if (dirlen + 1 + strlen(file) < sizeof(buf)) {
			memcpy(buf, p, dirlen);
			buf[dirlen] = '/';
			strcpy(buf + dirlen + 1, file);
			execve(buf, argv, envp);
			if (errno != ENOENT && errno != ENOTDIR)
				saved = errno;
		}
		if (!*end)
			break;
		p = end;
	}
	errno = saved;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* execl - argv given inline, up to 64 arguments */
int execl(const char *path, const char *arg, ...)
{
	char *argv[65];
	va_list ap;
	int i = 0;

	va_start(ap, arg);
	for (argv[i] = (char *)arg; argv[i] && i < 64; )
		argv[++i] = va_arg(ap, char *);
	va_end(ap);
	argv[64] = NULL;
	return execv(path, argv);
}
