# C programs built against Debian's glibc with Debian's cross compilers,
# static with the compilers' defaults, once for armhf (arm-linux-gnueabihf:
# ARMv7, Thumb-2, VFP/NEON hard-float, what Raspberry Pi OS uses) and once
# for armel (arm-linux-gnueabi: ARMv5TE, soft-float, kuser helpers). The same
# binaries run on our kernel (tests/qemu/cases_glibc.py) and on Linux 6.1
# (make test-linux), and must print the same thing on both.
#   $(B)/glibc/<arch>/<name>    each program, with debug information
#   /glibc/<arch>/<name>        in the initramfs; /etc/glibc-tests runs the tests
# A program lists itself in GLIBC_TESTS (both architectures) or in
# GLIBC_TESTS_armhf / GLIBC_TESTS_armel (one only); its expected output is
# tests/glibc/expected/<name>.txt. GLIBC_DYNAMIC_<arch> programs are built
# a second time dynamically linked, as <name>_dyn, run by ld.so with Debian's
# libc6 of that architecture from the initramfs (user/debian.mk), and must
# print the same. GLIBC_EXTRA programs are shipped too but
# not run by /etc/glibc-tests: make bench runs vfp_bench and clock_bench, and vfp_bounce,
# whose output differs on Linux by design, has its own QEMU case.

GLIBC_ARCHES := armhf armel
GLIBC_TESTS := hello kuser fpu auxv posix rseq vdso
GLIBC_TESTS_armhf := vfp_switch vfp_signal vfp_setjmp neon
GLIBC_TESTS_armel :=
GLIBC_EXTRA_armhf := vfp_bench vfp_bounce clock_bench
GLIBC_DYNAMIC_armhf := hello posix vdso
GLIBC_DYNAMIC_armel := hello posix
GLIBC_CC_armhf := arm-linux-gnueabihf-gcc
GLIBC_CC_armel := arm-linux-gnueabi-gcc
GLIBC_CFLAGS := -static -O2 -g -std=gnu11 -Wall -Wextra -Wno-unused-parameter -D_GNU_SOURCE \
	-Wl,-z,noexecstack

glibc_tests = $(addprefix $(B)/glibc/$(1)/,$(GLIBC_TESTS) $(GLIBC_TESTS_$(1)) \
	$(addsuffix _dyn,$(GLIBC_DYNAMIC_$(1))))
GLIBC_TEST_PROGS := $(foreach a,$(GLIBC_ARCHES),$(call glibc_tests,$(a)))
GLIBC_PROGS := $(GLIBC_TEST_PROGS) \
	$(foreach a,$(GLIBC_ARCHES),$(addprefix $(B)/glibc/$(a)/,$(GLIBC_EXTRA_$(a))))

.PHONY: glibc
glibc: $(GLIBC_PROGS)

define glibc_rule
$(B)/glibc/$(1)/%: tests/glibc/%.c $(wildcard tests/glibc/*.h) tests/glibc/glibc.mk
	@mkdir -p $$(dir $$@)
	$$(call msg,CC,$$@) $$(GLIBC_CC_$(1)) $$(GLIBC_CFLAGS) -o $$@ $$< -lm

$(B)/glibc/$(1)/%_dyn: tests/glibc/%.c $(wildcard tests/glibc/*.h) tests/glibc/glibc.mk
	@mkdir -p $$(dir $$@)
	$$(call msg,CC,$$@) $$(GLIBC_CC_$(1)) $$(filter-out -static,$$(GLIBC_CFLAGS)) -o $$@ $$< -lm
endef
$(foreach a,$(GLIBC_ARCHES),$(eval $(call glibc_rule,$(a))))
