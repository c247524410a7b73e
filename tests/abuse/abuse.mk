# The abuse suite: the runner tests/abuse/abuse.c (/bin/abuse in the
# initramfs) and one program per file of tests/abuse/cases/ (/lib/abuse/),
# built as the user/tests programs are. A new case is a new file there.
# Included by user/user.mk, whose initramfs carries them.

ABUSE_CASE_SRCS := $(sort $(wildcard tests/abuse/cases/*.c))
ABUSE_CASES := $(patsubst tests/abuse/cases/%.c,$(B)/abuse/cases/%,$(ABUSE_CASE_SRCS))
ABUSE_RUNNER := $(B)/abuse/abuse
ABUSE_CFLAGS := $(USER_CFLAGS) -Itests/abuse
ABUSE_LIB_OBJS := $(B)/abuse/obj/case.o $(B)/user/obj/tests/check.o

$(B)/abuse/obj/%.o: tests/abuse/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$<) $(CC) $(ABUSE_CFLAGS) -c -o $@ $<

$(ABUSE_RUNNER): $(B)/abuse/obj/abuse.o $(ABUSE_LIB_OBJS) $(USER_CRT0) $(USER_LIB)
	$(call user_link,$< $(ABUSE_LIB_OBJS))

$(ABUSE_CASES): $(B)/abuse/cases/%: $(B)/abuse/obj/cases/%.o $(ABUSE_LIB_OBJS) $(USER_CRT0) $(USER_LIB)
	@mkdir -p $(dir $@)
	$(call user_link,$< $(ABUSE_LIB_OBJS))

.PHONY: abuse fuzz
abuse: $(ABUSE_RUNNER) $(ABUSE_CASES)

# make fuzz [SEED=n] [COUNT=m] [WORKERS=w] [THREADS=t] [TRACING=0|1]: a long fuzzing campaign,
# not part of make test.
fuzz: all
	@B=$(B) SEED=$(SEED) COUNT=$(COUNT) WORKERS=$(WORKERS) THREADS=$(THREADS) TRACING=$(TRACING) \
		tests/abuse/fuzz.sh

-include $(wildcard $(B)/abuse/obj/*.d $(B)/abuse/obj/cases/*.d)
