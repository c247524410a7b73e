# Build, run and test the kernel. `make run` and `make test` are all a
# newcomer needs; both install missing Debian packages first.

CROSS   ?= arm-none-eabi-
CC      := $(CROSS)gcc
LD      := $(CROSS)ld
OBJCOPY := $(CROSS)objcopy
NM      := $(CROSS)nm
HOSTCC  ?= gcc
QEMU    ?= qemu-system-arm
B       := build
# One short line per file built, as Linux's kbuild prints them
# ("  CC      kernel/fork.c", "  LD      build/user/sh"); `make V=1` shows
# every command instead. $(call msg,WHAT,FILE) in front of a recipe's
# command prints that line and hides the command; $(Q) hides the others.
Q       := $(if $(filter 1,$(V)),,@)
msg     = $(if $(filter 1,$(V)),,@printf '  %-7s %s\n' '$(1)' '$(2)';)

VERSION := 0.1.0
DEPS_BUILD := gcc-arm-none-eabi libnewlib-arm-none-eabi binutils-arm-none-eabi \
	qemu-system-arm gcc libc6-dev make python3 cpio \
	gcc-arm-linux-gnueabihf gcc-arm-linux-gnueabi libc6-dev-armhf-cross libc6-dev-armel-cross
DEPS_TEST  := $(DEPS_BUILD) libcmocka-dev pkg-config device-tree-compiler mtools dosfstools \
	gdb-multiarch
DEPS_DEBUG := $(DEPS_BUILD) gdb-multiarch

ARCHFLAGS := -mcpu=cortex-a7 -marm -mfloat-abi=soft
# APCS frames everywhere, and no sibling calls, so that backtraces walk
# fp chains exactly as Linux ARM's CONFIG_FRAME_POINTER unwinder does.
FRAMEFLAGS := -mapcs-frame -fno-omit-frame-pointer -fno-optimize-sibling-calls
KCFLAGS := $(ARCHFLAGS) $(FRAMEFLAGS) -std=gnu11 -O2 -g -ffreestanding -nostdlib \
	-fno-strict-aliasing -fno-common -fno-tree-loop-distribute-patterns -Wall -Wextra -Wno-unused-parameter \
	-Wno-sign-compare -Werror=implicit-function-declaration \
	-Iinclude -Iinclude/uapi -D__KERNEL__ -DUTS_RELEASE='"$(VERSION)"' -MMD -MP
# make SLUB_DEBUG=1: kfree checks for double frees (kernel/mm/slab.c);
# make DEBUG_VM=1: a freed page is looked for on the free lists (page_alloc.c).
KCFLAGS += $(if $(SLUB_DEBUG),-DCONFIG_SLUB_DEBUG) $(if $(DEBUG_VM),-DCONFIG_DEBUG_VM)
KASFLAGS := $(ARCHFLAGS) -g -Iinclude -Iinclude/uapi -D__KERNEL__ -D__ASSEMBLY__ -MMD -MP

.PHONY: all run debug console test host-test qemu-test bench sdcard clean deps-build deps-test deps-debug
all: deps-build $(B)/kernel7.img $(B)/initramfs.cpio

deps-build:
	@tools/ensure-deps.sh $(DEPS_BUILD)
deps-test:
	@tools/ensure-deps.sh $(DEPS_TEST)
deps-debug:
	@tools/ensure-deps.sh $(DEPS_DEBUG)

include tests/host/host.mk
include tests/glibc/glibc.mk
include user/user.mk
include kernel.mk
include sdcard.mk
include tests/linux/linux.mk
include tools/tracediff.mk
include tools/lessons.mk

# Kernel command line for `make run` and `make debug`: make run CMDLINE='...'
CMDLINE ?=
# The shell init starts (its arguments after "--"): Debian's busybox ash, a
# login shell with line editing, history and the everyday commands (README:
# why); ours is `make run RUN_SHELL=/bin/sh`. A CMDLINE with its own "--"
# decides alone.
RUN_SHELL ?= /usr/bin/ash -l
RUN_APPEND := console=ttyAMA0 $(CMDLINE)$(if $(findstring --,$(CMDLINE)),, -- $(RUN_SHELL))
# The initramfs is loaded beside the kernel, as a boot loader does for
# Linux (QEMU tells the kernel where in the ATAGs; the Pi firmware, from
# config.txt's initramfs line).
QEMU_RUN := $(QEMU) -M raspi2b -nographic -kernel $(B)/kernel7.img \
	-initrd $(B)/initramfs.cpio -append "$(RUN_APPEND)"

run: all
	@echo "Booting in QEMU. Quit with Ctrl-A then X."
	$(QEMU_RUN)

# QEMU halted for gdb, in a session of its own (Ctrl-C in gdb stops the
# kernel, not QEMU); gdb here with the kx-* commands (tools/gdb); the console
# on $(B)/console.sock, which `make console` attaches to, and in
# $(B)/console.log (tools/debug.py).
debug: all deps-debug $(B)/gdb/constants.py
	@QEMU="$(QEMU)" tools/debug.py --build $(B) --append "$(RUN_APPEND)"

console:
	@tools/console.py $(B)/console.sock

# The kernel's constants for the gdb commands, from its headers (Linux's
# scripts/gdb/linux/constants.py.in).
$(B)/gdb/constants.py: tools/gdb/constants.py.in include/linux/sched.h include/asm/thread_info.h
	@mkdir -p $(dir $@)
	$(Q)$(CC) -E -P -x c $(filter -I% -D%,$(KCFLAGS)) $< | sed '1,/<!-- end-c-headers -->/d' > $@

# The same bench ELF on real Linux 6.1 and on this kernel, side by side.
bench: all $(B)/user/insmod
	@tools/bench.sh $(B)

# Host unit tests, then the QEMU tests; one summary line at the end.
# All they need is built first by one make on every core (CI runs a plain
# `make test`; a -j given is kept), host tests beside the kernel, -k so that
# a host test that does not build leaves the rest to build and test.
TEST_BUILD := $(HOST_TESTS) $(B)/tracediff $(B)/kernel7.img $(B)/initramfs.cpio \
	$(B)/traces/lessons/kestrel-initrd.cpio \
	$(B)/gdb/constants.py pi-test-files $(B)/sdcard.img
test: deps-test
	@rm -f $(B)/host.counts $(B)/qemu.counts $(B)/sdcard.counts
	-@$(MAKE) --no-print-directory -k $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc)) $(TEST_BUILD)
	-@$(MAKE) --no-print-directory host-test
	@$(MAKE) --no-print-directory $(B)/kernel7.img $(B)/initramfs.cpio \
		$(B)/traces/lessons/kestrel-initrd.cpio $(B)/gdb/constants.py
	-@$(MAKE) --no-print-directory pi-test-files
	-@python3 tests/qemu/run.py
	-@$(MAKE) --no-print-directory test-sdcard
	@tools/test-summary.sh $(B)/host.counts $(B)/qemu.counts $(B)/sdcard.counts

clean:
	rm -rf $(B)
