/* The kernel's memcpy and memset (kernel/arm/memcpy.S, assembled into
 * this program under other names), for every length up to 400 and some
 * longer, at every alignment of source and destination: the bytes asked
 * for are written, none around them, and the destination is returned.
 * Their block loops and bit-by-bit tails are only reached through the
 * kernel otherwise, where a wrong tail would corrupt something else. */
#include <stddef.h>
#include "check.h"

void *kernel_memcpy(void *dst, const void *src, size_t n);
void *kernel_memset(void *s, int c, size_t n);

#define MAX 4096
static unsigned char src[MAX + 16], dst[MAX + 32];

/* one memcpy/memset at dst + 8 + doff; RETURNS: 1 if all is as it should */
static int one(int set, size_t n, size_t soff, size_t doff)
{
	size_t i;
	void *ret;

	for (i = 0; i < sizeof(dst); i++)
		dst[i] = 0xa5;
	ret = set ? kernel_memset(dst + 8 + doff, 0x3c + (int)n, n)
		  : kernel_memcpy(dst + 8 + doff, src + soff, n);
	if (ret != dst + 8 + doff)
		return 0;
	for (i = 0; i < sizeof(dst); i++) {
		int in = i >= 8 + doff && i < 8 + doff + n;
		unsigned char want = !in ? 0xa5 : set ? (unsigned char)(0x3c + n)
					       : src[soff + i - 8 - doff];

		if (dst[i] != want)
			return 0;
	}
	return 1;
}

int main(void)
{
	static const size_t longer[] = { 700, 1000, 1023, 1024, 2049, MAX };
	size_t n, so, d, bad_cpy = 0, bad_set = 0;

	for (n = 0; n < sizeof(src); n++)
		src[n] = (unsigned char)(n * 7 + 1);
	for (n = 0; n < 401 + sizeof(longer) / sizeof(longer[0]); n++) {
		size_t len = n <= 400 ? n : longer[n - 401];

		for (d = 0; d < 4; d++) {
			bad_set += !one(1, len, 0, d);
			for (so = 0; so < 4; so++)
				bad_cpy += !one(0, len, so, d);
		}
	}
	CHECK_EQ((int)bad_cpy, 0, "memcpy: every length to 400 and some longer, every alignment");
	CHECK_EQ((int)bad_set, 0, "memset: every length to 400 and some longer, every alignment");
	return check_done("t_memcpy");
}
