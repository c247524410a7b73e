/* Which functions a word written to set_ftrace_filter, set_ftrace_notrace
 * or set_graph_function names (Linux's filter_parse_regex of
 * trace_events_filter.c, and ftrace_match and match_records of ftrace.c).
 * A word is a function name or a glob ("*lock*", "sys_?et*", "[a-c]*"),
 * with a leading '!' to take the functions out of the set. */
#include <linux/ftrace_regex.h>
#include <linux/glob.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>

enum regex_type filter_parse_regex(char *buff, int len, char **search, int *not)
{
	int type = MATCH_FULL;
	int i;

	if (buff[0] == '!') {
		*not = 1;
		buff++;
		len--;
	} else {
		*not = 0;
	}

	*search = buff;

	for (i = 0; i < len; i++) {
		if (buff[i] == '*') {
			if (!i) {
				type = MATCH_END_ONLY;
			} else if (i == len - 1) {
				if (type == MATCH_END_ONLY)
					type = MATCH_MIDDLE_ONLY;
				else
					type = MATCH_FRONT_ONLY;
				buff[i] = 0;
				break;
			} else { /* pattern continues, use full glob */
				return MATCH_GLOB;
			}
		} else if (strchr("[?\\", buff[i])) {
			return MATCH_GLOB;
		}
	}
	if (buff[0] == '*')
		*search = buff + 1;

	return type;
}

int ftrace_match(const char *str, const struct ftrace_glob *g)
{
	size_t slen;

	switch (g->type) {
	case MATCH_FULL:
		return strcmp(str, g->search) == 0;
	case MATCH_FRONT_ONLY:
		return strncmp(str, g->search, g->len) == 0;
	case MATCH_MIDDLE_ONLY:
		return strstr(str, g->search) != NULL;
	case MATCH_END_ONLY:
		slen = strlen(str);
		return slen >= g->len && memcmp(str + slen - g->len, g->search, g->len) == 0;
	case MATCH_GLOB:
		return glob_match(g->search, str);
	}
	return 0;
}

int ftrace_match_records(const struct dyn_ftrace *recs, unsigned long nr, char *word,
			 unsigned long *set, enum ftrace_match_mode mode)
{
	char name[KSYM_NAME_LEN];
	struct ftrace_glob g;
	int not, found = 0;
	unsigned long i;

	g.type = filter_parse_regex(word, strlen(word), &g.search, &not);
	g.len = strlen(g.search);
	for (i = 0; i < nr; i++) {
		unsigned long mask = 1UL << (i % BITS_PER_LONG), *word_of_set = &set[i / BITS_PER_LONG];

		if (!kallsyms_lookup(recs[i].ip, NULL, NULL, name) || !ftrace_match(name, &g))
			continue;
		if (!not) {
			*word_of_set |= mask;
			found = 1;
		} else if (mode == FTRACE_MATCH_ANY || (*word_of_set & mask)) {
			*word_of_set &= ~mask;
			found = 1;
		}
	}
	return found;
}
