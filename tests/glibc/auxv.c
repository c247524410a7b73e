/* auxv: what the kernel tells a new program in its auxiliary vector
 * (Linux's create_elf_tables): the CPU's features as AT_HWCAP names (as
 * /proc/cpuinfo spells them), AT_HWCAP2, AT_PLATFORM and the others glibc
 * reads at startup. Linux 4.19 ARM gives no AT_MINSIGSTKSZ.
 * thumbee is not printed: the Cortex-A7 has ThumbEE, and Debian's Linux
 * (CONFIG_ARM_THUMBEE, which switches the TEEHBR register per thread)
 * reports it; the Raspberry Pi's Linux 4.19 and this kernel do not. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

/* Linux's hwcap_str[] (arch/arm/kernel/setup.c), bit by bit */
static const char *const hwcap_str[] = {
	"swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp", "java", "iwmmxt", "crunch",
	"thumbee", "neon", "vfpv3", "vfpv3d16", "tls", "vfpv4", "idiva", "idivt", "vfpd32", "lpae",
	"evtstrm", NULL
};
static const char *const hwcap2_str[] = { "aes", "pmull", "sha1", "sha2", "crc32", NULL };

static void print_bits(const char *name, unsigned long bits, const char *const *str)
{
	printf("%s:", name);
	for (int i = 0; str[i]; i++)
		if (bits & (1UL << i) && strcmp(str[i], "thumbee"))
			printf(" %s", str[i]);
	printf("%s\n", bits ? "" : " (none)");
}

int main(int argc, char **argv)
{
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	int nonzero = 0;

	print_bits("AT_HWCAP", getauxval(AT_HWCAP), hwcap_str);
	print_bits("AT_HWCAP2", getauxval(AT_HWCAP2), hwcap2_str);
	printf("AT_PLATFORM: %s\n", (const char *)getauxval(AT_PLATFORM));
	printf("AT_PAGESZ: %lu, AT_CLKTCK: %lu, AT_SECURE: %lu\n", getauxval(AT_PAGESZ),
	       getauxval(AT_CLKTCK), getauxval(AT_SECURE));
	printf("AT_UID %lu AT_EUID %lu AT_GID %lu AT_EGID %lu\n", getauxval(AT_UID),
	       getauxval(AT_EUID), getauxval(AT_GID), getauxval(AT_EGID));
	for (int i = 0; rnd && i < 16; i++)
		nonzero |= rnd[i];
	printf("AT_RANDOM: %s\n", rnd && nonzero ? "16 bytes" : "MISSING");
	printf("AT_EXECFN: %s\n", execfn && !strcmp(execfn, argv[0]) ? "the path exec'd" : "WRONG");
	errno = 0;
	getauxval(AT_MINSIGSTKSZ);
	printf("AT_MINSIGSTKSZ: %s\n", errno == ENOENT ? "absent" : "present");
	return 0;
}
