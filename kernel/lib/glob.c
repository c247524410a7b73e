/* Shell-style pattern matching, for set_ftrace_filter globs (Linux's
 * lib/glob.c: the same rules, written anew). */
#include <linux/glob.h>

/*
 * Match one character class "[...]" at @pat (just past the '[') against
 * @c. RETURNS: the pattern after the closing ']' and whether @c is in the
 * class, or NULL if the class is not closed (then the '[' is a literal).
 */
static const char *match_class(const char *pat, unsigned char c, bool *in)
{
	bool inverted = *pat == '!';
	const char *p = pat + inverted;
	bool match = false;

	/* A ']' first in the class is a member, not its end. */
	do {
		unsigned char lo = *p++, hi = lo;

		if (lo == '\0')
			return NULL;
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			hi = p[1];
			p += 2;
		}
		if (lo <= c && c <= hi)
			match = true;
	} while (*p != ']');
	*in = match != inverted;
	return p + 1;
}

bool glob_match(const char *pat, const char *str)
{
	/* After a mismatch, retry from the last '*' one character further on:
	 * '*' matches anything, so one level of backtracking is enough. */
	const char *star_pat = NULL, *star_str = NULL;

	for (;;) {
		unsigned char c = *str;
		const char *next;
		bool in;

		switch (*pat) {
		case '*':
			star_pat = ++pat;
			star_str = str;
			if (*pat == '\0')
				return true;
			continue;
		case '?':
			if (c == '\0')
				goto backtrack;
			pat++;
			str++;
			continue;
		case '[':
			next = c ? match_class(pat + 1, c, &in) : NULL;
			if (next) {
				if (!in)
					goto backtrack;
				pat = next;
				str++;
				continue;
			}
			if (c == '\0')
				goto backtrack;
			break; /* unclosed: a literal '[' */
		case '\\':
			if (pat[1] != '\0')
				pat++;
			break;
		}
		if (*pat != c)
			goto backtrack;
		if (c == '\0')
			return true;
		pat++;
		str++;
		continue;
backtrack:
		if (!star_pat || *star_str == '\0')
			return false;
		pat = star_pat;
		str = ++star_str;
	}
}
