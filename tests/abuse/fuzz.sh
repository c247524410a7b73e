#!/bin/sh
# make fuzz [SEED=n] [COUNT=m] [WORKERS=w]: a long run of the abuse suite's
# system call fuzzer (tests/abuse/cases/fuzz.c), outside make test. It boots
# the kernel in QEMU with /bin/abuse running only the fuzz case, so the same
# checks follow it (no memory, slab object or process left, the bystander
# untouched), and fails on any oops, panic, soft lockup or bad page. The
# console goes to build/fuzz.log. Bounded: about a minute per 10,000 calls
# at worst, and QEMU is always ended.
set -eu

B=${B:-build}
SEED=${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
COUNT=${COUNT:-1000000}
WORKERS=${WORKERS:-4}
SECONDS_MAX=$((COUNT / 150 + 60))
LOG=$B/fuzz.log

echo "fuzz: seed $SEED, $COUNT calls, $WORKERS workers, at most $SECONDS_MAX s; console in $LOG"
timeout $((SECONDS_MAX + 120)) qemu-system-arm -M raspi2b -display none -serial stdio -monitor none \
	-no-reboot -semihosting-config enable=on,target=native -kernel "$B/kernel7.img" \
	-append "semihosting rdinit=/init FUZZ_COUNT=$COUNT FUZZ_SECONDS=$SECONDS_MAX FUZZ_WORKERS=$WORKERS \
-- /bin/abuse -s $SEED -t $((SECONDS_MAX + 60)) fuzz" </dev/null | tr -d '\r' > "$LOG" || true
grep '^abuse: fuzz \|^fuzz: ' "$LOG" || true
if grep -q 'Kernel panic\|Internal error\|Unable to handle\|BUG: \|bad_page' "$LOG"; then
	echo "fuzz: the kernel failed (seed $SEED); see $LOG"
	exit 1
fi
if ! grep -q '^abuse: 1 passed, 0 failed$' "$LOG"; then
	echo "fuzz: FAIL (seed $SEED); see $LOG"
	exit 1
fi
echo "fuzz: passed (seed $SEED)"
