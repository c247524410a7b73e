/* brk: the current break, growing and writing, shrinking, an impossible
 * break refused, malloc on top. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	uintptr_t cur = syscall(__NR_brk, 0), r;
	char *p, *big;

	CHECK(cur != 0 && (cur & 3) == 0, "brk(0) reports the break");
	r = syscall(__NR_brk, cur + 64 * 1024);
	CHECK_EQ(r, cur + 64 * 1024, "brk grows by 64 KiB");
	p = (char *)cur;
	memset(p, 0x5a, 64 * 1024);
	CHECK(p[0] == 0x5a && p[64 * 1024 - 1] == 0x5a, "new heap is writable");
	r = syscall(__NR_brk, cur + 4096);
	CHECK_EQ(r, cur + 4096, "brk shrinks");
	r = syscall(__NR_brk, 0xbf000000);
	CHECK_EQ(r, cur + 4096, "an impossible break is refused (old break returned)");
	syscall(__NR_brk, cur);
	big = malloc(1024 * 1024);
	CHECK(big != NULL, "malloc(1 MiB)");
	if (big) {
		memset(big, 1, 1024 * 1024);
		CHECK(big[1024 * 1024 - 1] == 1, "malloc'ed memory is usable");
		free(big);
	}
	CHECK(sbrk(0) != (void *)-1, "sbrk(0)");
	return check_done("t_brk");
}
