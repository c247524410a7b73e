# User space: static ARM Linux EABI programs built with arm-none-eabi-gcc
# against newlib's libc.a and our Linux system call layer (user/lib), and
# the initramfs that carries them. The same binaries run on Linux itself.
#   make user                   all programs, in $(B)/user/<name>
#   make $(B)/initramfs.cpio    /init, /bin/*, /etc/* as a cpio newc archive

USER_BIN := init sh runtests cat ls ps kill echo sleep true false poweroff reboot mkdir uname
USER_LESSONS := proc_exit rpi_proc_exit RPi_signal signal_kill group_exit sigqueue sigqueue_rlimit sigframe segv kill9 faults
USER_TESTS := t_exit t_fork t_exec t_wait t_ids t_brk t_mmap t_rw t_fd t_dir t_time \
	t_sched t_uname t_ioctl t_pgrp t_mount t_efault t_enosys t_enoexec \
	t_sigaction t_sigmask t_sigwait t_sigaltstack t_itimer t_restart t_kill t_orphan \
	t_thread t_fault t_sigreturn t_filemap t_posix t_pthread t_tls t_usermode t_cacheflush t_sigabuse fork_stress proc64 \
	bench t_cred t_privilege t_tracefs
# issue 8's kernel defects (robust-core)
USER_TESTS += memfree t_bad_pids t_itimer_exec t_prlimit_race t_nproc t_vfork t_cow t_group_stop t_futex_wait t_timers t_proc_args
# issues 9 and 10 (leftovers): /proc/<pid>/stack and wchan
USER_TESTS += t_proc_stack
# issue 12 (perf): scheduling under load, user copies, pipes, fd tables
USER_TESTS += t_sched_busy t_uaccess t_pipe t_fdtable
# sched_setaffinity/sched_getaffinity (affinity)
USER_TESTS += t_affinity t_memcpy
USER_PROGS := $(addprefix $(B)/user/,$(USER_BIN) $(USER_LESSONS) $(USER_TESTS))

# Compile for ARMv7 in ARM state; link against newlib's default multilib
# (ARM state, soft float) so that no Thumb code reaches user space.
USER_ARCH := -march=armv7-a -marm -mfloat-abi=soft
USER_CFLAGS := $(USER_ARCH) -std=gnu11 -O2 -g -D_GNU_SOURCE -ffunction-sections \
	-fdata-sections -fno-common -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Iuser/include -Iinclude/uapi -MMD -MP
# newlib_glue.c converts newlib's records, so it sees newlib's headers only
USER_GLUE_CFLAGS := $(filter-out -Iuser/include,$(USER_CFLAGS))
USER_LDFLAGS := -marm -mfloat-abi=soft -static -nostartfiles -Wl,--gc-sections \
	-Wl,-z,noexecstack

USER_LIB_SRCS := $(wildcard user/lib/*.c user/lib/*.S)
USER_LIB_OBJS := $(patsubst user/%,$(B)/user/obj/%.o,$(basename $(USER_LIB_SRCS)))
USER_CRT0 := $(B)/user/obj/lib/crt0.o
USER_LIB := $(B)/user/libuser.a

.PHONY: user
user: $(USER_PROGS)

$(B)/user/obj/lib/newlib_glue.o: user/lib/newlib_glue.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$<) $(CC) $(USER_GLUE_CFLAGS) -c -o $@ $<

$(B)/user/obj/%.o: user/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$<) $(CC) $(USER_CFLAGS) -c -o $@ $<

$(B)/user/obj/%.o: user/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$<) $(CC) $(USER_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(USER_LIB): $(filter-out $(USER_CRT0),$(USER_LIB_OBJS))
	@rm -f $@
	$(call msg,AR,$@) $(CROSS)ar rcs $@ $^

# user_link(objects): crt0, the program, all of our library (so that our
# open(), raise(), strerror(), ... are defined before newlib's libc.a is
# searched and newlib's versions are never pulled in), then newlib's libc.
# --gc-sections drops what the program does not use.
user_link = $(call msg,LD,$@) $(CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $(1) \
	-Wl,--whole-archive $(USER_LIB) -Wl,--no-whole-archive -lc -lgcc

$(addprefix $(B)/user/,$(filter-out sh,$(USER_BIN))): $(B)/user/%: $(B)/user/obj/bin/%.o \
		$(USER_CRT0) $(USER_LIB)
	$(call user_link,$<)

# the shell is made of user/bin/sh/*.c (sh.h says which part does what)
SH_OBJS := $(patsubst user/%.c,$(B)/user/obj/%.o,$(wildcard user/bin/sh/*.c))
$(B)/user/sh: $(SH_OBJS) $(USER_CRT0) $(USER_LIB)
	$(call user_link,$(SH_OBJS))

$(addprefix $(B)/user/,$(filter-out rpi_proc_exit,$(USER_LESSONS))): $(B)/user/%: \
		$(B)/user/obj/lessons/%.o $(USER_CRT0) $(USER_LIB)
	$(call user_link,$<)

# the seed's name for the same program (its traces show comm=rpi_proc_exit)
$(B)/user/rpi_proc_exit: $(B)/user/proc_exit
	$(call msg,CP,$@) cp $< $@

$(addprefix $(B)/user/,$(USER_TESTS)): $(B)/user/%: $(B)/user/obj/tests/%.o \
		$(B)/user/obj/tests/check.o $(USER_CRT0) $(USER_LIB)
	$(call user_link,$(filter-out $(USER_CRT0),$(filter %.o,$^)))

# t_memcpy tests the kernel's own memcpy/memset, assembled under other names
$(B)/user/t_memcpy: $(B)/user/obj/tests/kernel_memcpy.o
$(B)/user/obj/tests/kernel_memcpy.o: kernel/arm/memcpy.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$<) $(CC) $(USER_CFLAGS) -D__ASSEMBLY__ -Dmemset=kernel_memset \
		-Dmemcpy=kernel_memcpy -c -o $@ $<

include tests/abuse/abuse.mk

# The initramfs: /init is init; every program is in /bin, stripped as
# Debian's are (no debug information, no symbol table: $(B)/user/ and
# $(B)/abuse/ keep the full ELF files for gdb, objdump and the
# lessons; a byte less to unpack is a byte less of boot); the glibc test
# programs are in /glibc/<arch>/, the abuse cases in /lib/abuse; /etc holds
# the test lists and the shell profile; /proc, /sys, /tmp are mount points
# (/tmp world-writable and sticky, mode 1777, as on Linux);
# Debian's busybox and glibc are in /bin/busybox, /usr/bin and /lib
# (user/debian.mk). No device nodes: the kernel provides /dev/console.
USER_ETC := $(wildcard user/etc/*)

include user/debian.mk

$(B)/initramfs.cpio: $(USER_PROGS) $(USER_ETC) $(GLIBC_PROGS) $(ABUSE_RUNNER) $(ABUSE_CASES) \
		user/user.mk tests/glibc/glibc.mk tests/abuse/abuse.mk $(DEBIAN_STAMP)
	$(call msg,GEN,$@) rm -rf $(B)/initramfs $@
	$(Q)mkdir -p $(B)/initramfs/bin $(B)/initramfs/etc $(B)/initramfs/dev \
		$(B)/initramfs/proc $(B)/initramfs/sys $(B)/initramfs/tmp $(B)/initramfs/lib/abuse
	$(Q)$(CROSS)strip --strip-all -o $(B)/initramfs/init $(B)/user/init
	$(Q)for prog in $(USER_PROGS) $(ABUSE_RUNNER); do \
		$(CROSS)strip --strip-all -o $(B)/initramfs/bin/$${prog##*/} $$prog || exit 1; \
	done
	$(Q)for prog in $(ABUSE_CASES); do \
		$(CROSS)strip --strip-all -o $(B)/initramfs/lib/abuse/$${prog##*/} $$prog || exit 1; \
	done
	$(Q)cp $(USER_ETC) $(B)/initramfs/etc/
	$(Q)for prog in $(patsubst $(B)/%,%,$(GLIBC_PROGS)); do \
		mkdir -p $(B)/initramfs/$${prog%/*} && \
		$(CROSS)strip --strip-all -o $(B)/initramfs/$$prog $(B)/$$prog || exit 1; \
	done
	$(Q)printf '# The glibc programs (tests/glibc/glibc.mk), framed by "=== NAME" lines\nruntests %s\n' \
		"$(patsubst $(B)/%,/%,$(GLIBC_TEST_PROGS))" > $(B)/initramfs/etc/glibc-tests
	$(call debian_install,$(B)/initramfs)
	$(Q)chmod 1777 $(B)/initramfs/tmp
	$(Q)cd $(B)/initramfs && find . -mindepth 1 | LC_ALL=C sort | \
		cpio -o -H newc --owner=0:0 --reproducible --quiet > ../initramfs.cpio

-include $(wildcard $(B)/user/obj/*/*.d $(B)/user/obj/*/*/*.d)
