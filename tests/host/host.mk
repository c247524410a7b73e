# Host unit tests: each tests/host/test_*.c is a cmocka program. Its first
# line names the kernel sources it tests, e.g.
#   /* sources: kernel/trace/ring_buffer.c kernel/trace/trace_output.c */
# and it is compiled for the host with those sources and run under TAP,
# with the kernel's debug checks on (CONFIG_SLUB_DEBUG, CONFIG_DEBUG_VM). Each
# tests/host/test_*.py tests a host tool (tracediff) and prints TAP too.
.SECONDEXPANSION:

HOST_TESTS := $(patsubst tests/host/%.c,$(B)/host/%,$(wildcard tests/host/test_*.c))
HOST_PY_TESTS := $(wildcard tests/host/test_*.py)
HOSTCFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-Iinclude -Iinclude/uapi -Itests/host -I$(B)/generated -DHOST_TEST -DCONFIG_SLUB_DEBUG -DCONFIG_DEBUG_VM -DUTS_RELEASE='"host"' \
	-MMD -MP

host_sources = $(shell sed -n '1s/.*sources:\(.*\)\*\/.*/\1/p' $(1))

# Each source is compiled once into $(B)/host/obj (all with the same flags),
# and each test program links the objects it names: most kernel sources
# serve several tests.
HOST_OBJ := $(B)/host/obj
host_objs = $(patsubst %,$(HOST_OBJ)/%.o,$(basename $(1) $(call host_sources,$(1))))
HOST_OBJS := $(sort $(foreach t,$(HOST_TESTS:$(B)/host/%=tests/host/%.c),$(call host_objs,$(t))))

$(HOST_OBJ)/%.o: %.c | $(B)/generated/syscall_meta.h
	@mkdir -p $(dir $@)
	$(call msg,HOSTCC,$<) $(HOSTCC) $(HOSTCFLAGS) -c -o $@ $<

$(HOST_OBJ)/%.o: %.S
	@mkdir -p $(dir $@)
	$(call msg,HOSTAS,$<) $(HOSTCC) $(HOSTCFLAGS) -c -o $@ $<

$(HOST_TESTS): $(B)/host/%: $$(call host_objs,tests/host/%.c) tests/host/sections.ld
	$(call msg,HOSTLD,$@) $(HOSTCC) $(filter -fsanitize%,$(HOSTCFLAGS)) -o $@ $(filter-out %.ld,$^) \
		-Wl,-T,tests/host/sections.ld -lcmocka

-include $(HOST_OBJS:.o=.d)

host-test: deps-test
	@$(MAKE) --no-print-directory $(HOST_TESTS) $(B)/tracediff
	@tools/run-host-tests.sh $(HOST_TESTS) $(HOST_PY_TESTS)
