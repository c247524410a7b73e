#!/bin/sh
# Add up the "passed failed" count files of the test stages and print the
# closing line of `make test`. A stage that left no counts failed to run.
pass=0; fail=0
for f in "$@"; do
	if [ -r "$f" ]; then
		read -r p q < "$f"
	else
		echo "$f: missing (that test stage did not run to the end)"
		p=0; q=1
	fi
	pass=$((pass + p)); fail=$((fail + q))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
