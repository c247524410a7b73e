# Rebuild the committed boot-information and kallsyms fixtures in
# tests/host/data from their sources: `make host-fixtures` (needs dtc).
# Never run implicitly: the tests read the committed files, and
# test_kallsyms checks that kallsyms_sample.S is exactly what
# tools/kallsyms writes today, so a changed generator fails until the
# fixture is rebuilt and reviewed.
.PHONY: host-fixtures
host-fixtures:
	dtc -q -I dts -O dtb -o tests/host/data/rpi2.dtb tests/host/data/rpi2.dts
	dtc -q -I dts -O dtb -o tests/host/data/cells2.dtb tests/host/data/cells2.dts
	@mkdir -p $(B)/host
	$(HOSTCC) -std=gnu11 -O2 -Wall -Wextra -o $(B)/host/kallsyms-tool tools/kallsyms.c
	$(B)/host/kallsyms-tool < tests/host/data/kallsyms_sample.nm > tests/host/data/kallsyms_sample.S
