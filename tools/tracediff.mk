# tracediff (tools/tracediff/, docs/tracediff.md): two Linux `trace` files
# side by side, installed as one executable file (a Python zip application).

TRACEDIFF_SRCS := $(wildcard tools/tracediff/*.py)

$(B)/tracediff: $(TRACEDIFF_SRCS)
	@rm -rf $(B)/tracediff.d && mkdir -p $(B)/tracediff.d/tracediff
	cp $(TRACEDIFF_SRCS) $(B)/tracediff.d/tracediff/
	python3 -m zipapp $(B)/tracediff.d -m 'tracediff.__main__:run' -p '/usr/bin/env python3' -o $@
	@rm -rf $(B)/tracediff.d
