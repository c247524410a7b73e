#!/bin/sh
# Boot Debian's Linux 6.1 armhf kernel in QEMU raspi2b with our initramfs
# and check what our programs print there: proof that the user runtime and
# the tests are right before our own kernel runs them.
#   usage: tests/linux/run.sh [BUILD_DIR] [tests|bench|trace DIR]
#   tests (make test-linux): /etc/all-tests and /etc/glibc-tests on 4 CPUs,
#     checked by compare.py
#   bench (make bench, tools/bench.sh): /bin/bench under -icount
#     shift=0,sleep=off on one CPU, started as process 1 so that it also
#     times the boot
#   trace DIR (make linux-trace, tools/trace-run.sh): DIR's files added to
#     the initramfs, `sh /etc/trace-run` on 4 CPUs; the console is left in
#     BUILD_DIR/linux-ref/console-trace.log
# The kernel package is fetched once with apt-get download into
# BUILD_DIR/linux-ref, with a private apt state (the host's apt and dpkg
# configuration are not touched), and unpacked with dpkg -x.
set -eu

B=${1:-build}
MODE=${2:-tests}
EXTRA=${3:-}
REF=$B/linux-ref
TIMEOUT=${LINUX_TEST_TIMEOUT:-900}
here=$(dirname "$0")

fetch_kernel() {
	[ -f "$REF/vmlinuz" ] && [ -f "$REF/bcm2836-rpi-2-b.dtb" ] && [ -f "$REF/bcm2835_wdt.ko" ] && return 0
	echo "linux: fetching Debian's armhf kernel into $REF"
	state=$(cd "$REF" && pwd)/apt
	mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
	o="-o APT::Architecture=armhf -o APT::Architectures=armhf"
	o="$o -o Dir::State::Lists=$state/lists -o Dir::Cache=$state/cache"
	# a failing security index is harmless: the kernel comes from main
	apt-get $o update >/dev/null 2>&1 || true
	image=$(apt-cache $o depends linux-image-armmp | sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n 1)
	[ -n "$image" ] || { echo "linux: cannot resolve linux-image-armmp"; exit 1; }
	(cd "$state" && apt-get $o download "$image" >/dev/null 2>&1)
	rm -rf "$state/x"
	dpkg -x "$state"/"$image"_*.deb "$state/x"
	cp "$state"/x/boot/vmlinuz-* "$REF/vmlinuz"
	cp "$state"/x/usr/lib/linux-image-*/bcm2836-rpi-2-b.dtb "$REF/"
	find "$state/x/lib/modules" -name bcm2835_wdt.ko -exec cp {} "$REF/" \;
	rm -rf "$state/x" "$state"/*.deb
	echo "linux: $image ready"
}

# the initramfs of `make $B/initramfs.cpio`, plus what Linux needs to
# power off (the watchdog module and insmod) and the reference test list
build_initramfs() {
	rm -rf "$REF/root"
	cp -a "$B/initramfs" "$REF/root"
	mkdir -p "$REF/root/lib/modules"
	cp "$REF/bcm2835_wdt.ko" "$REF/root/lib/modules/"
	cp "$B/user/insmod" "$REF/root/bin/"
	cp "$here/linux-tests" "$here/linux-bench" "$REF/root/etc/"
	[ -z "$EXTRA" ] || cp -R "$EXTRA"/. "$REF/root/"
	(cd "$REF/root" && find . -mindepth 1 | LC_ALL=C sort |
		cpio -o -H newc --owner=0:0 --reproducible --quiet) > "$REF/initramfs.cpio"
}

# boot SCRIPT QEMU_OPTIONS KERNEL_OPTIONS INIT: run `sh /etc/SCRIPT` as the
# command of INIT, console to $REF/console-$MODE.log
boot() {
	script=$1
	qemu_opts=$2
	kernel_opts=$3
	init=$4
	echo "linux: booting Linux in QEMU (up to ${TIMEOUT}s), console in $REF/console-$MODE.log"
	# shellcheck disable=SC2086
	timeout "$TIMEOUT" qemu-system-arm -M raspi2b $qemu_opts -kernel "$REF/vmlinuz" \
		-dtb "$REF/bcm2836-rpi-2-b.dtb" -initrd "$REF/initramfs.cpio" \
		-append "console=ttyAMA0 rdinit=$init panic=-1 quiet $kernel_opts -- /bin/sh /etc/$script" \
		-serial stdio -display none -monitor none -no-reboot </dev/null |
		tr -d '\r' > "$REF/console-$MODE.log" || true
}

mkdir -p "$REF"
fetch_kernel
build_initramfs
case $MODE in
tests)
	boot linux-tests "" "" /init
	python3 "$here/compare.py" "$REF/console-$MODE.log" "$here/expected" "$here/../glibc/expected"
	;;
bench)
	boot linux-bench "-icount shift=0,sleep=off" "maxcpus=1" /bin/bench
	grep '^bench ' "$REF/console-$MODE.log" || { echo "linux: bench printed nothing"; exit 1; }
	;;
trace)
	[ -n "$EXTRA" ] || { echo "usage: $0 BUILD_DIR trace DIR"; exit 2; }
	boot trace-run "" "" /init
	;;
*)
	echo "usage: $0 [BUILD_DIR] [tests|bench|trace DIR]"
	exit 2
	;;
esac
