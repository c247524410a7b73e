/* Hostile ELF files, as an ordinary user: /bin/true truncated, with each
 * header and program header field set to values that break loaders
 * (kernel addresses, p_filesz > p_memsz, overlapping or huge segments,
 * headers past the end of the file, a wrong class or machine, odd
 * interpreters), and seeded random mutations of it, of a dynamically
 * linked glibc program and of its interpreter (ld.so), each exec'd by a
 * child.
 * execve must fail with Linux's errno (ENOEXEC for what is not an ELF
 * program for this machine), or the program must run or die by a signal
 * once past the point of no return; never a kernel oops, a hang or a leak.
 * The files live in a scratch directory of /tmp, removed at the end. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/elf.h>
#include "case.h"

#define RANDOM_MUTANTS 90
#define DYNAMIC_PROGRAM "/glibc/armhf/hello_dyn"
#define INTERPRETER "/lib/ld-linux-armhf.so.3"
#define LOOP_MS 1000		/* a mutant may loop in user space: then SIGKILL */
#define UNKILLABLE_MS 5000	/* but SIGKILL must end it */

static unsigned char *orig;
static size_t orig_len;
static char dir[64];

/* What became of an exec. */
struct outcome {
	int err;	/* execve's errno, or 0 if it ran */
	int status;	/* the wait status if it ran */
	bool hung;	/* SIGKILL did not end it */
};

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

static int write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, data, len) == (ssize_t)len;
	close(fd);
	return ok ? 0 : -1;
}

/* exec path in a child; a failed execve sends its errno through a pipe
 * that a successful one closes (the program's exit status is its own). */
static struct outcome run(const char *path)
{
	char *argv[] = { (char *)path, NULL }, *envp[] = { NULL };
	struct outcome o = { 0 };
	int status, waited, report[2], err;
	pid_t pid;

	if (pipe2(report, O_CLOEXEC) < 0) {
		o.err = -1;
		return o;
	}
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execve(path, argv, envp);
		err = errno;
		write(report[1], &err, sizeof(err));
		_exit(127);
	}
	close(report[1]);
	for (waited = 0; waitpid(pid, &status, WNOHANG) == 0; waited += 10) {
		if (waited == LOOP_MS)
			kill(pid, SIGKILL);
		if (waited >= LOOP_MS + UNKILLABLE_MS) {
			o.hung = true;	/* the runner will find it left behind */
			break;
		}
		sleep_ms(10);
	}
	if (read(report[0], &err, sizeof(err)) == sizeof(err))
		o.err = err;
	else
		o.status = status;
	close(report[0]);
	return o;
}

/* Write the mutant and exec it. */
static struct outcome try_image(const unsigned char *image, size_t len)
{
	char path[96];

	snprintf(path, sizeof(path), "%s/mutant", dir);
	if (write_file(path, image, len, 0755) < 0) {
		struct outcome o = { .err = -1 };
		return o;
	}
	return run(path);
}

/* The errors a loader may give a file it cannot run (Linux's answers). */
static bool sane_error(int err)
{
	return err == ENOEXEC || err == EINVAL || err == ENOMEM || err == EIO || err == ELIBBAD ||
	       err == EACCES || err == ENOENT || err == E2BIG || err == EFAULT || err == ENOTDIR ||
	       err == ENAMETOOLONG || err == ELOOP || err == EPERM;
}

/* A mutant may fail to exec, run, or die by a signal: anything but hang. */
static bool sane(struct outcome o)
{
	return !o.hung && (o.err == 0 || sane_error(o.err));
}

static Elf32_Ehdr *ehdr_of(unsigned char *image)
{
	return (Elf32_Ehdr *)image;
}

static Elf32_Phdr *phdr_of(unsigned char *image, int i)
{
	return (Elf32_Phdr *)(image + ehdr_of(image)->e_phoff) + i;
}

static unsigned char *copy(void)
{
	unsigned char *image = malloc(orig_len + 8192);

	memcpy(image, orig, orig_len);
	return image;
}

/* The whole of path in a malloc'd buffer. RETURNS: it, or NULL. */
static unsigned char *load(const char *path, size_t *len)
{
	struct stat st;
	unsigned char *image;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0 || !(image = malloc(st.st_size + 8192)) ||
	    read(fd, image, st.st_size) != st.st_size) {
		printf("cannot read %s: %s\n", path, strerror(errno));
		exit(1);
	}
	close(fd);
	*len = st.st_size;
	return image;
}

/* Flip 1 to 8 bytes of image, mostly in its ELF and program headers,
 * where loaders look; sometimes cut its end. RETURNS: its new length. */
static size_t mutate(unsigned char *image, size_t len)
{
	size_t headers = 52 + ehdr_of(image)->e_phnum * 32;
	int flips = 1 + case_rand() % 8, i;

	if (headers > len)
		headers = len;
	for (i = 0; i < flips; i++) {
		size_t at = case_rand() % 4 ? case_rand() % headers : case_rand() % len;

		image[at] = case_rand() % 3 ? case_rand() : (case_rand() % 2 ? 0xff : 0);
	}
	return case_rand() % 8 == 0 ? case_rand() % len : len;
}

static void expect_error(unsigned char *image, size_t len, int err, const char *what)
{
	struct outcome o = try_image(image, len);

	check_result(o.err == err && !o.hung, what, "exec gave errno %d, status %#x%s, want errno %d",
		     o.err, o.status, o.hung ? ", hung" : "", err);
}

static void expect_sane(unsigned char *image, size_t len, const char *what)
{
	struct outcome o = try_image(image, len);

	check_result(sane(o), what, "exec gave errno %d, status %#x%s", o.err, o.status,
		     o.hung ? ", hung" : "");
}

static void test_headers(void)
{
	unsigned char *image = copy();
	size_t lens[] = { 0, 1, 4, 16, 51 };
	unsigned int i;

	expect_error(image, orig_len, 0, "the unchanged program runs");
	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
		expect_error(image, lens[i], ENOEXEC, "shorter than an ELF header: ENOEXEC");
	image[0] = 0x7e;
	expect_error(image, orig_len, ENOEXEC, "bad magic: ENOEXEC");
	image[0] = 0x7f;
	image[EI_CLASS] = ELFCLASS64;
	expect_error(image, orig_len, ENOEXEC, "ELFCLASS64: ENOEXEC");
	image[EI_CLASS] = ELFCLASS32;
	image[EI_DATA] = ELFDATA2MSB;
	expect_error(image, orig_len, ENOEXEC, "big-endian: ENOEXEC");
	image[EI_DATA] = ELFDATA2LSB;
	ehdr_of(image)->e_machine = 3;	/* EM_386 */
	expect_error(image, orig_len, ENOEXEC, "an x86 program: ENOEXEC");
	ehdr_of(image)->e_machine = EM_ARM;
	ehdr_of(image)->e_type = ET_REL;
	expect_error(image, orig_len, ENOEXEC, "a relocatable object: ENOEXEC");
	ehdr_of(image)->e_type = ET_CORE;
	expect_error(image, orig_len, ENOEXEC, "a core file: ENOEXEC");
	ehdr_of(image)->e_type = ET_EXEC;
	ehdr_of(image)->e_phentsize = 33;
	expect_error(image, orig_len, ENOEXEC, "e_phentsize 33: ENOEXEC");
	ehdr_of(image)->e_phentsize = sizeof(Elf32_Phdr);
	ehdr_of(image)->e_phnum = 0;
	expect_error(image, orig_len, ENOEXEC, "no program headers: ENOEXEC");
	ehdr_of(image)->e_phnum = 0xffff;
	expect_error(image, orig_len, ENOEXEC, "65535 program headers: ENOEXEC");
	ehdr_of(image)->e_phnum = 3;
	ehdr_of(image)->e_phoff = orig_len - 16;
	expect_error(image, orig_len, ENOEXEC, "program headers past the end of the file: ENOEXEC");
	ehdr_of(image)->e_phoff = 0xfffffff0;
	expect_error(image, orig_len, ENOEXEC, "program headers at 4 GiB: ENOEXEC");
	memcpy(image, orig, orig_len);
	expect_error(image, 52 + 3 * 32 + 4, ENOEXEC, "truncated after its headers: ENOEXEC");
	free(image);
}

/* Each PT_LOAD field set to each value a loader must survive. */
static void test_segments(void)
{
	static const uint32_t values[] = {
		0, 1, 0xfff, 0x1000, 0x7ffff000, 0x7fffffff, 0x80000000, 0xbf000000, 0xc0000000,
		0xc0008000, 0xfffff000, 0xffffffff,
	};
	static const char *const fields[] = { "p_offset", "p_vaddr", "p_filesz", "p_memsz",
					      "p_flags", "p_align" };
	unsigned int seg, f, v, bad = 0;

	for (seg = 0; seg < 2; seg++)
		for (f = 0; f < 6; f++)
			for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
				unsigned char *image = copy();
				Elf32_Phdr *ph = phdr_of(image, seg);
				uint32_t *field[] = { &ph->p_offset, &ph->p_vaddr, &ph->p_filesz,
						      &ph->p_memsz, &ph->p_flags, &ph->p_align };
				struct outcome o;

				*field[f] = values[v];
				o = try_image(image, orig_len);
				if (!sane(o)) {
					bad++;
					printf("segment %u %s = %#lx: errno %d, status %#x%s\n", seg,
					       fields[f], values[v], o.err, o.status,
					       o.hung ? ", hung" : "");
				}
				free(image);
			}
	CHECK_EQ(bad, 0, "every PT_LOAD field at every hostile value: an errno, a run or a signal");
}

static void test_layouts(void)
{
	unsigned char *image = copy();
	Elf32_Phdr *text = phdr_of(image, 0), *data = phdr_of(image, 1);

	data->p_vaddr = text->p_vaddr;
	expect_sane(image, orig_len, "overlapping segments");
	memcpy(image, orig, orig_len);
	text->p_vaddr = 0xc0000000;
	data->p_vaddr = 0xc0010000;
	expect_sane(image, orig_len, "segments at kernel addresses");
	memcpy(image, orig, orig_len);
	data->p_filesz = data->p_memsz + 4096;
	expect_sane(image, orig_len, "p_filesz > p_memsz");
	memcpy(image, orig, orig_len);
	data->p_memsz = 0x7ff00000;
	expect_sane(image, orig_len, "a 2 GiB bss");
	data->p_memsz = 0x20000000;
	expect_sane(image, orig_len, "a 512 MiB bss");
	memcpy(image, orig, orig_len);
	text->p_filesz = text->p_memsz = 0;
	expect_sane(image, orig_len, "an empty text segment");
	memcpy(image, orig, orig_len);
	ehdr_of(image)->e_entry = 0xc0000000;
	expect_sane(image, orig_len, "entry point in the kernel");
	ehdr_of(image)->e_entry = 0x8032;
	expect_sane(image, orig_len, "entry point not 4-byte aligned");
	memcpy(image, orig, orig_len);
	ehdr_of(image)->e_type = ET_DYN;
	expect_sane(image, orig_len, "ET_EXEC relabelled ET_DYN");
	free(image);
}

/* A PT_INTERP in place of GNU_STACK, naming path. */
static struct outcome with_interp(const char *path)
{
	unsigned char *image = copy();
	Elf32_Phdr *ph = phdr_of(image, 2);
	size_t at = orig_len, n = strlen(path) + 1;
	struct outcome o;

	memcpy(image + at, path, n);
	ph->p_type = PT_INTERP;
	ph->p_offset = at;
	ph->p_filesz = ph->p_memsz = n;
	o = try_image(image, at + n);
	free(image);
	return o;
}

static void test_interpreters(void)
{
	char text[96], self[96];
	struct outcome o;

	snprintf(text, sizeof(text), "%s/text", dir);
	write_file(text, "#!/bin/sh\n", 10, 0755);
	snprintf(self, sizeof(self), "%s/mutant", dir);
	o = with_interp("/nonexistent/ld.so");
	CHECK_EQ(o.err, ENOENT, "a missing interpreter: ENOENT");
	o = with_interp(text);
	CHECK_EQ(o.err, ELIBBAD, "an interpreter that is not ELF: ELIBBAD");
	o = with_interp("/tmp");
	CHECK_EQ(o.err, EACCES, "a directory as interpreter: EACCES");
	o = with_interp(self);
	CHECK(sane(o), "a program that is its own interpreter");
	o = with_interp("/bin/true");
	CHECK(sane(o), "a static program as interpreter");
}

/* Seeded random mutations of /bin/true. */
static void test_random(void)
{
	int n, bad = 0;

	for (n = 0; n < RANDOM_MUTANTS; n++) {
		unsigned char *image = copy();
		size_t len = mutate(image, orig_len);
		struct outcome o = try_image(image, len);

		if (!sane(o)) {
			bad++;
			printf("mutant %d: errno %d, status %#x%s\n", n, o.err, o.status,
			       o.hung ? ", hung" : "");
		}
		free(image);
	}
	CHECK_EQ(bad, 0, "90 random mutants: an errno, a run or a signal");
}

/* A dynamically linked program, mutated; then, intact, with a mutated
 * interpreter (a copy of ld.so in the scratch directory). */
static void test_dynamic(void)
{
	size_t prog_len, interp_len, len;
	unsigned char *prog = load(DYNAMIC_PROGRAM, &prog_len), *image;
	unsigned char *interp = load(INTERPRETER, &interp_len);
	char interp_copy[96], *name = NULL;
	int n, bad = 0, i;
	struct outcome o;

	o = try_image(prog, prog_len);
	CHECK(o.err == 0 && WIFEXITED(o.status) && WEXITSTATUS(o.status) == 0,
	      "the dynamically linked program runs");
	for (n = 0; n < RANDOM_MUTANTS / 3; n++) {
		image = malloc(prog_len);
		memcpy(image, prog, prog_len);
		len = mutate(image, prog_len);
		o = try_image(image, len);
		if (!sane(o)) {
			bad++;
			printf("dynamic mutant %d: errno %d, status %#x%s\n", n, o.err, o.status,
			       o.hung ? ", hung" : "");
		}
		free(image);
	}
	CHECK_EQ(bad, 0, "30 mutants of a dynamically linked program");

	/* point the program's PT_INTERP at the copy, whose name is shorter */
	snprintf(interp_copy, sizeof(interp_copy), "%s/ld", dir);
	for (i = 0; i < ehdr_of(prog)->e_phnum; i++)
		if (phdr_of(prog, i)->p_type == PT_INTERP)
			name = (char *)prog + phdr_of(prog, i)->p_offset;
	if (!name || strlen(interp_copy) >= strlen(name)) {
		CHECK(0, "the program's PT_INTERP can be redirected");
		return;
	}
	memset(name, 0, strlen(name));
	strcpy(name, interp_copy);
	bad = 0;
	for (n = 0; n < RANDOM_MUTANTS / 3; n++) {
		image = malloc(interp_len);
		memcpy(image, interp, interp_len);
		len = mutate(image, interp_len);
		write_file(interp_copy, image, len, 0755);
		o = try_image(prog, prog_len);
		if (!sane(o)) {
			bad++;
			printf("interpreter mutant %d: errno %d, status %#x%s\n", n, o.err, o.status,
			       o.hung ? ", hung" : "");
		}
		free(image);
	}
	CHECK_EQ(bad, 0, "30 mutants of the interpreter");
	free(prog);
	free(interp);
}

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[320];

	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

int main(int argc, char **argv)
{
	struct stat st;
	int fd;

	case_init(argc, argv);
	as_user();
	snprintf(dir, sizeof(dir), "/tmp/elf.%d", getpid());
	if (mkdir(dir, 0700) < 0 || stat("/bin/true", &st) < 0) {
		printf("FAIL setup: %s\n", strerror(errno));
		return 1;
	}
	orig_len = st.st_size;
	orig = malloc(orig_len);
	fd = open("/bin/true", O_RDONLY);
	if (fd < 0 || read(fd, orig, orig_len) != (ssize_t)orig_len) {
		printf("FAIL cannot read /bin/true\n");
		return 1;
	}
	close(fd);
	test_headers();
	test_segments();
	test_layouts();
	test_interpreters();
	test_random();
	test_dynamic();
	remove_dir();
	return check_done("elf");
}
