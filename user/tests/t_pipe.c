/* Pipe capacity: 16 pages by default, and fcntl F_GETPIPE_SZ /
 * F_SETPIPE_SZ as Linux's (rounded up to a power-of-two number of pages,
 * -EBUSY below what the pipe holds, data kept in order across resizes). */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static unsigned char out[1 << 17], in[1 << 17];

int main(void)
{
	int fds[2], i, ok;

	for (i = 0; i < (int)sizeof(out); i++)
		out[i] = (unsigned char)(i * 13 + i / 251);
	CHECK_EQ(pipe(fds), 0, "pipe");
	CHECK_EQ(fcntl(fds[0], F_GETPIPE_SZ), 65536, "a new pipe holds 64 KiB");
	CHECK_EQ(fcntl(fds[1], F_GETPIPE_SZ), 65536, "either end tells its size");
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	CHECK_EQ(write(fds[1], out, 65536), 65536, "64 KiB go in at once");
	CHECK_ERR(write(fds[1], out, 1), EAGAIN, "then it is full");
	CHECK_ERR(fcntl(fds[1], F_SETPIPE_SZ, 4096), EBUSY, "it cannot shrink below its data");
	CHECK_EQ(read(fds[0], in, sizeof(in)), 65536, "64 KiB come out");
	CHECK(!memcmp(in, out, 65536), "in order");

	CHECK_EQ(fcntl(fds[1], F_SETPIPE_SZ, 0), 4096, "the smallest size is a page");
	CHECK_EQ(fcntl(fds[0], F_GETPIPE_SZ), 4096, "and the pipe has it");
	CHECK_EQ(fcntl(fds[1], F_SETPIPE_SZ, 5000), 8192, "sizes round up to a power of two");
	CHECK_ERR(fcntl(fds[1], F_SETPIPE_SZ, 0x80000001UL), EINVAL, "above 2 GiB -> EINVAL");
	CHECK_ERR(fcntl(0, F_SETPIPE_SZ, 4096), EBADF, "not a pipe -> EBADF");
	CHECK_ERR(fcntl(0, F_GETPIPE_SZ), EBADF, "F_GETPIPE_SZ of not a pipe -> EBADF");

	/* Data that wraps around the ring survives growing and shrinking. */
	CHECK_EQ(fcntl(fds[1], F_SETPIPE_SZ, 65536), 65536, "back to 64 KiB");
	ok = write(fds[1], out, 60000) == 60000 && read(fds[0], in, 50000) == 50000 &&
	     write(fds[1], out + 60000, 40000) == 40000;
	CHECK(ok, "the ring wraps around");
	CHECK_EQ(fcntl(fds[1], F_SETPIPE_SZ, 1 << 20), 1 << 20, "it grows to 1 MiB with data inside");
	CHECK_EQ(write(fds[1], out + 100000, 30000), 30000, "the room is there");
	CHECK_EQ(read(fds[0], in + 50000, 20000), 20000, "the oldest come out");
	CHECK_EQ(fcntl(fds[1], F_SETPIPE_SZ, 65536), 65536, "it shrinks to 64 KiB with 60000 bytes inside");
	CHECK_EQ(read(fds[0], in + 70000, 80000), 60000, "they all come out");
	CHECK(!memcmp(in, out, 130000), "in order");
	return check_done("t_pipe");
}
