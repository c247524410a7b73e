#!/bin/sh
# make bench: the same bench ELF (user/tests/bench.c) on real Linux 6.1 and
# on this kernel, in one run, each figure measured now. Both run under
# -icount shift=0,sleep=off with maxcpus=1: one guest instruction is one
# nanosecond of virtual time, and an idle CPU's wait jumps to the next timer
# (sleep=off; by default it lasts as long in real time), so every run
# repeats. This kernel runs it again on four CPUs. Prints one table and
# writes $B/bench.txt (tools/bench_table.py).
#   usage: tools/bench.sh [BUILD_DIR]
set -u
B=${1:-build}
IMG=$B/kernel7.img
# bench, then the glibc ping-pong with and without VFP use (what the VFP
# state adds to a context switch) and glibc's clock_gettime (the vDSO's);
# tests/linux/linux-bench runs the same.
# On four CPUs, without the rows that QEMU's turn-taking of virtual CPUs
# would decide (bench.c says why).
BENCH='/bin/sh -c "bench; /glibc/armhf/vfp_bench; /glibc/armhf/clock_bench"'
BENCH_SMP='/bin/sh -c "bench smp; /glibc/armhf/vfp_bench; /glibc/armhf/clock_bench"'

# ours LOG CMDLINE: boot this kernel, console to LOG
ours() {
	timeout 900 qemu-system-arm -M raspi2b -display none -serial stdio -monitor none \
		-no-reboot -semihosting-config enable=on,target=native -icount shift=0,sleep=off \
		-kernel "$IMG" -initrd "$B/initramfs.cpio" -append "$2 semihosting" </dev/null |
		tr -d '\r' > "$1"
}

echo "bench: Linux 6.1, one CPU (the machinery of make test-linux)"
tests/linux/run.sh "$B" bench > "$B/bench-linux.out" ||
	{ cat "$B/bench-linux.out"; echo "bench: the Linux run failed"; }
cp "$B/linux-ref/console-bench.log" "$B/bench-linux.log" 2>/dev/null || : > "$B/bench-linux.log"
echo "bench: this kernel, one CPU"
ours "$B/bench-ours.log" "maxcpus=1 rdinit=/bin/bench -- $BENCH"
echo "bench: this kernel, four CPUs"
ours "$B/bench-ours-smp.log" "rdinit=/bin/bench -- $BENCH_SMP"
ours "$B/bench-trace.log" "selftest=tracebench"
sed -n 's/^\[ *\([0-9.]*\)\] Kestrel version.*/boot: reset to banner \1 s (virtual)/p' "$B/bench-trace.log"
sed -n 's/^\[[ 0-9.]*\] selftest tracebench: /trace: /p' "$B/bench-trace.log"
echo
python3 tools/bench_table.py "$B/bench-linux.log" "$B/bench-ours.log" "$B/bench-ours-smp.log" \
	"$B/bench.txt"
