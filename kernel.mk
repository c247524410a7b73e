# The kernel image: every .S under boot/ and every .c under kernel/, linked
# twice so that the second link embeds the symbol table of the first
# (Linux's kallsyms link passes; see tools/kallsyms.c).

KSRCS_S := $(wildcard boot/*.S) $(wildcard kernel/arm/*.S) $(wildcard kernel/arm/vfp/*.S) \
	kernel/initramfs_data.S
KSRCS_C := $(shell find kernel -name '*.c' | sort)
KOBJS   := $(patsubst %,$(B)/%.o,$(basename $(KSRCS_S) $(KSRCS_C)))
LIBGCC  := $(shell $(CC) $(ARCHFLAGS) -print-libgcc-file-name 2>/dev/null)
KLDFLAGS := -nostdlib -T linker.ld -Wl,--build-id=none -Wl,-z,noexecstack \
	-Wl,--no-warn-rwx-segments

$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KASFLAGS) -c -o $@ $<

# The built-in initramfs carries user/'s programs (Linux's usr/initramfs_data.S).
$(B)/kernel/initramfs_data.o: kernel/initramfs_data.S $(B)/initramfs.cpio
	@mkdir -p $(dir $@)
	$(CC) $(KASFLAGS) -DINITRAMFS_IMAGE='"$(B)/initramfs.cpio"' -c -o $@ $<

$(B)/kernel/%.o: kernel/%.c
	@mkdir -p $(dir $@)
	@echo '  CC      $<'
	$(Q)$(CC) $(KCFLAGS) -c -o $@ $<

$(B)/tools/kallsyms: tools/kallsyms.c
	@mkdir -p $(dir $@)
	$(HOSTCC) -O2 -Wall -o $@ $<

# Pass 1 links an empty table; pass 2 links the table of pass 1's symbols.
# The table sits after all text, so its size moves no symbol it lists:
# the check below proves it, as Linux's link-vmlinux.sh does.
$(B)/kallsyms0.S: $(B)/tools/kallsyms
	printf '' | $(B)/tools/kallsyms > $@

$(B)/.tmp_kernel1.elf: $(KOBJS) $(B)/kallsyms0.o linker.ld
	$(CC) $(ARCHFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms0.o $(LIBGCC)

$(B)/kallsyms1.S: $(B)/.tmp_kernel1.elf $(B)/tools/kallsyms
	$(NM) -n $< | $(B)/tools/kallsyms > $@

$(B)/kernel.elf: $(KOBJS) $(B)/kallsyms1.o linker.ld
	$(CC) $(ARCHFLAGS) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms1.o $(LIBGCC)
	$(NM) -n $@ | $(B)/tools/kallsyms > $(B)/kallsyms2.S
	@cmp -s $(B)/kallsyms1.S $(B)/kallsyms2.S || \
		{ echo "kallsyms: symbols moved between link passes"; rm -f $@; exit 1; }

$(B)/kallsyms%.o: $(B)/kallsyms%.S
	$(Q)$(CC) $(KASFLAGS) -c -o $@ $<

$(B)/kernel7.img: $(B)/kernel.elf
	$(OBJCOPY) -O binary $< $@

-include $(KOBJS:.o=.d)
