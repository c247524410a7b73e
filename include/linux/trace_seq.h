/* A line of trace text being built (Linux's include/linux/trace_seq.h).
 * Linux's buffer is a page behind a seq_buf; ours is smaller and inline:
 * one `trace` line, or the whole file header, fits in it. */
#ifndef _LINUX_TRACE_SEQ_H
#define _LINUX_TRACE_SEQ_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define TRACE_SEQ_BUFFER_SIZE 1024

struct trace_seq {
	char buffer[TRACE_SEQ_BUFFER_SIZE]; /* always NUL-terminated */
	unsigned int len;                   /* bytes of text in buffer */
	unsigned int readpos;               /* bytes already handed to a reader */
	int full;                           /* a write did not fit and was dropped */
};

static inline void trace_seq_init(struct trace_seq *s)
{
	s->buffer[0] = '\0';
	s->len = 0;
	s->readpos = 0;
	s->full = 0;
}

static inline unsigned int trace_seq_used(const struct trace_seq *s)
{
	return s->len;
}

static inline bool trace_seq_has_overflowed(const struct trace_seq *s)
{
	return s->full;
}

void trace_seq_printf(struct trace_seq *s, const char *fmt, ...) __printf(2, 3);
void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args);
void trace_seq_puts(struct trace_seq *s, const char *str);
void trace_seq_putc(struct trace_seq *s, unsigned char c);
void trace_seq_putmem(struct trace_seq *s, const void *mem, unsigned int len);
void trace_seq_putmem_hex(struct trace_seq *s, const void *mem, unsigned int len);

#endif
