#!/bin/sh
# make bench: the kernel's figures in QEMU's virtual time. Under -icount
# shift=0 one guest instruction is one nanosecond, so every run repeats.
# User benchmarks run with maxcpus=1, as Linux's figures in
# ../shared/linux-traces/linux-6.1-qemu/bench.txt were measured, then on
# all four CPUs.
IMG=build/kernel7.img
run() {
	timeout 600 qemu-system-arm -M raspi2b -display none -serial stdio -monitor none \
		-no-reboot -semihosting-config enable=on,target=native -icount shift=0 \
		-kernel "$IMG" -append "$1 semihosting" | tr -d '\r'
}

out=$(run "selftest=tracebench")
echo "$out" | sed -n 's/^\[ *\([0-9.]*\)\] Kestrel version.*/boot: reset to banner \1 s (virtual)/p'
echo "$out" | sed -n 's/^\[[ 0-9.]*\] selftest tracebench: /trace: /p'
echo "-- one CPU (maxcpus=1, as Linux's figures):"
run "maxcpus=1 rdinit=/init -- /bin/bench" | grep '^bench'
echo "-- four CPUs (a woken process runs on another CPU):"
run "rdinit=/init -- /bin/bench" | grep '^bench'
