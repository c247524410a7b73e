/* Terminals (Linux's include/linux/tty.h, tty_driver.h, tty_ldisc.h and
 * tty_flip.h, for one serial console): the tty, its driver's write, the
 * flip buffer between the UART interrupt and the line discipline, and the
 * n_tty line discipline's entry points. */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <asm/barrier.h>
#include <asm/termios.h>

struct tty_struct;

/* "Not my ioctl, try the next handler": kernel-internal, never returned
 * to user space (Linux's include/linux/errno.h value). */
#ifndef ENOIOCTLCMD
#define ENOIOCTLCMD 515
#endif

/* Device numbers (Linux's include/uapi/linux/major.h, amba-pl011.c). */
#define TTYAUX_MAJOR 5 /* 5,0 /dev/tty; 5,1 /dev/console */
#define SERIAL_AMBA_MAJOR 204
#define SERIAL_AMBA_MINOR 64 /* ttyAMA0 */

struct tty_operations {
	/* Send @count bytes as they are. RETURNS: bytes taken. */
	int (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
	/* Stop sending input / start again: the line discipline's buffer is
	 * nearly full / has room. CONTEXT: process, throttle_mutex held. */
	void (*throttle)(struct tty_struct *tty);
	void (*unthrottle)(struct tty_struct *tty);
};

struct tty_driver {
	const char *name; /* "ttyAMA" */
	unsigned int major, minor_start;
	const struct tty_operations *ops;
};

/*
 * Bytes received, between the interrupt that stores them and the work
 * item that hands them to the line discipline (Linux's tty_buffer.c):
 * a chain of buffers, allocated as input arrives, up to mem_limit bytes
 * per port. The driver (one producer, under its port lock) fills the
 * tail and publishes with `commit`; flush_to_ldisc (one consumer, under
 * `lock`) reads from the head and frees what it has emptied. Linux also
 * keeps a flag byte per character (parity, break) and a free list of
 * small buffers; every byte here is TTY_NORMAL and buffers go to kfree.
 */
struct tty_buffer {
	struct tty_buffer *next;
	int used;   /* bytes stored: the producer's */
	int size;   /* bytes it holds */
	int commit; /* bytes the consumer may take (smp_store_release) */
	int read;   /* bytes the consumer has taken */
	unsigned char data[];
};

struct tty_bufhead {
	struct tty_buffer *head; /* the consumer's: oldest bytes */
	struct work_struct work; /* flush_to_ldisc */
	struct mutex lock;       /* one consumer at a time */
	int priority;            /* a flush wants the lock: the work item yields */
	struct tty_buffer sentinel; /* empty, so head and tail are never NULL */
	int mem_used;            /* bytes allocated; atomic */
	int mem_limit;
	struct tty_buffer *tail; /* the producer's: where bytes go */
};

struct tty_port {
	struct tty_bufhead buf;
	struct tty_struct *tty;
};

/* Linux's thresholds: throttle when the line discipline has fewer than
 * TTY_THRESHOLD_THROTTLE bytes of room, unthrottle when it holds no more
 * than TTY_THRESHOLD_UNTHROTTLE for the reader. */
#define TTY_THRESHOLD_THROTTLE 128
#define TTY_THRESHOLD_UNTHROTTLE 128

struct tty_ldisc_ops {
	const char *name;
	int (*open)(struct tty_struct *tty);
	ssize_t (*read)(struct tty_struct *tty, struct file *file, struct iov_iter *to);
	ssize_t (*write)(struct tty_struct *tty, struct file *file, struct iov_iter *from);
	__poll_t (*poll)(struct tty_struct *tty, struct file *file, poll_table *wait);
	/* Take received bytes, all of them. CONTEXT: the flip buffer's work
	 * item (process context). */
	void (*receive_buf)(struct tty_struct *tty, const unsigned char *cp, int count);
	/* Take as many as there is room for. RETURNS: how many. */
	int (*receive_buf2)(struct tty_struct *tty, const unsigned char *cp, int count);
	void (*set_termios)(struct tty_struct *tty, const struct termios *old);
	void (*flush_buffer)(struct tty_struct *tty);
	/* FIONREAD: bytes a read would return now. */
	int (*chars_in_buffer)(struct tty_struct *tty);
};

struct tty_struct {
	int index;
	struct tty_driver *driver;
	const struct tty_operations *ops;
	struct tty_port *port;
	const struct tty_ldisc_ops *ldisc;
	void *disc_data; /* the line discipline's state */
	spinlock_t termios_lock; /* termios, winsize */
	struct termios termios;
	struct winsize winsize;
	spinlock_t ctrl_lock; /* pgrp, session */
	pid_t pgrp; /* foreground process group, 0 if none */
	pid_t session; /* the session it controls, 0 if none */
	spinlock_t write_lock; /* one writer's output at a time */
	wait_queue_head_t read_wait, write_wait;
	unsigned long flags; /* TTY_THROTTLED */
	int flow_change; /* TTY_THROTTLE_SAFE or TTY_UNTHROTTLE_SAFE: which is wanted */
	struct mutex throttle_mutex; /* flags' TTY_THROTTLED, the driver's throttle */
	/* Held while received characters are processed and while termios
	 * changes, so that a character (a ^C: its signal, then its echo) is
	 * handled under one termios. Linux 4.19's termios_rwsem; a mutex as
	 * before 3.12 (one reader here: the flip buffer's work). */
	struct mutex termios_mutex;
};

/* tty->flags bits (Linux's). */
#define TTY_THROTTLED 0 /* the driver was told to stop sending input */

/* tty->flow_change (Linux's): a throttle or unthrottle is being decided,
 * so that a racing opposite decision makes the _safe calls retry. */
#define TTY_THROTTLE_SAFE 1
#define TTY_UNTHROTTLE_SAFE 2

static inline bool tty_throttled(struct tty_struct *tty)
{
	return READ_ONCE(tty->flags) & (1UL << TTY_THROTTLED);
}

#define I_ICRNL(tty) ((tty)->termios.c_iflag & ICRNL)
#define I_INLCR(tty) ((tty)->termios.c_iflag & INLCR)
#define I_IGNCR(tty) ((tty)->termios.c_iflag & IGNCR)
#define I_ISTRIP(tty) ((tty)->termios.c_iflag & ISTRIP)
#define O_OPOST(tty) ((tty)->termios.c_oflag & OPOST)
#define O_ONLCR(tty) ((tty)->termios.c_oflag & ONLCR)
#define O_OCRNL(tty) ((tty)->termios.c_oflag & OCRNL)
#define L_ISIG(tty) ((tty)->termios.c_lflag & ISIG)
#define L_ICANON(tty) ((tty)->termios.c_lflag & ICANON)
#define L_ECHO(tty) ((tty)->termios.c_lflag & ECHO)
#define L_ECHOE(tty) ((tty)->termios.c_lflag & ECHOE)
#define L_ECHOK(tty) ((tty)->termios.c_lflag & ECHOK)
#define L_ECHONL(tty) ((tty)->termios.c_lflag & ECHONL)
#define L_ECHOCTL(tty) ((tty)->termios.c_lflag & ECHOCTL)
#define L_ECHOKE(tty) ((tty)->termios.c_lflag & ECHOKE)
#define L_NOFLSH(tty) ((tty)->termios.c_lflag & NOFLSH)
#define L_TOSTOP(tty) ((tty)->termios.c_lflag & TOSTOP)
#define L_IEXTEN(tty) ((tty)->termios.c_lflag & IEXTEN)

/* The termios a tty starts with (Linux's tty_std_termios). */
extern const struct termios tty_std_termios;

/* drivers/tty/tty_io.c */
void tty_init(void);
void tty_port_init(struct tty_port *port, struct tty_struct *tty);
dev_t tty_devnum(struct tty_struct *tty);
int tty_write_chars(struct tty_struct *tty, const unsigned char *buf, int count);

/* drivers/tty/tty_buffer.c. The insert and push calls: any context, IRQ
 * included, one producer at a time (the driver's port lock). */
void tty_buffer_init(struct tty_port *port);
int tty_insert_flip_string(struct tty_port *port, const unsigned char *chars, size_t size);
int tty_insert_flip_char(struct tty_port *port, unsigned char ch);
void tty_flip_buffer_push(struct tty_port *port);
/* The line discipline has room again: run flush_to_ldisc. */
void tty_buffer_restart_work(struct tty_port *port);
/* Discard what the flip buffer and the line discipline hold (TCFLSH). */
void tty_buffer_flush(struct tty_struct *tty);
void flush_to_ldisc(struct work_struct *work);

/* drivers/tty/n_tty.c */
extern const struct tty_ldisc_ops n_tty_ops;

/* drivers/tty/tty_ioctl.c */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
/* Flow control of input (Linux's): RETURNS 0 if done or nothing to do,
 * 1 if tty->flow_change no longer asks for it (the caller re-checks). */
int tty_throttle_safe(struct tty_struct *tty);
int tty_unthrottle_safe(struct tty_struct *tty);
static inline void tty_set_flow_change(struct tty_struct *tty, int val)
{
	WRITE_ONCE(tty->flow_change, val);
	smp_mb();
}

/* drivers/tty/tty_jobctrl.c */
int tty_check_change(struct tty_struct *tty);
int __tty_check_change(struct tty_struct *tty, int sig);
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg);
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty);
struct tty_struct *get_current_tty(void);
/* setsid(): the caller's group leaves its controlling terminal. */
void proc_clear_tty(struct task_struct *p);
/* do_exit() of a session leader: the terminal forgets the session, its
 * foreground group gets SIGHUP and SIGCONT (Linux's disassociate_ctty(1)). */
void disassociate_ctty(int on_exit);
/* ^C, ^\, ^Z: send @sig to the foreground process group. */
void __isig(int sig, struct tty_struct *tty);

#endif
