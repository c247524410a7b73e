/* Character classes for the C locale (Linux's include/linux/ctype.h, as
 * functions rather than a table). Host unit tests use the C library's. */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

#ifdef HOST_TEST
#include <ctype.h>
#else
static inline int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int isalpha(int c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline int isalnum(int c)
{
	return isdigit(c) || isalpha(c);
}

static inline int isxdigit(int c)
{
	return isdigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* ' ', \t, \n, \v, \f, \r */
static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int isprint(int c)
{
	return c >= 0x20 && c < 0x7f;
}

static inline int tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}
#endif

#endif
