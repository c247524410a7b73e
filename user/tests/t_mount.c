/* mount/umount2: proc mounted on a fresh directory shows /self, unmounts;
 * unknown file system, missing mount point, not a mount point. */
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct stat st;

	rmdir("/tmp/t_mount");
	CHECK_EQ(mkdir("/tmp/t_mount", 0755), 0, "mkdir the mount point");
	CHECK_EQ(mount("proc", "/tmp/t_mount", "proc", 0, NULL), 0, "mount proc");
	CHECK(stat("/tmp/t_mount/self", &st) == 0, "the mounted proc has /self");
	CHECK_ERR(rmdir("/tmp/t_mount"), EBUSY, "rmdir a mount point -> EBUSY");
	CHECK_EQ(umount2("/tmp/t_mount", 0), 0, "umount2");
	CHECK_ERR(stat("/tmp/t_mount/self", &st), ENOENT, "after umount the directory is empty");
	CHECK_ERR(umount2("/tmp/t_mount", 0), EINVAL, "umount2 of a non-mount point -> EINVAL");
	CHECK_ERR(mount("x", "/tmp/t_mount", "nosuchfs", 0, NULL), ENODEV, "unknown fs type -> ENODEV");
	CHECK_ERR(mount("proc", "/tmp/nowhere", "proc", 0, NULL), ENOENT, "missing mount point -> ENOENT");
	CHECK_EQ(rmdir("/tmp/t_mount"), 0, "rmdir after umount");
	return check_done("t_mount");
}
