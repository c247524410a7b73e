/* Line editing at a terminal, as bash's readline does the everyday part:
 * the prompt ($PS1 with bash's \w \W \u \h \H \$ \n \\ escapes, default
 * "\w \$ "), the arrows and Emacs keys to move and edit, the up and down
 * arrows through the lines typed before (the `history` builtin lists them),
 * ^C to drop the line, ^D at an empty line for end of input. While it
 * reads, the terminal is in non-canonical mode without echo or signal
 * keys (termios, as readline's rltty.c sets it), and it is given back as
 * it was before a command runs. Lines wider than the terminal are not
 * handled: the line is redrawn from its start with a carriage return. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define HISTORY_MAX	100
#define CTRL(c)		((c) & 0x1f)

static char *history[HISTORY_MAX];	/* oldest first */
static int history_len;

/* The line being edited; the SIGCHLD handler redraws it (lineedit_redraw). */
static struct {
	int echo;		/* the terminal had ECHO on: show what is typed */
	char prompt[256];
	char *buf;
	int size, len, pos;	/* pos: the cursor, 0..len */
} line;

/* out - write to the terminal (stderr, as bash's prompt), unless echo is off */
static void out(const char *s, int n)
{
	if (line.echo && n > 0 && write(2, s, n) < 0)
		line.echo = 0;	/* no terminal to show it on */
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

/* user_name - RETURNS: the name /etc/passwd gives the effective uid, or
 * its number, in buf */
static const char *user_name(char *buf, size_t size)
{
	char entry[256];
	uid_t uid = geteuid();
	FILE *f = fopen("/etc/passwd", "r");

	snprintf(buf, size, "%u", (unsigned)uid);
	while (f && fgets(entry, sizeof(entry), f)) {
		char *name = strtok(entry, ":"), *id;

		strtok(NULL, ":");
		id = strtok(NULL, ":");
		if (name && id && (uid_t)strtoul(id, NULL, 10) == uid) {
			snprintf(buf, size, "%s", name);
			break;
		}
	}
	if (f)
		fclose(f);
	return buf;
}

/* working_directory - $PWD as bash's \w shows it: under $HOME as ~/...;
 * basename_only: \W, its last part */
static const char *working_directory(char *buf, size_t size, int basename_only)
{
	const char *pwd = getenv("PWD"), *home = getenv("HOME"), *slash;
	size_t home_len = home ? strlen(home) : 0;

	if (!pwd)
		pwd = getcwd(buf, size) ? buf : "?";
	if (home_len > 1 && !strncmp(pwd, home, home_len) &&
	    (!pwd[home_len] || pwd[home_len] == '/')) {
		if (basename_only && !pwd[home_len])
			return "~";
		if (!basename_only) {
			snprintf(buf, size, "~%s", pwd + home_len);
			return buf;
		}
	}
	slash = strrchr(pwd, '/');
	if (basename_only && slash && slash[1])
		pwd = slash + 1;
	if (pwd != buf)
		snprintf(buf, size, "%s", pwd);
	return buf;
}

/* expand_prompt - $PS1 (or "\w \$ ") with bash's escapes, into line.prompt */
static void expand_prompt(void)
{
	const char *ps1 = getenv("PS1"), *p;
	char *dst = line.prompt, *end = line.prompt + sizeof(line.prompt) - 1;
	char part[MAX_LINE];
	struct utsname u;

	for (p = ps1 ? ps1 : "\\w \\$ "; *p && dst < end; p++) {
		const char *text = part;

		if (*p != '\\' || !p[1]) {
			*dst++ = *p;
			continue;
		}
		switch (*++p) {
		case 'w':
		case 'W':
			text = working_directory(part, sizeof(part), *p == 'W');
			break;
		case 'u':
			text = user_name(part, sizeof(part));
			break;
		case 'h':
		case 'H':
			snprintf(part, sizeof(part), "%s", uname(&u) == 0 ? u.nodename : "?");
			if (*p == 'h')
				part[strcspn(part, ".")] = '\0';
			break;
		case '$':
			text = geteuid() == 0 ? "#" : "$";
			break;
		case 'n':
			text = "\n";
			break;
		case 'e':
			text = "\033";
			break;
		case '[':
		case ']':
			text = "";	/* readline's non-printing markers */
			break;
		default:
			snprintf(part, sizeof(part), "%c", *p);
			break;
		}
		while (*text && dst < end)
			*dst++ = *text++;
	}
	*dst = '\0';
}

/* prompt_last_line - the prompt's text after its last newline: what a
 * carriage return goes back to */
static const char *prompt_last_line(void)
{
	const char *nl = strrchr(line.prompt, '\n');

	return nl ? nl + 1 : line.prompt;
}

/* cursor_left - n cursor positions left (a backspace moves without erasing) */
static void cursor_left(int n)
{
	while (n-- > 0)
		out("\b", 1);
}

/* refresh - draw the prompt's last line and the whole line again, the
 * cursor at pos */
static void refresh(void)
{
	outs("\r");
	outs(prompt_last_line());
	out(line.buf, line.len);
	outs("\033[K");
	cursor_left(line.len - line.pos);
}

/* write_prompt - the prompt goes out even with echo off, as bash's */
static void write_prompt(void)
{
	ssize_t unused = write(2, line.prompt, strlen(line.prompt));

	(void)unused;
}

/* lineedit_redraw - the prompt and the line being typed, on a new line
 * (after the SIGCHLD handler printed a job's state) */
void lineedit_redraw(void)
{
	write_prompt();
	out(line.buf, line.len);
	cursor_left(line.len - line.pos);
}

/* erase_back - remove the n characters before the cursor; at the end of
 * the line each goes as n_tty's echo erases one: "\b \b" */
static void erase_back(int n)
{
	int at_end = line.pos == line.len;

	memmove(line.buf + line.pos - n, line.buf + line.pos, line.len - line.pos);
	line.pos -= n;
	line.len -= n;
	if (!at_end) {
		refresh();
		return;
	}
	while (n-- > 0)
		outs("\b \b");
}

static void insert(char c)
{
	if (line.len >= line.size - 1)
		return;
	memmove(line.buf + line.pos + 1, line.buf + line.pos, line.len - line.pos);
	line.buf[line.pos++] = c;
	line.len++;
	if (line.pos == line.len)
		out(&c, 1);
	else
		refresh();
}

/* set_line - replace the line with text (a history entry), cursor at its end */
static void set_line(const char *text)
{
	snprintf(line.buf, line.size, "%s", text);
	line.len = line.pos = strlen(line.buf);
	refresh();
}

static void add_history(const char *text)
{
	if (!*text || (history_len && !strcmp(history[history_len - 1], text)))
		return;
	if (history_len == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(history[0]));
		history_len--;
	}
	history[history_len] = strdup(text);
	if (history[history_len])
		history_len++;
}

/* read_byte - one byte typed; SIGCHLD's handler may run meanwhile (it
 * reports a job that ended and redraws the line).
 * RETURNS: the byte, or -1 at end of input. */
static int read_byte(int fd)
{
	unsigned char c;
	ssize_t r;

	do {
		jobs_allow_sigchld(1);
		r = read(fd, &c, 1);
		jobs_allow_sigchld(0);
	} while (r < 0 && errno == EINTR);
	return r == 1 ? c : -1;
}

/* Keys that arrive as escape sequences: ESC [ x, ESC O x, ESC [ n ~ */
enum { KEY_UP = 0x100, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END, KEY_DELETE, KEY_NONE };

/* read_escape - after ESC: RETURNS: the key the sequence names, KEY_NONE
 * for one not known, -1 at end of input */
static int read_escape(int fd)
{
	int c = read_byte(fd), n = 0;

	if (c != '[' && c != 'O')
		return c < 0 ? -1 : KEY_NONE;
	c = read_byte(fd);
	while (c >= '0' && c <= '9') {
		n = n * 10 + c - '0';
		c = read_byte(fd);
	}
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case '~': return n == 1 || n == 7 ? KEY_HOME : n == 4 || n == 8 ? KEY_END :
			 n == 3 ? KEY_DELETE : KEY_NONE;
	}
	return c < 0 ? -1 : KEY_NONE;
}

/* edit - read keys and edit the line until Enter, ^C or end of input.
 * RETURNS: the line's length, LINE_INTERRUPTED, or -1. */
static int edit(int fd)
{
	static char saved[MAX_LINE];	/* the new line, while browsing history */
	int browsing = history_len;	/* history_len: the new line */

	for (;;) {
		int c = read_byte(fd), start;

		if (c == 0x1b)
			c = read_escape(fd);
		switch (c) {
		case -1:
			if (line.len)
				goto enter;
			return -1;
		case '\r':
		case '\n':
		enter:
			line.buf[line.len] = '\0';
			outs("\n");
			add_history(line.buf);
			return line.len;
		case CTRL('C'):
			outs("^C\n");
			return LINE_INTERRUPTED;
		case CTRL('D'):
			if (!line.len)
				return -1;
			/* fall through - delete the character under the cursor */
		case KEY_DELETE:
			if (line.pos < line.len) {
				line.pos++;
				erase_back(1);
			}
			break;
		case 0x7f:
		case CTRL('H'):
			if (line.pos > 0)
				erase_back(1);
			break;
		case CTRL('U'):
			erase_back(line.pos);
			break;
		case CTRL('W'):
			start = line.pos;
			while (start > 0 && line.buf[start - 1] == ' ')
				start--;
			while (start > 0 && line.buf[start - 1] != ' ')
				start--;
			erase_back(line.pos - start);
			break;
		case CTRL('K'):
			line.len = line.pos;
			outs("\033[K");
			break;
		case CTRL('A'):
		case KEY_HOME:
			cursor_left(line.pos);
			line.pos = 0;
			break;
		case CTRL('E'):
		case KEY_END:
			out(line.buf + line.pos, line.len - line.pos);
			line.pos = line.len;
			break;
		case CTRL('B'):
		case KEY_LEFT:
			if (line.pos > 0) {
				cursor_left(1);
				line.pos--;
			}
			break;
		case CTRL('F'):
		case KEY_RIGHT:
			if (line.pos < line.len)
				out(line.buf + line.pos++, 1);
			break;
		case CTRL('L'):
			outs("\033[H\033[2J");
			lineedit_redraw();
			break;
		case CTRL('P'):
		case KEY_UP:
			if (browsing == 0)
				break;
			if (browsing == history_len) {
				line.buf[line.len] = '\0';
				snprintf(saved, sizeof(saved), "%s", line.buf);
			}
			set_line(history[--browsing]);
			break;
		case CTRL('N'):
		case KEY_DOWN:
			if (browsing == history_len)
				break;
			browsing++;
			set_line(browsing == history_len ? saved : history[browsing]);
			break;
		default:
			if (c >= 0x20 && c < 0x100 && c != 0x7f)
				insert(c);
			break;
		}
	}
}

/* read_command_line - print the prompt and read one command line from fd
 * into buf: edited, if fd is a terminal.
 * RETURNS: its length, LINE_INTERRUPTED (^C), or -1 at end of input. */
int read_command_line(int fd, char *buf, int size)
{
	struct termios saved, raw;
	int n;

	int terminal;

	fflush(stdout);
	expand_prompt();
	line.buf = buf;
	line.size = size;
	line.len = line.pos = 0;
	/* not a terminal: the keys come as they are, and nothing echoes */
	terminal = tcgetattr(fd, &saved) == 0;
	line.echo = terminal && (saved.c_lflag & ECHO);
	if (terminal) {
		raw = saved;
		raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(fd, TCSANOW, &raw);
	}
	write_prompt();
	n = edit(fd);
	if (terminal)
		tcsetattr(fd, TCSANOW, &saved);
	return n;
}

/* builtin_history - the lines typed so far, numbered as bash lists them */
int builtin_history(int argc, char **argv)
{
	int i;

	for (i = 0; i < history_len; i++)
		printf("%5d  %s\n", i + 1, history[i]);
	return 0;
}
