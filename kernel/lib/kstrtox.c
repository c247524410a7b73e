/* Number parsing for boot options and the file systems (Linux's
 * lib/vsprintf.c simple_strto* family): base 0 takes 0x.. as hex and
 * 0.. as octal; parsing stops at the first non-digit, stored in *endp. */
#include <linux/kernel.h>

/* A digit's value, 16 (not a digit in any base we take) if none. */
static unsigned int digit_value(char c)
{
	int v = hex_to_bin(c);

	return v < 0 ? 16 : v;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long result = 0;
	unsigned int v;

	if (!base) {
		base = 10;
		if (cp[0] == '0') {
			base = 8;
			if ((cp[1] == 'x' || cp[1] == 'X') && digit_value(cp[2]) < 16) {
				base = 16;
				cp += 2;
			}
		}
	} else if (base == 16 && cp[0] == '0' && (cp[1] == 'x' || cp[1] == 'X')) {
		cp += 2;
	}
	while ((v = digit_value(*cp)) < base) {
		result = result * base + v;
		cp++;
	}
	if (endp)
		*endp = (char *)cp;
	return result;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long)simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}
