/* Number parsing for boot options and the file systems: the lenient
 * simple_strto* family (Linux's lib/vsprintf.c), which stops at the first
 * non-digit, stored in *endp, and the checked kstrto* family (Linux's
 * lib/kstrtox.c). Base 0 takes 0x.. as hex and 0.. as octal. */
#include <linux/errno.h>
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

/*
 * The checked parsers (Linux's lib/kstrtox.c): the whole string must be the
 * number, optionally followed by one newline; a leading '+' is allowed
 * (and '-' for the signed ones). RETURNS: 0 and *res set, -EINVAL for
 * anything else (nothing is written to *res), -ERANGE if it does not fit.
 */
static int _kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long val = 0;
	bool overflow = false;
	const char *start;
	unsigned int v;

	if (!base) {
		base = 10;
		if (s[0] == '0')
			base = ((s[1] | 0x20) == 'x' && digit_value(s[2]) < 16) ? 16 : 8;
	}
	if (base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
		s += 2;
	for (start = s; (v = digit_value(*s)) < base; s++) {
		if (val > (~0ULL - v) / base)
			overflow = true;
		val = val * base + v;
	}
	if (overflow)
		return -ERANGE;
	if (s == start)
		return -EINVAL;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = val;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	return _kstrtoull(s[0] == '+' ? s + 1 : s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long tmp;
	int ret;

	if (s[0] == '-') {
		ret = _kstrtoull(s + 1, base, &tmp);
		if (ret)
			return ret;
		if ((long long)-tmp > 0)
			return -ERANGE;
		*res = -tmp;
		return 0;
	}
	ret = kstrtoull(s, base, &tmp);
	if (ret)
		return ret;
	if ((long long)tmp < 0)
		return -ERANGE;
	*res = tmp;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long tmp;
	int ret = kstrtoull(s, base, &tmp);

	if (ret)
		return ret;
	if (tmp != (unsigned long)tmp)
		return -ERANGE;
	*res = tmp;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long tmp;
	int ret = kstrtoull(s, base, &tmp);

	if (ret)
		return ret;
	if (tmp != (unsigned int)tmp)
		return -ERANGE;
	*res = tmp;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long tmp;
	int ret = kstrtoll(s, base, &tmp);

	if (ret)
		return ret;
	if (tmp != (int)tmp)
		return -ERANGE;
	*res = tmp;
	return 0;
}
