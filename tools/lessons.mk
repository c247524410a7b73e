# Each lesson of docs/lessons/ with one command (issue 11):
#   make lesson-N               boot, run lesson N as its "Run it" shows, print what it reads
# Lessons 1-4 and 6 are a `make compare` of their programs (tools/tracediff.mk):
# this kernel's and Linux 6.1's traces side by side, in build/traces/. Lesson 5
# types its commands and the ^C at the console (tools/lesson-ctrl-c.py), lesson 7
# traces rpi_proc_exit under the book's set-up and runs the lesson's objdump and
# nm lines; both leave what they print in build/lessons/. Every boot is bounded
# by a timeout. Not part of `make test` (tools/lessoncheck.py checks that the
# index names one of these for every lesson).

LESSON_OUT := $(B)/lessons
LESSON7_SYMBOLS := do_group_exit ret_from_fork sys_exit_group do_exit

.PHONY: lesson-1 lesson-2 lesson-3 lesson-4 lesson-5 lesson-6 lesson-7
lesson-1: PROG = rpi_proc_exit
lesson-2: PROG = group_exit
lesson-3: PROG = sigqueue sigqueue_rlimit
lesson-4: PROG = RPi_signal sigframe
lesson-6: PROG = faults
lesson-1 lesson-2 lesson-3 lesson-4 lesson-6: compare

lesson-5: all
	@python3 tools/lesson-ctrl-c.py $(LESSON_OUT)

lesson-7: all
	@mkdir -p $(LESSON_OUT)
	@TRACES=$(LESSON_OUT) tools/trace-run.sh kestrel $(B) $(SCRIPT) rpi_proc_exit
	@grep -B1 -A6 'rpi_proc_exit-.*do_exit+.*<-do_group_exit' $(LESSON_OUT)/rpi_proc_exit.kestrel.txt
	@{ echo '$$ arm-none-eabi-nm -n $(B)/kernel.elf | grep -A1 " sys_exit_group$$"'; \
	  arm-none-eabi-nm -n $(B)/kernel.elf | grep -A1 ' sys_exit_group$$'; \
	  for f in $(LESSON7_SYMBOLS); do \
		echo "\$$ arm-none-eabi-objdump --disassemble=$$f $(B)/kernel.elf"; \
		arm-none-eabi-objdump --disassemble=$$f $(B)/kernel.elf | sed -n '/^[0-9a-f]* <'$$f'>:/,$$p'; \
	  done; } > $(LESSON_OUT)/07-objdump.txt
	@sed -n '1,3p' $(LESSON_OUT)/07-objdump.txt; grep -B2 -A1 '<do_exit>$$' $(LESSON_OUT)/07-objdump.txt
	@echo "lesson 7: the trace in $(LESSON_OUT)/rpi_proc_exit.kestrel.txt," \
		"the objdump and nm lines in $(LESSON_OUT)/07-objdump.txt"
