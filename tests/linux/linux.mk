# Run the user programs on real Linux 6.1 (Debian bookworm's armhf kernel,
# booted in QEMU raspi2b) and check their results: `make test-linux`
# (`make bench` runs bench there too, through tests/linux/run.sh bench).
# Not part of `make test`: it downloads Debian's kernel package once
# (cached in $(B)/linux-ref) and boots it for a few minutes.

$(B)/user/obj/linux/insmod.o: tests/linux/insmod.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$<) $(CC) $(USER_CFLAGS) -c -o $@ $<

$(B)/user/insmod: $(B)/user/obj/linux/insmod.o $(USER_CRT0) $(USER_LIB)
	$(call user_link,$<)

.PHONY: test-linux
test-linux: $(B)/initramfs.cpio $(B)/user/insmod
	tests/linux/run.sh $(B) tests
