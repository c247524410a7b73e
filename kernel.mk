# The kernel image: every .S under boot/ and every .c under kernel/, linked
# twice so that the second link embeds the symbol table of the first
# (Linux's kallsyms link passes; see tools/kallsyms.c).

# copy_template.S is not built alone: copy_{from,to}_user.S include it.
KSRCS_S := $(wildcard boot/*.S) $(filter-out kernel/arm/copy_template.S,$(wildcard kernel/arm/*.S)) \
	$(wildcard kernel/arm/vfp/*.S)
# kernel/arm/vdso/ is user-space code: only its embedded image, vdso.o, is
# kernel (kernel/arm/vdso/vdso.mk).
KSRCS_C := $(shell find kernel -path kernel/arm/vdso -prune -o -name '*.c' -print | sort)
KOBJS   := $(patsubst %,$(B)/%.o,$(basename $(KSRCS_S) $(KSRCS_C))) $(B)/kernel/arm/vdso/vdso.o
LIBGCC  := $(shell $(CC) $(ARCHFLAGS) -print-libgcc-file-name 2>/dev/null)
KLDFLAGS := -nostdlib -T linker.ld -Wl,--build-id=none -Wl,-z,noexecstack \
	-Wl,--no-warn-rwx-segments

$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$<) $(CC) $(KASFLAGS) -c -o $@ $<

# The function tracer (Linux's CONFIG_FUNCTION_TRACER): every function gets
# an mcount call, except in the tracer itself and what it must call
# without being traced (Linux's CFLAGS_REMOVE_*.o = $(CC_FLAGS_FTRACE)).
# `make CC_FLAGS_FTRACE= B=build-nopg` builds a kernel without it.
CC_FLAGS_FTRACE ?= -pg
NOTRACE_SRCS := kernel/trace/%.c kernel/arm/ftrace.c kernel/arm/stacktrace.c

$(B)/kernel/%.o: kernel/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$<) $(CC) $(KCFLAGS) $(if $(filter $(NOTRACE_SRCS),$<),,$(CC_FLAGS_FTRACE)) -c -o $@ $<

# The syscall events' metadata, generated from the syscall table and the
# prototypes (Linux gets it from SYSCALL_DEFINEx).
$(B)/generated/syscall_meta.h: tools/gen_syscall_meta.py include/linux/syscalls.h kernel/arm/calls.c
	@mkdir -p $(dir $@)
	python3 tools/gen_syscall_meta.py include/linux/syscalls.h kernel/arm/calls.c > $@
$(B)/kernel/trace/trace_syscalls.o: $(B)/generated/syscall_meta.h
$(B)/kernel/trace/trace_syscalls.o: KCFLAGS += -I$(B)/generated

$(B)/tools/kallsyms $(B)/tools/recordmcount: $(B)/tools/%: tools/%.c
	@mkdir -p $(dir $@)
	$(call msg,HOSTCC,$<) $(HOSTCC) -O2 -Wall -o $@ $<

# Pass 1 links an empty symbol table and no mcount call sites; pass 2 links
# the tables made from pass 1 (kallsyms and tools/recordmcount's __mcount_loc).
# They sit after all text, so their sizes move no symbol or call site they
# list: the checks below prove it, as Linux's link-vmlinux.sh does.
$(B)/kallsyms0.S: $(B)/tools/kallsyms
	$(call msg,GEN,$@) printf '' | $(B)/tools/kallsyms > $@

$(B)/.tmp_kernel1.elf: $(KOBJS) $(B)/kallsyms0.o linker.ld
	$(call msg,LD,$@) $(CC) $(ARCHFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms0.o $(LIBGCC)

$(B)/kallsyms1.S: $(B)/.tmp_kernel1.elf $(B)/tools/kallsyms
	$(call msg,KSYMS,$@) $(NM) -n $< | $(B)/tools/kallsyms > $@

$(B)/mcount1.S: $(B)/.tmp_kernel1.elf $(B)/tools/recordmcount
	$(call msg,MCOUNT,$@) $(B)/tools/recordmcount $< > $@

$(B)/kernel.elf: $(KOBJS) $(B)/kallsyms1.o $(B)/mcount1.o linker.ld
	$(call msg,LD,$@) $(CC) $(ARCHFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms1.o $(B)/mcount1.o $(LIBGCC)
	$(Q)$(NM) -n $@ | $(B)/tools/kallsyms > $(B)/kallsyms2.S
	@cmp -s $(B)/kallsyms1.S $(B)/kallsyms2.S || \
		{ echo "kallsyms: symbols moved between link passes"; rm -f $@; exit 1; }
	$(Q)$(B)/tools/recordmcount $@ > $(B)/mcount2.S
	@cmp -s $(B)/mcount1.S $(B)/mcount2.S || \
		{ echo "recordmcount: call sites moved between link passes"; rm -f $@; exit 1; }

$(B)/kallsyms%.o: $(B)/kallsyms%.S
	$(call msg,AS,$<) $(CC) $(KASFLAGS) -c -o $@ $<

$(B)/mcount%.o: $(B)/mcount%.S
	$(call msg,AS,$<) $(CC) $(KASFLAGS) -c -o $@ $<

$(B)/kernel7.img: $(B)/kernel.elf
	$(call msg,OBJCOPY,$@) $(OBJCOPY) -O binary $< $@

include kernel/arm/vdso/vdso.mk

-include $(KOBJS:.o=.d)
