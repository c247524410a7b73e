#!/bin/sh
# Run cmocka test programs with TAP output; print each failure and a
# summary line "host: N passed, N failed". The counts go to build/host.counts
# so that `make test` can add them to the QEMU tests' counts.
pass=0; fail=0
for t in "$@"; do
	out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1)
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "FAIL $t: no test results"; printf '%s\n' "$out" | tail -20
	elif [ "$f" -ne 0 ]; then
		printf '%s\n' "$out" | grep -B2 -A10 '^not ok ' | sed "s|^|$(basename "$t"): |"
	fi
	pass=$((pass + p)); fail=$((fail + f))
done
mkdir -p build
echo "$pass $fail" > build/host.counts
echo "host: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
