#!/bin/sh
# Run cmocka test programs with TAP output; print each failure and a
# summary line "host: N passed, N failed". A program that exits non-zero
# or reports fewer results than its plan ("1..N": it crashed part way)
# counts its missing results as failures. The counts go to build/host.counts
# so that `make test` can add them to the QEMU tests' counts. The programs
# run side by side, one per core (HOST_TEST_JOBS), each into a file of its
# own; their results are read in the order given.
jobs=${HOST_TEST_JOBS:-$(nproc)}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=0
for t in "$@"; do
	i=$((i + 1))
	printf '%s\n' "$out/$i" "$t"
done | xargs -d '\n' -n 2 -P "$jobs" sh -c 'CMOCKA_MESSAGE_OUTPUT=TAP "$1" > "$0" 2>&1; echo $? > "$0.rc"'
pass=0; fail=0; i=0
for t in "$@"; do
	i=$((i + 1))
	p=$(grep -c '^ok ' "$out/$i" 2>/dev/null); p=${p:-0}
	f=$(grep -c '^not ok ' "$out/$i" 2>/dev/null); f=${f:-0}
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$out/$i" | head -n 1)
	rc=$(cat "$out/$i.rc")
	short=0
	if [ -n "$plan" ] && [ $((p + f)) -lt "$plan" ]; then short=$((plan - p - f)); fi
	if [ "$short" -eq 0 ] && [ "$f" -eq 0 ] && [ "$rc" -ne 0 ]; then short=1; fi
	if [ "$f" -ne 0 ]; then
		grep -B2 -A10 '^not ok ' "$out/$i" | sed "s|^|$(basename "$t"): |"
	fi
	if [ "$short" -ne 0 ] || [ $((p + f)) -eq 0 ]; then
		[ $((p + f + short)) -eq 0 ] && short=1
		echo "FAIL $t: $p passed of ${plan:-?}, exit status $rc"; tail -20 "$out/$i"
		f=$((f + short))
	fi
	pass=$((pass + p)); fail=$((fail + f))
done
mkdir -p build
echo "$pass $fail" > build/host.counts
echo "host: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
