/* Deliberate crashes for testing the oops path (Linux's
 * drivers/misc/lkdtm: its crash types, chosen here at boot with
 * lkdtm=TYPE and fired in kernel_init before init runs).
 *	PANIC      panic("dumptest")
 *	BUG        BUG(): an oops from an undefined instruction
 *	EXCEPTION  a write through a NULL pointer: an oops from a data abort
 *	WARNING    WARN_ON(1): a warning with a backtrace, then carry on
 *	SOFTLOCKUP loop in the kernel for ever: the soft lockup detector's case */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/bug.h>

static char *lkdtm_type;

static int lkdtm_setup(char *str)
{
	lkdtm_type = str;
	return 1;
}
__setup("lkdtm=", lkdtm_setup);

static noinline void lkdtm_PANIC(void)
{
	panic("dumptest");
}

static noinline void lkdtm_BUG(void)
{
	BUG();
}

static noinline void lkdtm_EXCEPTION(void)
{
	*((volatile int *)0) = 0;
}

static noinline void lkdtm_WARNING(void)
{
	WARN_ON(1);
}

static noinline void lkdtm_SOFTLOCKUP(void)
{
	for (;;)
		barrier();
}

static const struct crashtype {
	const char *name;
	void (*func)(void);
} crashtypes[] = {
	{ "PANIC", lkdtm_PANIC },
	{ "BUG", lkdtm_BUG },
	{ "EXCEPTION", lkdtm_EXCEPTION },
	{ "WARNING", lkdtm_WARNING },
	{ "SOFTLOCKUP", lkdtm_SOFTLOCKUP },
};

static noinline void lkdtm_do_action(const struct crashtype *crashtype)
{
	crashtype->func();
}

void lkdtm_boot(void)
{
	unsigned int i;

	if (!lkdtm_type)
		return;
	for (i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (!strcmp(lkdtm_type, crashtypes[i].name)) {
			pr_info("lkdtm: Performing direct entry %s\n", crashtypes[i].name);
			lkdtm_do_action(&crashtypes[i]);
			return;
		}
	}
	pr_err("lkdtm: unknown crash type '%s'\n", lkdtm_type);
}
