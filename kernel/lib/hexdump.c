/* Hex digits (Linux's lib/hexdump.c hex_to_bin). */
#include <linux/kernel.h>

/* RETURNS: the value of hex digit ch, or -1 if it is not one. */
int hex_to_bin(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}
