#!/bin/sh
# make fuzz [SEED=n] [COUNT=m] [WORKERS=w] [THREADS=t] [TRACING=0|1]: a long
# run of the abuse suite's system call fuzzer (tests/abuse/cases/fuzz.c; w
# processes of t threads; with TRACING=1, the default, tracing is hot all
# along: every event on, tracers, buffer sizes and filters switched without
# pause), outside make test. It boots the kernel in QEMU with
# /bin/abuse running only the fuzz case, so the same checks follow it (no
# memory, slab object or process left, the bystander untouched), and fails
# on any oops, panic, soft lockup or bad page. The
# console goes to build/fuzz.log as it comes (QEMU writes the file itself).
# A guest that prints nothing for SILENT_S seconds (the fuzzer's kernel
# prints a line every second or so) is hung: every CPU's registers are
# taken from the QEMU monitor into the log, three times, and the run fails.
# Bounded: about a minute per 10,000 calls at worst, and QEMU is always ended.
set -eu

B=${B:-build}
SEED=${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
COUNT=${COUNT:-1000000}
WORKERS=${WORKERS:-4}
THREADS=${THREADS:-2}
TRACING=${TRACING:-1}
SILENT_S=${SILENT_S:-60}
SECONDS_MAX=$((COUNT / 150 + 60))
LOG=$B/fuzz.log
MON=$B/fuzz.monitor

# Send one command to the monitor socket; print what it answers.
monitor() {
	python3 - "$MON" "$1" <<'EOF'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(3)
time.sleep(0.5)
try:
    s.recv(65536)  # the banner and prompt
except OSError:
    pass
s.sendall((sys.argv[2] + "\n").encode())
out, end = b"", time.time() + 5
while time.time() < end:
    try:
        data = s.recv(65536)
    except OSError:
        break
    if not data:
        break
    out += data
# the first line is the monitor echoing the command; the last, its prompt
text = out.decode(errors="replace").replace("\r", "").split("\n", 1)[-1]
sys.stdout.write(text.replace("(qemu) ", ""))
EOF
}

echo "fuzz: seed $SEED, $COUNT calls, $WORKERS workers of $THREADS threads, tracing $TRACING, at most $SECONDS_MAX s; console in $LOG"
rm -f "$LOG" "$MON"
timeout $((SECONDS_MAX + 120)) qemu-system-arm -M raspi2b -display none -serial "file:$LOG" \
	-monitor "unix:$MON,server,nowait" -no-reboot -semihosting-config enable=on,target=native \
	-kernel "$B/kernel7.img" -initrd "$B/initramfs.cpio" \
	-append "semihosting rdinit=/init FUZZ_COUNT=$COUNT FUZZ_SECONDS=$SECONDS_MAX FUZZ_WORKERS=$WORKERS FUZZ_THREADS=$THREADS FUZZ_TRACING=$TRACING \
-- /bin/abuse -s $SEED -t $((SECONDS_MAX + 60)) fuzz" </dev/null >/dev/null 2>&1 &
QEMU=$!
size=0
quiet=0
while kill -0 $QEMU 2>/dev/null; do
	sleep 5
	now=$(stat -c %s "$LOG" 2>/dev/null || echo 0)
	if [ "$now" != "$size" ]; then
		size=$now
		quiet=0
		continue
	fi
	quiet=$((quiet + 5))
	if [ $quiet -ge "$SILENT_S" ]; then
		echo "fuzz: the guest printed nothing for $quiet s: hung" >>"$LOG"
		for i in 1 2 3; do
			echo "fuzz: info registers -a ($i of 3)" >>"$LOG"
			monitor "info registers -a" >>"$LOG" 2>&1 || true
			sleep 2
		done
		kill $QEMU
		break
	fi
done
wait $QEMU || true
rm -f "$MON"
grep '^abuse: fuzz \|^fuzz: ' "$LOG" | tr -d '\r' || true
if grep -q 'Kernel panic\|Internal error\|Unable to handle\|BUG: \|bad_page\|^fuzz: the guest printed nothing' "$LOG"; then
	echo "fuzz: the kernel failed (seed $SEED); see $LOG"
	exit 1
fi
if ! grep -q '^abuse: 1 passed, 0 failed' "$LOG"; then
	echo "fuzz: FAIL (seed $SEED); see $LOG"
	exit 1
fi
echo "fuzz: passed (seed $SEED)"
