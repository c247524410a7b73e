# A real Raspberry Pi 2 (or a Pi 3 in 32-bit mode): `make sdcard` writes
# build/sdcard.img, `make test-sdcard` checks it. `make pi-test-files`
# builds what the QEMU tests of the firmware's boot path load
# (tests/qemu/cases_sdcard.py): a stand-in for the firmware's HYP stub,
# Debian's Pi 2 device tree and variants of it, and a firmware ATAG list.
# The firmware and the device tree come from Debian's armhf archive once
# (tools/pi-fetch.sh) and stay cached in $(PI_CACHE).

DEPS_SDCARD := mtools dosfstools device-tree-compiler python3
PI_CACHE := $(B)/pi
PI_TEST := $(B)/pi-test
SDCARD_STAGE := $(B)/sdcard

# Where the firmware-path tests put the boot information, the initramfs
# and the stub (cases_sdcard.py loads them at the same addresses).
PI_DTB_ADDR := 0x02000000
PI_ATAGS_ADDR := 0x100
PI_INITRD_ADDR := 0x04000000
PI_STUB_ADDR := 0x1000
# The command line the firmware-path tests boot with (after the firmware's
# own options, for the ATAG case): it powers off after the tick self-test.
PI_TEST_CMDLINE := console=ttyAMA0,115200 semihosting selftest=tick

PI_FIRMWARE := bootcode.bin start.elf fixup.dat
SDCARD_FILES := $(addprefix $(SDCARD_STAGE)/,$(PI_FIRMWARE) firmware-copyright.txt \
	config.txt cmdline.txt)

.PHONY: sdcard test-sdcard deps-sdcard pi-test-files

deps-sdcard:
	@tools/ensure-deps.sh $(DEPS_SDCARD)

# One fetch brings all three firmware files and their copyright file.
$(PI_CACHE)/start.elf: | deps-sdcard
	tools/pi-fetch.sh firmware $(PI_CACHE)

$(PI_CACHE)/bcm2836-rpi-2-b.dtb: | deps-sdcard
	tools/pi-fetch.sh dtb $(PI_CACHE)

$(addprefix $(SDCARD_STAGE)/,$(PI_FIRMWARE)): $(SDCARD_STAGE)/%: $(PI_CACHE)/start.elf
	@mkdir -p $(dir $@)
	cp $(PI_CACHE)/$* $@

$(SDCARD_STAGE)/firmware-copyright.txt: $(PI_CACHE)/start.elf
	@mkdir -p $(dir $@)
	cp $(PI_CACHE)/copyright $@

$(SDCARD_STAGE)/%.txt: sdcard/%.txt
	@mkdir -p $(dir $@)
	cp $< $@

$(B)/sdcard.img: $(SDCARD_FILES) $(B)/kernel7.img $(B)/initramfs.cpio tools/mksdcard.sh | deps-sdcard
	tools/mksdcard.sh $@ $(SDCARD_FILES) $(B)/kernel7.img $(B)/initramfs.cpio

sdcard: deps-build $(B)/sdcard.img
	@echo "$(B)/sdcard.img is ready: see README.md, 'On a real Raspberry Pi'."

test-sdcard: sdcard
	@tests/sdcard/test-sdcard.sh $(B)

# The stand-in HYP stub, once with r2 = the device tree, once = the ATAGs.
$(PI_TEST)/hyp_stub_%.bin: tests/qemu/hyp_stub.S include/mach/bcm2836.h
	@mkdir -p $(dir $@)
	$(call msg,LD,$(PI_TEST)/hyp_stub_$*.elf) $(CC) $(ARCHFLAGS) -nostdlib -Iinclude -D__ASSEMBLY__ \
		-DBOOT_INFO_ADDR=$(if $(filter dtb,$*),$(PI_DTB_ADDR),$(PI_ATAGS_ADDR)) \
		-Wl,-Ttext=$(PI_STUB_ADDR) -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
		-o $(PI_TEST)/hyp_stub_$*.elf $<
	$(call msg,OBJCOPY,$@) $(OBJCOPY) -O binary $(PI_TEST)/hyp_stub_$*.elf $@

$(PI_TEST)/hyp.dtb: $(PI_CACHE)/bcm2836-rpi-2-b.dtb $(B)/initramfs.cpio tests/qemu/mkdtbs.sh
	tests/qemu/mkdtbs.sh $< $(PI_TEST) $(B)/initramfs.cpio $(PI_INITRD_ADDR) \
		"$(PI_TEST_CMDLINE)"

$(PI_TEST)/atags.bin: $(B)/initramfs.cpio tests/qemu/mkatags.py sdcard/cmdline.txt
	@mkdir -p $(dir $@)
	python3 tests/qemu/mkatags.py $@ $(B)/initramfs.cpio $(PI_INITRD_ADDR) \
		"$$(cat sdcard/cmdline.txt) $(filter-out console=%,$(PI_TEST_CMDLINE))"

pi-test-files: deps-sdcard $(PI_TEST)/hyp_stub_dtb.bin $(PI_TEST)/hyp_stub_atags.bin \
	$(PI_TEST)/hyp.dtb $(PI_TEST)/atags.bin $(PI_CACHE)/bcm2836-rpi-2-b.dtb
