# The vDSO: kernel/arm/vdso's user-space code linked as a shared object,
# checked and stripped, then embedded in the kernel by vdso.S (Linux 4.19's
# arch/arm/vdso/Makefile: vdso.so.raw -> vdsomunge -> vdso.so.dbg -> vdso.so).
# Its code runs in user space, so it gets neither the function tracer's
# mcount calls nor APCS frames; -O2 keeps libgcc out, which it cannot call.

VDSO_OBJS := $(B)/kernel/arm/vdso/vgettimeofday.o $(B)/kernel/arm/vdso/datapage.o
VDSO_CFLAGS := $(ARCHFLAGS) -std=gnu11 -O2 -fPIC -fno-common -fno-builtin -fno-stack-protector \
	-ffreestanding -Wall -Wextra -Wno-unused-parameter -Iinclude -Iinclude/uapi -MMD -MP
VDSO_LDFLAGS := -nostdlib -shared -Wl,-Bsymbolic -Wl,--no-undefined -Wl,-soname=linux-vdso.so.1 \
	-Wl,-z,max-page-size=4096 -Wl,--hash-style=sysv -Wl,--build-id=sha1 -Wl,-z,noexecstack

$(B)/kernel/arm/vdso/vgettimeofday.o: kernel/arm/vdso/vgettimeofday.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$<) $(CC) $(VDSO_CFLAGS) -c -o $@ $<

$(B)/kernel/arm/vdso/datapage.o: kernel/arm/vdso/datapage.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$<) $(CC) $(KASFLAGS) -c -o $@ $<

$(B)/kernel/arm/vdso/vdso.lds: kernel/arm/vdso/vdso.lds.S
	@mkdir -p $(dir $@)
	$(call msg,CPP,$<) $(CC) -E -P -C -Uarm -D__ASSEMBLY__ -Iinclude -MMD -MP -MT $@ -MF $@.d -x c -o $@ $<

$(B)/kernel/arm/vdso/vdso.so.raw: $(B)/kernel/arm/vdso/vdso.lds $(VDSO_OBJS)
	$(call msg,LD,$@) $(CC) $(ARCHFLAGS) $(VDSO_LDFLAGS) -Wl,-T,$< -o $@ $(VDSO_OBJS)

$(B)/kernel/arm/vdso/vdso.so.dbg: $(B)/kernel/arm/vdso/vdso.so.raw tools/vdsomunge.py
	$(call msg,MUNGE,$@) python3 tools/vdsomunge.py $< $@

$(B)/kernel/arm/vdso/vdso.so: $(B)/kernel/arm/vdso/vdso.so.dbg
	$(call msg,OBJCOPY,$@) $(OBJCOPY) -S $< $@

$(B)/kernel/arm/vdso/vdso.o: kernel/arm/vdso/vdso.S $(B)/kernel/arm/vdso/vdso.so
	@mkdir -p $(dir $@)
	$(call msg,AS,$<) $(CC) $(KASFLAGS) -DVDSO_IMAGE='"$(B)/kernel/arm/vdso/vdso.so"' -c -o $@ $<

-include $(VDSO_OBJS:.o=.d) $(B)/kernel/arm/vdso/vdso.d $(B)/kernel/arm/vdso/vdso.lds.d
