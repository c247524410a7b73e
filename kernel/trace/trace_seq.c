/* Appending text to a trace_seq (Linux's kernel/trace/trace_seq.c).
 * As in Linux, a write that does not fit is dropped whole and marks the
 * seq full, so a line is never cut in the middle of a field. */
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/trace_seq.h>

/* Room left for text, keeping one byte for the terminating NUL. */
static unsigned int trace_seq_room(const struct trace_seq *s)
{
	return sizeof(s->buffer) - 1 - s->len;
}

void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args)
{
	unsigned int room = trace_seq_room(s);
	int len;

	if (s->full)
		return;
	len = vsnprintf(s->buffer + s->len, room + 1, fmt, args);
	if (len < 0 || (unsigned int)len > room) {
		s->buffer[s->len] = '\0';
		s->full = 1;
		return;
	}
	s->len += len;
}

void trace_seq_printf(struct trace_seq *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	trace_seq_vprintf(s, fmt, ap);
	va_end(ap);
}

void trace_seq_puts(struct trace_seq *s, const char *str)
{
	size_t len = strlen(str);

	if (s->full)
		return;
	if (len > trace_seq_room(s)) {
		s->full = 1;
		return;
	}
	memcpy(s->buffer + s->len, str, len + 1);
	s->len += len;
}

void trace_seq_putc(struct trace_seq *s, unsigned char c)
{
	if (s->full)
		return;
	if (trace_seq_room(s) == 0) {
		s->full = 1;
		return;
	}
	s->buffer[s->len++] = c;
	s->buffer[s->len] = '\0';
}

/* Append @len raw bytes (options/bin). */
void trace_seq_putmem(struct trace_seq *s, const void *mem, unsigned int len)
{
	if (s->full)
		return;
	if (len > trace_seq_room(s)) {
		s->full = 1;
		return;
	}
	memcpy(s->buffer + s->len, mem, len);
	s->len += len;
	s->buffer[s->len] = '\0';
}

/* Append @len bytes as hex, most significant byte first as the CPU reads
 * them (little-endian here), then a space (options/hex; Linux's
 * trace_seq_putmem_hex, for values of up to 16 bytes). */
void trace_seq_putmem_hex(struct trace_seq *s, const void *mem, unsigned int len)
{
	static const char hex_asc[] = "0123456789abcdef";
	const unsigned char *data = mem;
	char hex[2 * 16 + 2];
	unsigned int j = 0;
	int i;

	if (len > 16) {
		s->full = 1;
		return;
	}
	for (i = len - 1; i >= 0; i--) {
		hex[j++] = hex_asc[data[i] >> 4];
		hex[j++] = hex_asc[data[i] & 0xf];
	}
	hex[j++] = ' ';
	hex[j] = '\0';
	trace_seq_puts(s, hex);
}
