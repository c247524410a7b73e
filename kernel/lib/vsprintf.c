/* vsnprintf and friends (Linux's lib/vsprintf.c, cut down): the C
 * conversions with flags, width, precision and the h/hh/l/ll/z/t lengths,
 * plus Linux's symbol extensions %pS (name+0x1c/0x60), %ps (name) and
 * %pB (a return address, looked up at addr - 1), %pf/%pF as %ps/%pS. */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#define ZEROPAD 1
#define SIGN 2
#define PLUS 4
#define SPACE 8
#define LEFT 16
#define SPECIAL 32
#define SMALL 64

struct out {
	char *buf;
	size_t size;
	size_t len; /* what would have been written */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, int len, int width, int flags)
{
	int pad = width > len ? width - len : 0;

	if (!(flags & LEFT))
		while (pad-- > 0)
			put(o, ' ');
	while (len-- > 0)
		put(o, *s++);
	while (pad-- > 0)
		put(o, ' ');
}

static void put_number(struct out *o, unsigned long long num, int base, int width,
		       int precision, int flags)
{
	const char *digits = (flags & SMALL) ? "0123456789abcdef" : "0123456789ABCDEF";
	char tmp[24];
	char sign = 0;
	int i = 0, prefix = 0;

	if (flags & SIGN) {
		if ((long long)num < 0) {
			sign = '-';
			num = -(long long)num;
		} else if (flags & PLUS) {
			sign = '+';
		} else if (flags & SPACE) {
			sign = ' ';
		}
	}
	if ((flags & SPECIAL) && base == 16 && num)
		prefix = 2;
	else if ((flags & SPECIAL) && base == 8 && num)
		prefix = 1;
	do {
		tmp[i++] = digits[num % base];
		num /= base;
	} while (num);
	if (precision < i)
		precision = i;
	width -= precision + !!sign + prefix;
	if (!(flags & (ZEROPAD | LEFT)))
		while (width-- > 0)
			put(o, ' ');
	if (sign)
		put(o, sign);
	if (prefix) {
		put(o, '0');
		if (base == 16)
			put(o, (flags & SMALL) ? 'x' : 'X');
	}
	if (!(flags & LEFT) && (flags & ZEROPAD))
		while (width-- > 0)
			put(o, '0');
	while (i < precision--)
		put(o, '0');
	while (i-- > 0)
		put(o, tmp[i]);
	while (width-- > 0)
		put(o, ' ');
}

static void put_symbol(struct out *o, char kind, unsigned long addr, int width, int flags)
{
	char sym[KSYM_SYMBOL_LEN];

	if (kind == 'S')
		sprint_symbol(sym, addr);
	else if (kind == 'B')
		sprint_backtrace(sym, addr);
	else
		sprint_symbol_no_offset(sym, addr);
	put_padded(o, sym, strlen(sym), width, flags);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		int flags = 0, width = -1, precision = -1, qualifier = 0, base = 10;
		unsigned long long num;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (;;) {
			fmt++;
			if (*fmt == '-')
				flags |= LEFT;
			else if (*fmt == '+')
				flags |= PLUS;
			else if (*fmt == ' ')
				flags |= SPACE;
			else if (*fmt == '#')
				flags |= SPECIAL;
			else if (*fmt == '0')
				flags |= ZEROPAD;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				width = -width;
				flags |= LEFT;
			}
			fmt++;
		} else {
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				width = (width < 0 ? 0 : width * 10) + (*fmt - '0');
		}
		if (*fmt == '.') {
			fmt++;
			precision = 0;
			if (*fmt == '*') {
				precision = va_arg(args, int);
				fmt++;
			} else {
				for (; *fmt >= '0' && *fmt <= '9'; fmt++)
					precision = precision * 10 + (*fmt - '0');
			}
			if (precision < 0)
				precision = 0;
		}
		if (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 't') {
			qualifier = *fmt++;
			if (qualifier == 'l' && *fmt == 'l') {
				qualifier = 'L';
				fmt++;
			} else if (qualifier == 'h' && *fmt == 'h') {
				qualifier = 'H';
				fmt++;
			}
		}

		switch (*fmt) {
		case 'c':
			put_padded(&o, (char[]){ (char)va_arg(args, int) }, 1, width, flags);
			continue;
		case 's': {
			const char *s = va_arg(args, const char *);
			if (!s)
				s = "(null)";
			put_padded(&o, s, strnlen(s, precision < 0 ? (size_t)-1 : (size_t)precision),
				   width, flags);
			continue;
		}
		case 'p': {
			unsigned long p = (unsigned long)va_arg(args, void *);
			/* %pf/%pF: a function pointer's symbol, which on ARM
			 * (no function descriptors) is %ps/%pS (Linux 4.19). */
			if (fmt[1] == 'f' || fmt[1] == 'F') {
				put_symbol(&o, *++fmt == 'F' ? 'S' : 's', p, width, flags);
				continue;
			}
			if (fmt[1] == 'S' || fmt[1] == 's' || fmt[1] == 'B') {
				put_symbol(&o, *++fmt, p, width, flags);
				continue;
			}
			if (width < 0) {
				width = 2 * sizeof(void *);
				flags |= ZEROPAD;
			}
			put_number(&o, p, 16, width, precision, flags | SMALL);
			continue;
		}
		case '%':
			put(&o, '%');
			continue;
		case 'o':
			base = 8;
			break;
		case 'x':
			flags |= SMALL;
			/* fall through */
		case 'X':
			base = 16;
			break;
		case 'd':
		case 'i':
			flags |= SIGN;
			break;
		case 'u':
			break;
		default:
			put(&o, '%');
			if (!*fmt)
				goto done;
			put(&o, *fmt);
			continue;
		}

		if (qualifier == 'L')
			num = va_arg(args, unsigned long long);
		else if (qualifier == 'l')
			num = (flags & SIGN) ? (unsigned long long)va_arg(args, long)
					     : va_arg(args, unsigned long);
		else if (qualifier == 'z' || qualifier == 't')
			num = (flags & SIGN) ? (unsigned long long)va_arg(args, long)
					     : va_arg(args, size_t);
		else if (qualifier == 'h')
			num = (flags & SIGN) ? (unsigned long long)(short)va_arg(args, int)
					     : (unsigned short)va_arg(args, int);
		else if (qualifier == 'H')
			num = (flags & SIGN) ? (unsigned long long)(signed char)va_arg(args, int)
					     : (unsigned char)va_arg(args, int);
		else
			num = (flags & SIGN) ? (unsigned long long)va_arg(args, int)
					     : va_arg(args, unsigned int);
		if (flags & LEFT)
			flags &= ~ZEROPAD;
		put_number(&o, num, base, width, precision, flags);
	}
done:
	if (o.size)
		o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
	return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
