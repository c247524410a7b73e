/* The built-in initramfs: the cpio archive of user/'s programs, linked
 * into the kernel between _initramfs_start and _initramfs_end (Linux's
 * usr/initramfs_data.S). */
	.section .init.ramfs, "a"
	.incbin	INITRAMFS_IMAGE
