# Debian's armhf user space in the initramfs, next to our own programs:
# busybox (busybox-static) as the everyday toolbox, glibc's dynamic loader
# and libraries (libc6, and libc6:armel for ARMv5 soft-float programs) for
# dynamically linked programs, and coreutils' env as one such program. The
# packages are fetched once with apt-get (tools/deb-fetch.sh, the host's apt
# configuration untouched), unpacked with dpkg -x into $(DEBIAN_ROOT), and
# copied unmodified.
#   /bin/busybox          busybox itself; /usr/bin/<applet> links to it
#   /lib/ld-linux-armhf.so.3, /lib/arm-linux-gnueabihf/  glibc (armhf)
#   /lib/ld-linux.so.3, /lib/arm-linux-gnueabi/          glibc (armel)
#   /usr/bin/env          coreutils' env, dynamically linked

DEBIAN_CACHE := $(B)/debian
DEBIAN_ROOT := $(DEBIAN_CACHE)/root
DEBIAN_PKGS := busybox-static libc6 coreutils libc6:armel
DEBIAN_STAMP := $(DEBIAN_CACHE)/unpacked
# each architecture's loader, libc and libm, as <multiarch dir>/<file>
DEBIAN_LIBS := $(addprefix arm-linux-gnueabihf/,ld-linux-armhf.so.3 libc.so.6 libm.so.6) \
	$(addprefix arm-linux-gnueabi/,ld-linux.so.3 libc.so.6 libm.so.6)
# The applets linked in /usr/bin: the everyday commands. Not sh (our own
# shell is /bin/sh; busybox's is ash), init, or env (coreutils' is there).
BUSYBOX_APPLETS := [ [[ ash awk basename bc cal cat chmod chown clear cmp cp cut date dc dd \
	df diff dirname dmesg du echo egrep expr false fgrep find free grep gunzip gzip head \
	hexdump hostname id kill killall less ln ls md5sum mkdir mkfifo mknod mktemp more \
	mount mv nl nproc od paste pidof printf ps pwd readlink realpath rev rm rmdir sed seq \
	sha256sum sleep sort stat strings stty sync tac tail tar taskset tee test time timeout top \
	touch tr true truncate tty umount uname uniq unlink uptime usleep vi watch wc which \
	whoami xargs xxd yes zcat

$(DEBIAN_STAMP): user/debian.mk tools/deb-fetch.sh
	$(Q)rm -rf $(DEBIAN_ROOT) $@
	$(Q)mkdir -p $(DEBIAN_ROOT)
	$(call msg,DPKG-X,$(DEBIAN_PKGS)) debs=$$(tools/deb-fetch.sh $(DEBIAN_CACHE)/apt main $(DEBIAN_PKGS)) || exit 1; \
	for deb in $$debs; do dpkg -x $$deb $(DEBIAN_ROOT) || exit 1; done
	$(Q)touch $@

# debian_install(dir): copy Debian's files into the initramfs tree dir.
define debian_install
	$(Q)mkdir -p $(1)/usr/bin $(1)/lib/arm-linux-gnueabihf $(1)/lib/arm-linux-gnueabi
	$(Q)cp $(DEBIAN_ROOT)/bin/busybox $(1)/bin/busybox
	$(Q)for applet in $(BUSYBOX_APPLETS); do ln -s /bin/busybox $(1)/usr/bin/$$applet || exit 1; done
	$(Q)for lib in $(DEBIAN_LIBS); do \
		cp $(DEBIAN_ROOT)/lib/$$lib $(1)/lib/$$lib || exit 1; \
	done
	$(Q)ln -s arm-linux-gnueabihf/ld-linux-armhf.so.3 $(1)/lib/ld-linux-armhf.so.3
	$(Q)ln -s arm-linux-gnueabi/ld-linux.so.3 $(1)/lib/ld-linux.so.3
	$(Q)cp $(DEBIAN_ROOT)/usr/bin/env $(1)/usr/bin/env
endef
