/*
 * Event filters: the `filter` file's expression, parsed against an event's
 * fields and tested on each record before it is kept (Linux 4.19's
 * kernel/trace/trace_events_filter.c). The language is Linux's:
 *
 *   expr:  pred | expr "&&" expr | expr "||" expr | "!" expr | "(" expr ")"
 *   pred:  field op value
 *
 * with "&&" binding tighter than "||". Numeric fields take ==, !=, <, <=,
 * >, >= and & (any bit in common) with a decimal, 0x hex or 0 octal number;
 * string fields (char arrays, __data_loc strings, COMM) take ==, != and ~
 * (a glob: *, ?, [...]) with a quoted string. CPU and COMM name the CPU and
 * the current task's comm when the event has no such field. Errors are
 * Linux's, shown under the expression in the filter file with a caret.
 *
 * Linux compiles the expression into a branch program; here it is a tree
 * of nodes, evaluated recursively, which limits parentheses to
 * FILTER_MAX_DEPTH deep.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "trace.h"

#define MAX_FILTER_STR_VAL 256 /* a string operand, with its NUL (Linux's) */
#define FILTER_MAX_DEPTH 32

/* Longest operators first: "<=" before "<", as Linux's ops[]. */
#define OPS                     \
	C(OP_GLOB, "~"),        \
	C(OP_NE, "!="),         \
	C(OP_EQ, "=="),         \
	C(OP_LE, "<="),         \
	C(OP_LT, "<"),          \
	C(OP_GE, ">="),         \
	C(OP_GT, ">"),          \
	C(OP_BAND, "&"),        \
	C(OP_MAX, NULL)

#undef C
#define C(a, b) a
enum filter_op_ids { OPS };
#undef C
#define C(a, b) b
static const char *const ops[] = { OPS };
#undef C

#define ERRORS                                                                          \
	C(NONE, "No error"),                                                            \
	C(INVALID_OP, "Invalid operator"),                                              \
	C(TOO_MANY_OPEN, "Too many '('"),                                               \
	C(TOO_MANY_CLOSE, "Too few '('"),                                               \
	C(MISSING_QUOTE, "Missing matching quote"),                                     \
	C(OPERAND_TOO_LONG, "Operand too long"),                                        \
	C(EXPECT_STRING, "Expecting string field"),                                     \
	C(EXPECT_DIGIT, "Expecting numeric field"),                                     \
	C(ILLEGAL_FIELD_OP, "Illegal operation for field type"),                        \
	C(FIELD_NOT_FOUND, "Field not found"),                                          \
	C(ILLEGAL_INTVAL, "Illegal integer value"),                                     \
	C(BAD_SUBSYS_FILTER, "Couldn't find or set field in one of a subsystem's events"), \
	C(TOO_MANY_PREDS, "Too many terms in predicate expression"),                    \
	C(INVALID_FILTER, "Meaningless filter expression"),                             \
	C(IP_FIELD_ONLY, "Only 'ip' field is supported for function trace"),            \
	C(INVALID_VALUE, "Invalid value (did you forget quotes)?"),                     \
	C(NO_FILTER, "No filter found")

#undef C
#define C(a, b) FILT_ERR_##a
enum { ERRORS };
#undef C
#define C(a, b) b
static const char *const err_text[] = { ERRORS };
#undef C

/* How a string operand is matched (Linux's enum regex_type). */
enum regex_type { MATCH_FULL, MATCH_FRONT_ONLY, MATCH_MIDDLE_ONLY, MATCH_END_ONLY, MATCH_GLOB };

/* A node of the expression: a predicate, a "&&" or "||" of two nodes. */
struct filter_node {
	enum { NODE_PRED, NODE_AND, NODE_OR } kind;
	bool not;                   /* "!" before it, or a != / !pattern */
	struct filter_node *left, *right;
	/* a predicate */
	const struct ftrace_event_field *field;
	int op;
	u64 val;
	enum regex_type match;
	char *pattern;
	int pattern_len;
};

struct event_filter {
	struct filter_node *root;   /* NULL if the expression did not parse */
	char *filter_string;        /* as written, or with the error under it */
};

struct filter_parse_error {
	int lasterr;
	int lasterr_pos;
};

static void parse_error(struct filter_parse_error *pe, int err, int pos)
{
	pe->lasterr = err;
	pe->lasterr_pos = pos;
}

static void free_node(struct filter_node *node)
{
	if (!node)
		return;
	free_node(node->left);
	free_node(node->right);
	kfree(node->pattern);
	kfree(node);
}

/* ---- Matching ---- */

static bool is_string_field(const struct ftrace_event_field *field)
{
	return field->filter_type == FILTER_DYN_STRING || field->filter_type == FILTER_STATIC_STRING ||
	       field->filter_type == FILTER_PTR_STRING || field->filter_type == FILTER_COMM;
}

/* @str holds at most @len bytes (all of it if 0), maybe without a NUL. */
static bool regex_match(const struct filter_node *pred, const char *str, int len)
{
	char buf[MAX_FILTER_STR_VAL];
	int n;

	/* a bounded copy, so every match below works on a C string */
	n = len ? strnlen(str, len) : strlen(str);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, str, n);
	buf[n] = '\0';
	switch (pred->match) {
	case MATCH_FULL:
		return !strcmp(buf, pred->pattern);
	case MATCH_FRONT_ONLY:
		return !strncmp(buf, pred->pattern, pred->pattern_len);
	case MATCH_MIDDLE_ONLY:
		return strstr(buf, pred->pattern) != NULL;
	case MATCH_END_ONLY:
		return n >= pred->pattern_len &&
		       !memcmp(buf + n - pred->pattern_len, pred->pattern, pred->pattern_len);
	case MATCH_GLOB:
		return glob_match(pred->pattern, buf);
	}
	return false;
}

static bool compare_num(int op, bool is_signed, u64 a, u64 b)
{
	s64 sa = a, sb = b;

	switch (op) {
	case OP_EQ:
		return a == b;
	case OP_NE:
		return a != b;
	case OP_LT:
		return is_signed ? sa < sb : a < b;
	case OP_LE:
		return is_signed ? sa <= sb : a <= b;
	case OP_GT:
		return is_signed ? sa > sb : a > b;
	case OP_GE:
		return is_signed ? sa >= sb : a >= b;
	case OP_BAND:
		return (a & b) != 0;
	}
	return false;
}

/* A numeric field of @size bytes, extended to 64 bits as its sign says. */
static u64 field_value(const struct ftrace_event_field *field, const void *rec)
{
	const u8 *p = (const u8 *)rec + field->offset;

	switch (field->size) {
	case 1:
		return field->is_signed ? (u64)(s64)*(const s8 *)p : *p;
	case 2:
		return field->is_signed ? (u64)(s64)*(const s16 *)p : *(const u16 *)p;
	case 4:
		return field->is_signed ? (u64)(s64)*(const s32 *)p : *(const u32 *)p;
	default:
		return *(const u64 *)p;
	}
}

static bool filter_pred_match(const struct filter_node *pred, const void *rec)
{
	const struct ftrace_event_field *field = pred->field;
	bool match;

	switch (field->filter_type) {
	case FILTER_CPU:
		return compare_num(pred->op, true, raw_smp_processor_id(), pred->val);
	case FILTER_COMM:
		match = regex_match(pred, current->comm, TASK_COMM_LEN);
		break;
	case FILTER_STATIC_STRING:
		match = regex_match(pred, (const char *)rec + field->offset, field->size);
		break;
	case FILTER_DYN_STRING: {
		u32 loc = *(const u32 *)((const u8 *)rec + field->offset);
		unsigned int off = loc & 0xffff, len = loc >> 16;

		/* a corrupt or cut record: only what lies inside it */
		if (off >= TRACE_ENTRY_MAX)
			return false;
		len = min(len, (unsigned int)TRACE_ENTRY_MAX - off);
		match = len && regex_match(pred, (const char *)rec + off, len);
		break;
	}
	default:
		return compare_num(pred->op, field->is_signed, field_value(field, rec), pred->val);
	}
	return match;
}

static bool filter_eval(const struct filter_node *node, const void *rec)
{
	bool ret;

	switch (node->kind) {
	case NODE_AND:
		ret = filter_eval(node->left, rec) && filter_eval(node->right, rec);
		break;
	case NODE_OR:
		ret = filter_eval(node->left, rec) || filter_eval(node->right, rec);
		break;
	default:
		ret = filter_pred_match(node, rec);
		break;
	}
	return ret != node->not;
}

/* RETURNS: true if @rec passes @filter (Linux's filter_match_preds). */
bool filter_match_preds(struct event_filter *filter, void *rec)
{
	return !filter->root || filter_eval(filter->root, rec);
}

/* ---- Parsing ---- */

/*
 * Quotes and parentheses balance, and there is something to parse (Linux's
 * calc_stack, whose error positions these are: the bad character itself).
 * RETURNS: 0, or -EINVAL with the error (none for an empty expression).
 */
static int check_parens(const char *str, struct filter_parse_error *pe)
{
	int open = 0, quote = 0, last_quote = 0, nr_preds = 0, i;
	bool is_pred = false;

	for (i = 0; str[i]; i++) {
		if (isspace(str[i]))
			continue;
		if (quote) {
			if (str[i] == quote)
				quote = 0;
			continue;
		}
		switch (str[i]) {
		case '\'':
		case '"':
			quote = str[i];
			last_quote = i;
			break;
		case '|':
		case '&':
			if (str[i + 1] != str[i])
				break;
			is_pred = false;
			i++;
			continue;
		case '(':
			is_pred = false;
			if (++open >= FILTER_MAX_DEPTH) {
				parse_error(pe, FILT_ERR_TOO_MANY_OPEN, i);
				return -EINVAL;
			}
			continue;
		case ')':
			is_pred = false;
			if (!open) {
				parse_error(pe, FILT_ERR_TOO_MANY_CLOSE, i);
				return -EINVAL;
			}
			open--;
			continue;
		}
		if (!is_pred) {
			nr_preds++;
			is_pred = true;
		}
	}
	if (quote) {
		parse_error(pe, FILT_ERR_MISSING_QUOTE, last_quote);
		return -EINVAL;
	}
	if (open) {
		/* the '(' left open: the first one whose level never closes */
		int level = open;

		for (i--; i; i--) {
			if (quote) {
				if (str[i] == quote)
					quote = 0;
				continue;
			}
			if (str[i] == '(' && level-- == open)
				break;
			if (str[i] == ')')
				level++;
			else if (str[i] == '\'' || str[i] == '"')
				quote = str[i];
		}
		parse_error(pe, FILT_ERR_TOO_MANY_OPEN, i);
		return -EINVAL;
	}
	return nr_preds ? 0 : -EINVAL;
}

struct filter_parser {
	const char *str;
	int pos;
	struct trace_event_call *call;
	struct filter_parse_error *pe;
	bool no_field; /* a term without a field name (Linux: -EPERM, "Error: (0)") */
};

/* An error in a term: Linux reports it one past the character. */
static void pred_error(struct filter_parser *ps, int err, int pos)
{
	parse_error(ps->pe, err, pos + 1);
}

static void skip_space(struct filter_parser *ps)
{
	while (isspace(ps->str[ps->pos]))
		ps->pos++;
}

/* How `~` matches its pattern (Linux's filter_parse_regex): a leading `!`
 * negates; `abc*`, `*abc`, `*abc*` are prefix, suffix and substring
 * matches; any other wildcard is a full glob. */
static void filter_build_regex(struct filter_node *pred)
{
	char *buff = pred->pattern;
	int len = pred->pattern_len, i;
	enum regex_type type = MATCH_FULL;

	if (pred->op != OP_GLOB)
		goto out;
	if (buff[0] == '!') {
		pred->not = !pred->not;
		memmove(buff, buff + 1, len--);
	}
	for (i = 0; i < len; i++) {
		if (buff[i] == '*') {
			if (!i) {
				type = MATCH_END_ONLY;
			} else if (i == len - 1) {
				type = type == MATCH_END_ONLY ? MATCH_MIDDLE_ONLY : MATCH_FRONT_ONLY;
				buff[i] = '\0';
				break;
			} else {
				type = MATCH_GLOB;
				goto out;
			}
		} else if (strchr("[?\\", buff[i])) {
			type = MATCH_GLOB;
			goto out;
		}
	}
	if (buff[0] == '*' && type != MATCH_GLOB)
		memmove(buff, buff + 1, len);
out:
	pred->match = type;
	pred->pattern_len = strlen(buff);
}

/* field op value (Linux's parse_pred). RETURNS: the node, or NULL with the error set. */
static struct filter_node *parse_pred(struct filter_parser *ps)
{
	const char *str = ps->str;
	struct ftrace_event_field *field;
	struct filter_node *pred;
	char name[64];
	int s, len, op;

	skip_space(ps);
	s = ps->pos;
	while (isalnum(str[ps->pos]) || str[ps->pos] == '_')
		ps->pos++;
	len = ps->pos - s;
	if (!len) {
		ps->no_field = true;
		return NULL;
	}
	if (len >= (int)sizeof(name)) {
		pred_error(ps, FILT_ERR_FIELD_NOT_FOUND, ps->pos);
		return NULL;
	}
	memcpy(name, str + s, len);
	name[len] = '\0';
	field = trace_find_event_field(ps->call, name);
	if (!field) {
		pred_error(ps, FILT_ERR_FIELD_NOT_FOUND, ps->pos);
		return NULL;
	}
	skip_space(ps);
	for (op = 0; ops[op]; op++)
		if (!strncmp(str + ps->pos, ops[op], strlen(ops[op])))
			break;
	if (!ops[op]) {
		pred_error(ps, FILT_ERR_INVALID_OP, ps->pos);
		return NULL;
	}
	ps->pos += strlen(ops[op]);
	skip_space(ps);
	s = ps->pos;

	pred = kzalloc(sizeof(*pred), GFP_KERNEL);
	if (!pred) {
		pred_error(ps, FILT_ERR_NONE, ps->pos);
		return NULL;
	}
	pred->kind = NODE_PRED;
	pred->field = field;
	pred->op = op;

	if (str[s] == '\'' || str[s] == '"') {
		char q = str[s];

		if (op != OP_EQ && op != OP_NE && op != OP_GLOB) {
			pred_error(ps, FILT_ERR_ILLEGAL_FIELD_OP, s);
			goto err;
		}
		if (!is_string_field(field)) {
			pred_error(ps, FILT_ERR_EXPECT_DIGIT, s);
			goto err;
		}
		for (ps->pos++; str[ps->pos] && str[ps->pos] != q; ps->pos++)
			;
		if (!str[ps->pos]) {
			pred_error(ps, FILT_ERR_MISSING_QUOTE, ps->pos);
			goto err;
		}
		len = ps->pos - s - 1;
		if (len >= MAX_FILTER_STR_VAL) {
			pred_error(ps, FILT_ERR_OPERAND_TOO_LONG, ps->pos);
			goto err;
		}
		pred->pattern = kmalloc(len + 1, GFP_KERNEL);
		if (!pred->pattern) {
			pred_error(ps, FILT_ERR_NONE, ps->pos);
			goto err;
		}
		memcpy(pred->pattern, str + s + 1, len);
		pred->pattern[len] = '\0';
		pred->pattern_len = len;
		pred->not = op == OP_NE;
		filter_build_regex(pred);
		ps->pos++; /* past the closing quote */
	} else if (isdigit(str[s]) || str[s] == '-') {
		char num_buf[24];
		int ret;

		if (is_string_field(field)) {
			pred_error(ps, FILT_ERR_EXPECT_STRING, s);
			goto err;
		}
		if (op == OP_GLOB) {
			pred_error(ps, FILT_ERR_ILLEGAL_FIELD_OP, s);
			goto err;
		}
		if (str[ps->pos] == '-')
			ps->pos++;
		while (isalnum(str[ps->pos]))
			ps->pos++;
		len = ps->pos - s;
		if (len >= (int)sizeof(num_buf)) {
			pred_error(ps, FILT_ERR_OPERAND_TOO_LONG, ps->pos);
			goto err;
		}
		memcpy(num_buf, str + s, len);
		num_buf[len] = '\0';
		if (field->is_signed)
			ret = kstrtoll(num_buf, 0, (long long *)&pred->val);
		else
			ret = kstrtoull(num_buf, 0, &pred->val);
		if (ret) {
			pred_error(ps, FILT_ERR_ILLEGAL_INTVAL, s);
			goto err;
		}
	} else {
		pred_error(ps, FILT_ERR_INVALID_VALUE, s);
		goto err;
	}
	return pred;
err:
	free_node(pred);
	return NULL;
}

static struct filter_node *parse_or(struct filter_parser *ps, int depth);

/* "!" term, "(" expr ")" or a predicate. */
static struct filter_node *parse_unary(struct filter_parser *ps, int depth)
{
	struct filter_node *node;
	bool not = false;

	for (;;) {
		skip_space(ps);
		/* "!" not followed by "=" or "~" (Linux's is_not) */
		if (ps->str[ps->pos] != '!' || ps->str[ps->pos + 1] == '=' ||
		    ps->str[ps->pos + 1] == '~')
			break;
		not = !not;
		ps->pos++;
	}
	if (ps->str[ps->pos] == '(') {
		ps->pos++;
		node = parse_or(ps, depth + 1);
		if (!node)
			return NULL;
		skip_space(ps);
		if (ps->str[ps->pos] != ')') {
			/* another term where "&&", "||" or ")" should be */
			parse_error(ps->pe, FILT_ERR_TOO_MANY_PREDS, ps->pos);
			free_node(node);
			return NULL;
		}
		ps->pos++;
	} else {
		node = parse_pred(ps);
		if (!node)
			return NULL;
	}
	node->not ^= not;
	return node;
}

/* Joins @left and what follows @op_str ("&&" or "||") in a @kind node. */
static struct filter_node *parse_binary(struct filter_parser *ps, int depth, int kind,
					const char *op_str,
					struct filter_node *(*next)(struct filter_parser *, int))
{
	struct filter_node *left = next(ps, depth), *node;

	while (left) {
		skip_space(ps);
		if (strncmp(ps->str + ps->pos, op_str, 2))
			return left;
		ps->pos += 2;
		skip_space(ps);
		/* nothing after it: Linux ignores the operator */
		if (!ps->str[ps->pos] || ps->str[ps->pos] == ')')
			return left;
		node = kzalloc(sizeof(*node), GFP_KERNEL);
		if (!node) {
			parse_error(ps->pe, FILT_ERR_NONE, ps->pos);
			break;
		}
		node->kind = kind;
		node->left = left;
		left = node;
		node->right = next(ps, depth);
		if (!node->right)
			break;
	}
	free_node(left);
	return NULL;
}

static struct filter_node *parse_and(struct filter_parser *ps, int depth)
{
	return parse_binary(ps, depth, NODE_AND, "&&", parse_unary);
}

static struct filter_node *parse_or(struct filter_parser *ps, int depth)
{
	return parse_binary(ps, depth, NODE_OR, "||", parse_and);
}

/*
 * Parse @str for @call's fields into @filter->root (Linux's process_preds).
 * RETURNS: 0, or -EINVAL with the error in @pe; -EPERM, as Linux's quirk,
 * for a term that does not start with a field name ("a == 1 && && b == 2").
 */
static int process_preds(struct trace_event_call *call, const char *str,
			 struct event_filter *filter, struct filter_parse_error *pe)
{
	struct filter_parser ps = { .str = str, .call = call, .pe = pe };
	struct filter_node *root;

	if (check_parens(str, pe))
		return -EINVAL;
	root = parse_or(&ps, 0);
	if (!root)
		return ps.no_field ? -EPERM : -EINVAL;
	skip_space(&ps);
	if (str[ps.pos]) {
		/* something after a complete expression */
		parse_error(pe, str[ps.pos] == ')' ? FILT_ERR_TOO_MANY_CLOSE :
				FILT_ERR_TOO_MANY_PREDS, ps.pos);
		free_node(root);
		return -EINVAL;
	}
	filter->root = root;
	return 0;
}

/* The expression with the error under it (Linux's append_filter_err). */
static void append_filter_err(struct filter_parse_error *pe, struct event_filter *filter)
{
	size_t len = strlen(filter->filter_string), size = 2 * len + 128;
	int pos = min((size_t)pe->lasterr_pos, len);
	char *buf = kmalloc(size, GFP_KERNEL);

	if (!buf)
		return;
	if (pos) /* the caret goes under the character after pos */
		pos++;
	if (pe->lasterr > 0)
		snprintf(buf, size, "%s\n%*s\nparse_error: %s\n", filter->filter_string, pos, "^",
			 err_text[pe->lasterr]);
	else
		snprintf(buf, size, "%s\nError: (%d)\n", filter->filter_string, pe->lasterr);
	kfree(filter->filter_string);
	filter->filter_string = buf;
}

void free_event_filter(struct event_filter *filter)
{
	if (!filter)
		return;
	free_node(filter->root);
	kfree(filter->filter_string);
	kfree(filter);
}

/**
 * create_event_filter - parse @filter_string for @call
 * @filterp: the filter made, with its text (and the error under it if the
 *	text did not parse), or NULL if there was no memory
 * RETURNS: 0, -EINVAL (or -EPERM) if it did not parse, or -ENOMEM.
 */
int create_event_filter(struct trace_event_call *call, const char *filter_string,
			struct event_filter **filterp)
{
	struct filter_parse_error pe = { 0, 0 };
	struct event_filter *filter = kzalloc(sizeof(*filter), GFP_KERNEL);
	int err;

	*filterp = NULL;
	if (!filter)
		return -ENOMEM;
	filter->filter_string = kmalloc(strlen(filter_string) + 1, GFP_KERNEL);
	if (!filter->filter_string) {
		kfree(filter);
		return -ENOMEM;
	}
	strcpy(filter->filter_string, filter_string);
	err = process_preds(call, filter_string, filter, &pe);
	if (err)
		append_filter_err(&pe, filter);
	*filterp = filter;
	return err;
}

/* The filter file's text: the expression, or "none" (Linux's print_event_filter). */
void print_event_filter(struct trace_event_call *call, struct trace_seq *s)
{
	struct event_filter *filter = call->filter;

	if (filter && filter->filter_string)
		trace_seq_printf(s, "%s\n", filter->filter_string);
	else
		trace_seq_puts(s, "none\n");
}

/**
 * apply_event_filter - what a write to the filter file does: "0" removes
 * the filter; an expression replaces it. As in Linux, an expression that
 * does not parse replaces it too, disabled, to show its error.
 * CONTEXT: event_mutex held.
 * RETURNS: 0, -EINVAL or -ENOMEM.
 */
int apply_event_filter(struct trace_event_call *call, char *filter_string)
{
	struct event_filter *filter, *old = call->filter;
	int err;

	if (!strcmp(strstrip(filter_string), "0")) {
		WRITE_ONCE(call->flags, call->flags & ~EVENT_FILE_FL_FILTERED);
		WRITE_ONCE(call->filter, NULL);
		/* a probe running now may still use it: wait for them */
		tracepoint_synchronize_unregister();
		free_event_filter(old);
		return 0;
	}
	err = create_event_filter(call, filter_string, &filter);
	if (!filter)
		return err;
	WRITE_ONCE(call->flags, call->flags & ~EVENT_FILE_FL_FILTERED);
	tracepoint_synchronize_unregister();
	WRITE_ONCE(call->filter, filter);
	if (!err)
		WRITE_ONCE(call->flags, call->flags | EVENT_FILE_FL_FILTERED);
	free_event_filter(old);
	return err;
}
