/* Shell-style pattern matching (Linux's include/linux/glob.h). */
#ifndef _LINUX_GLOB_H
#define _LINUX_GLOB_H

#include <linux/types.h>

/*
 * glob_match - does all of @str match @pat? '?' matches one character,
 * '*' any run of them, "[a-z]" or "[!a-z]" one character in (or not in)
 * the class, and '\' makes the next character literal. A malformed class
 * ("[ab") is taken literally.
 */
bool glob_match(const char *pat, const char *str);

#endif
