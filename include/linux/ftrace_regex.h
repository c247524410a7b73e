/* Matching the words of set_ftrace_filter & co. against function names
 * (kernel/trace/ftrace_regex.c; Linux's filter_parse_regex and
 * ftrace_match). Pure logic, unit-tested on the host. */
#ifndef _LINUX_FTRACE_REGEX_H
#define _LINUX_FTRACE_REGEX_H

#include <linux/ftrace.h>

/* How a word matches (Linux's enum regex_type). */
enum regex_type {
	MATCH_FULL = 0,    /* "do_exit" */
	MATCH_FRONT_ONLY,  /* "do_*" */
	MATCH_MIDDLE_ONLY, /* "*signal*" */
	MATCH_END_ONLY,    /* "*_signal" */
	MATCH_GLOB,        /* anything else with * ? [ or \ */
};

struct ftrace_glob {
	char *search;
	unsigned int len;
	int type;
};

/*
 * filter_parse_regex - classify @buff (@len bytes): *@not set for a leading
 * '!', *@search the part to compare; a trailing '*' of a FRONT or MIDDLE
 * word is cut off in place. RETURNS: the word's regex_type.
 */
enum regex_type filter_parse_regex(char *buff, int len, char **search, int *not);
/* Does the function name @str match @g? */
int ftrace_match(const char *str, const struct ftrace_glob *g);

/* Whether a '!word' that takes nothing out of the set is a match. */
enum ftrace_match_mode {
	FTRACE_MATCH_ANY,    /* it names some function (set_ftrace_filter, _notrace) */
	FTRACE_MATCH_MEMBER, /* it took one out (set_graph_function) */
};

/*
 * ftrace_match_records - add the call sites whose function @word names to
 * @set (a bitmap over @recs), or take them out for "!word"
 * @word: NUL-terminated, without blanks; may be cut by filter_parse_regex
 * RETURNS: 1 if @word matched (see @mode), 0 if not: Linux's -EINVAL.
 */
int ftrace_match_records(const struct dyn_ftrace *recs, unsigned long nr, char *word,
			 unsigned long *set, enum ftrace_match_mode mode);

#endif
