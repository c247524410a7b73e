/* The boot command line parser: splits `a=b c="d e" f` into options and hands
 * each one to a handler (Linux's kernel/params.c parse_args/next_arg), plus
 * the number helpers boot options use (lib/cmdline.c get_option/memparse). */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>

static char dash2underscore(char c)
{
	if (c == '-')
		return '_';
	return c;
}

/* Compare @n characters of two option names; '-' and '_' are the same. */
bool parameqn(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (dash2underscore(a[i]) != dash2underscore(b[i]))
			return false;
	}
	return true;
}

bool parameq(const char *a, const char *b)
{
	return parameqn(a, b, strlen(a) + 1);
}

/*
 * next_arg - cut the first option off @args, in place
 *
 * An option is a word, or `name=value`; double quotes protect spaces (there
 * is no escape for a quote). Quotes around the value, or around the whole
 * option, are removed. *@param gets the name, *@val the value or NULL.
 *
 * RETURNS: the rest of the line, past the spaces after this option.
 */
char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	int in_quote = 0, quoted = 0;

	if (*args == '"') {
		args++;
		in_quote = 1;
		quoted = 1;
	}

	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		if (equals == 0) {
			if (args[i] == '=')
				equals = i;
		}
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;

		/* Don't include quotes in value. */
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		args += i + 1;
	} else {
		args += i;
	}

	return skip_spaces(args);
}

static int parse_one(char *param, char *val, const char *doing,
		     const struct kernel_param *params, unsigned int num_params, void *arg,
		     int (*handle_unknown)(char *param, char *val, const char *doing, void *arg))
{
	unsigned int i;

	for (i = 0; i < num_params; i++) {
		if (parameq(param, params[i].name)) {
			if (!val)
				return -EINVAL;
			return params[i].set(val, &params[i]);
		}
	}

	if (handle_unknown)
		return handle_unknown(param, val, doing, arg);

	return -ENOENT;
}

/*
 * parse_args - hand each option of @args to its handler
 * @doing: what we are parsing, for messages ("Booting kernel")
 * @params: options matched by whole name, each needing a value
 * @unknown: gets every other option; returns 0 or a negative errno
 *
 * Parsing stops at a bare "--": the rest belongs to init. @args is cut up in
 * place, and the handlers may keep pointers into it.
 *
 * RETURNS: NULL, or what follows "--", or ERR_PTR() of the last failure
 * (each failure is also printed, and parsing goes on).
 */
char *parse_args(const char *doing, char *args, const struct kernel_param *params,
		 unsigned int num, void *arg,
		 int (*unknown)(char *param, char *val, const char *doing, void *arg))
{
	char *param, *val, *err = NULL;

	args = skip_spaces(args);

	while (*args) {
		int ret;

		args = next_arg(args, &param, &val);
		/* Stop at -- */
		if (!val && strcmp(param, "--") == 0)
			return err ?: args;
		ret = parse_one(param, val, doing, params, num, arg, unknown);

		switch (ret) {
		case 0:
			continue;
		case -ENOENT:
			printk(KERN_ERR "%s: Unknown parameter `%s'\n", doing, param);
			break;
		case -ENOSPC:
			printk(KERN_ERR "%s: `%s' too large for parameter `%s'\n",
			       doing, val ?: "", param);
			break;
		default:
			printk(KERN_ERR "%s: `%s' invalid for parameter `%s'\n",
			       doing, val ?: "", param);
			break;
		}

		err = ERR_PTR(ret);
	}

	return err;
}

/*
 * The `set` of an int core_param(): the whole value (one trailing newline
 * allowed) as a decimal, 0x hex or 0 octal int, as kernel/params.c's
 * param_set_int() with lib/kstrtox.c's kstrtoint().
 * RETURNS: 0, -EINVAL (not a number), -ERANGE (does not fit an int).
 */
int param_set_int(const char *val, const struct kernel_param *kp)
{
	const char *digits = val + (*val == '-' || *val == '+');
	unsigned long long v;
	char *end;

	v = simple_strtoull(digits, &end, 0);
	if (end == digits)
		return -EINVAL;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	if (*val == '-' ? v > 0x80000000ULL : v > 0x7fffffffULL)
		return -ERANGE;
	*(int *)kp->arg = *val == '-' ? (int)-(long long)v : (int)v;
	return 0;
}

/*
 * get_option - read an int from an option string (lib/cmdline.c)
 * @str: where to start; moved past the number (and a following comma)
 * RETURNS: 0 if there was no number, 1 for a number, 2 for a number and a
 * comma, 3 for a number followed by '-' (a range).
 */
int get_option(char **str, int *pint)
{
	char *cur = *str;

	if (!cur || !(*cur))
		return 0;
	*pint = simple_strtol(cur, str, 0);
	if (cur == *str)
		return 0;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	if (**str == '-')
		return 3;

	return 1;
}

/*
 * memparse - a size with an optional K, M, G, T, P or E suffix (lib/cmdline.c)
 * @retptr: if not NULL, gets the first character not used
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *endptr;
	unsigned long long ret = simple_strtoull(ptr, &endptr, 0);

	switch (*endptr) {
	case 'E':
	case 'e':
		ret <<= 10;
		/* fall through */
	case 'P':
	case 'p':
		ret <<= 10;
		/* fall through */
	case 'T':
	case 't':
		ret <<= 10;
		/* fall through */
	case 'G':
	case 'g':
		ret <<= 10;
		/* fall through */
	case 'M':
	case 'm':
		ret <<= 10;
		/* fall through */
	case 'K':
	case 'k':
		ret <<= 10;
		endptr++;
		/* fall through */
	default:
		break;
	}

	if (retptr)
		*retptr = endptr;

	return ret;
}
