# This kernel's trace beside real Linux's (issue 9, docs/tracediff.md):
#   make trace PROG=...         run the ftrace SCRIPT and PROG here: build/traces/PROG.kestrel.txt
#   make linux-trace PROG=...   the same on Debian's Linux 6.1 (tests/linux/): build/traces/PROG.linux.txt
#   make compare PROG=...       both, then the two flows side by side; fails if they differ
#   make docs                   the lessons' pictures (docs/lessons/img/) from docs/traces/
#   make lesson-traces          compare every lesson program, keep its traces in docs/traces/
# PROG may name several programs (one boot of each kernel runs them all);
# it defaults to every lesson program. SCRIPT defaults to the book's ftrace
# set-up; TRACEDIFF_FLAGS go to tracediff (e.g. --events-only, --sched).
# Not part of `make test`: Linux takes 15-30 s (more under load) to boot.

SCRIPT ?= user/etc/ftrace-book
PROG ?= $(USER_LESSONS)
TRACEDIFF_SRCS := $(wildcard tools/tracediff/*.py)

# tracediff as one executable file (a Python zip application)
$(B)/tracediff: $(TRACEDIFF_SRCS)
	@rm -rf $(B)/tracediff.d && mkdir -p $(B)/tracediff.d/tracediff
	$(Q)cp $(TRACEDIFF_SRCS) $(B)/tracediff.d/tracediff/
	$(call msg,ZIPAPP,$@) python3 -m zipapp $(B)/tracediff.d -m 'tracediff.__main__:run' -p '/usr/bin/env python3' -o $@
	@rm -rf $(B)/tracediff.d

# The lesson programs after the book's set-up, as the QEMU test
# trace-lessons-same-flow-as-linux (tests/qemu/cases_tracediff.py) boots them
$(B)/traces/lessons/kestrel-initrd.cpio: tools/trace-run.sh $(SCRIPT) user/lessons/commands \
	user/user.mk $(B)/initramfs.cpio
	TRACES=$(B)/traces/lessons tools/trace-run.sh --prepare kestrel $(B) $(SCRIPT) $(USER_LESSONS)

.PHONY: trace linux-trace compare
trace: all $(B)/tracediff
	tools/trace-run.sh kestrel $(B) $(SCRIPT) $(PROG)

linux-trace: $(B)/initramfs.cpio $(B)/user/insmod $(B)/tracediff
	tools/trace-run.sh linux $(B) $(SCRIPT) $(PROG)

compare: all $(B)/user/insmod $(B)/tracediff
	@tools/trace-run.sh kestrel $(B) $(SCRIPT) $(PROG)
	@tools/trace-run.sh linux $(B) $(SCRIPT) $(PROG)
	@status=0; for p in $(PROG); do \
		echo; echo "==== $$p: this kernel (A) and Linux 6.1 (B)"; \
		$(B)/tracediff --side-by-side $(TRACEDIFF_FLAGS) $(B)/traces/$$p.kestrel.txt $(B)/traces/$$p.linux.txt || status=1; \
	done; exit $$status

# The lesson traces kept in docs/traces/ (a `make compare` of every lesson
# program, copied there), and the pictures the lessons embed, drawn from them.
LESSON_TRACES := $(wildcard docs/traces/*.kestrel.txt)
LESSON_PICTURES := $(patsubst docs/traces/%.kestrel.txt,docs/lessons/img/%.svg,$(LESSON_TRACES))

.PHONY: docs lesson-traces
docs: $(LESSON_PICTURES)

docs/lessons/img/%.svg: docs/traces/%.kestrel.txt docs/traces/%.linux.txt $(B)/tracediff
	@mkdir -p $(dir $@)
	$(call msg,SVG,$@) $(B)/tracediff --svg $@ --title "$*: this kernel (above) and Linux 6.1 (below)" \
		docs/traces/$*.kestrel.txt docs/traces/$*.linux.txt

lesson-traces: PROG = $(USER_LESSONS)
lesson-traces: compare
	for p in $(PROG); do cp $(B)/traces/$$p.kestrel.txt $(B)/traces/$$p.linux.txt docs/traces/ || exit 1; done
	@$(MAKE) --no-print-directory docs
