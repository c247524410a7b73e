/* The credentials a task acts with (Linux's include/linux/cred.h and
 * include/linux/sched/user.h): real, saved, effective and file-system ids,
 * the supplementary groups, and the per-user accounting.
 *
 * Simplified: Linux keeps them in a refcounted, RCU-freed struct cred that
 * a task replaces as a whole; here the task holds its set inline
 * (task->cred), replaced as a whole by commit_creds() with tasklist_lock
 * write-locked, the task's alloc_lock and its siglock together. A task reads its own
 * without a lock (only it changes them); another task's under any one of
 * the three: get_task_cred() copies them under alloc_lock, the signal
 * paths read them under the lock they already hold (check_kill_permission
 * under tasklist_lock read-locked, __sigqueue_alloc under siglock), where Linux's
 * readers hold rcu_read_lock(). */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>

/* Per-user accounting (Linux's struct user_struct, kernel/user.c): one per
 * real uid, shared by that user's tasks. */
struct user_struct {
	int count; /* references; atomic */
	int processes; /* tasks with this real uid, for RLIMIT_NPROC; atomic */
	int sigpending; /* signals queued by them, for RLIMIT_SIGPENDING; atomic */
	uid_t uid;
	struct user_struct *next;
};

/* The supplementary groups, sorted (Linux's struct group_info). Never
 * changed once made: setgroups() makes a new one. */
struct group_info {
	int usage; /* references; atomic */
	int ngroups;
	gid_t gid[];
};

#define NGROUPS_MAX 65536

struct cred {
	uid_t uid; /* real UID of the task */
	gid_t gid; /* real GID of the task */
	uid_t suid; /* saved UID of the task */
	gid_t sgid; /* saved GID of the task */
	uid_t euid; /* effective UID of the task */
	gid_t egid; /* effective GID of the task */
	uid_t fsuid; /* UID for VFS ops */
	gid_t fsgid; /* GID for VFS ops */
	struct user_struct *user; /* real user ID subscription */
	struct group_info *group_info; /* supplementary groups for euid/fsgid */
};

struct task_struct;

extern struct user_struct root_user;
#define INIT_USER (&root_user)
/* RETURNS: uid's user_struct with a reference, or NULL without memory. */
struct user_struct *alloc_uid(uid_t uid);
void free_uid(struct user_struct *up);
/* A new reference needs no ordering (Linux's refcount_inc); dropping the
 * last one does (free_uid). */
static inline struct user_struct *get_uid(struct user_struct *u)
{
	__atomic_fetch_add(&u->count, 1, __ATOMIC_RELAXED);
	return u;
}

extern struct group_info init_groups;
struct group_info *groups_alloc(int gidsetsize);
void groups_sort(struct group_info *group_info);
void set_groups(struct cred *new, struct group_info *group_info);
/* Make @group_info current's groups. RETURNS: 0 or -ENOMEM. */
int set_current_groups(struct group_info *group_info);
static inline struct group_info *get_group_info(struct group_info *gi)
{
	__atomic_fetch_add(&gi->usage, 1, __ATOMIC_SEQ_CST);
	return gi;
}
void put_group_info(struct group_info *group_info);
bool groups_search(const struct group_info *group_info, gid_t grp);
/* Is @grp the caller's fsgid (in_group_p) or egid (in_egroup_p), or one of
 * its supplementary groups? */
bool in_group_p(gid_t grp);
bool in_egroup_p(gid_t grp);

/**
 * prepare_creds - a copy of current's credentials to modify
 * RETURNS: the copy (holding references on its user and groups), or NULL;
 * pass it to commit_creds() or abort_creds().
 */
struct cred *prepare_creds(void);
/* Make @new current's credentials and free it. RETURNS: 0. */
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);
/* fork: @p's copy of its parent's credentials takes its own references. */
void copy_creds(struct task_struct *p);
/* The last reference to @tsk is gone: drop its credentials' references. */
void exit_creds(struct task_struct *tsk);
/* A consistent copy of @t's credentials in @cred, holding references on
 * its user and groups until put_cred(@cred). */
void get_task_cred(struct task_struct *t, struct cred *cred);
void put_cred(struct cred *cred);

#endif
