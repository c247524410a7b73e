/* Helpers for the words a user writes to control files (Linux's lib/string.c
 * skip_spaces, strim and match_string). Apart from string.c because the host
 * unit tests take the C library's string functions but need these too. */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/string.h>

char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}

/* Cut the trailing white space off @s. RETURNS: @s past its leading white space. */
char *strim(char *s)
{
	size_t size = strlen(s);
	char *end;

	if (!size)
		return s;
	end = s + size - 1;
	while (end >= s && isspace(*end))
		end--;
	end[1] = '\0';
	return skip_spaces(s);
}

/* RETURNS: the index of @string in @array (@n entries, or up to a NULL
 * entry if @n is negative), or -EINVAL. */
int match_string(const char *const *array, int n, const char *string)
{
	int index;

	for (index = 0; n < 0 || index < n; index++) {
		if (!array[index])
			break;
		if (!strcmp(array[index], string))
			return index;
	}
	return -EINVAL;
}
