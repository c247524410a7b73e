/* Supplementary group membership (Linux's kernel/groups.c): the sorted
 * group list of a credential set, getgroups() and setgroups(). */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* init's (and so everybody's, until setgroups) empty list; never freed. */
struct group_info init_groups = { .usage = 2 };

/* RETURNS: a list for @gidsetsize groups, with one reference, or NULL. */
struct group_info *groups_alloc(int gidsetsize)
{
	struct group_info *gi;

	gi = kmalloc(sizeof(*gi) + sizeof(gid_t) * gidsetsize, GFP_KERNEL);
	if (!gi)
		return NULL;
	gi->usage = 1;
	gi->ngroups = gidsetsize;
	return gi;
}

void put_group_info(struct group_info *group_info)
{
	if (__atomic_sub_fetch(&group_info->usage, 1, __ATOMIC_SEQ_CST) == 0)
		kfree(group_info);
}

/* export the group_info to a user-space array */
static int groups_to_user(gid_t __user *grouplist, const struct group_info *group_info)
{
	int i;

	for (i = 0; i < group_info->ngroups; i++)
		if (put_user(group_info->gid[i], grouplist + i))
			return -EFAULT;
	return 0;
}

/* fill a group_info from a user-space array - it must be allocated already */
static int groups_from_user(struct group_info *group_info, gid_t __user *grouplist)
{
	int i;

	for (i = 0; i < group_info->ngroups; i++) {
		gid_t gid;

		if (get_user(gid, grouplist + i))
			return -EFAULT;
		if (gid == (gid_t)-1) /* not a valid gid (Linux's gid_valid) */
			return -EINVAL;
		group_info->gid[i] = gid;
	}
	return 0;
}

static int gid_cmp(const void *_a, const void *_b)
{
	gid_t a = *(const gid_t *)_a, b = *(const gid_t *)_b;

	return (a > b) - (a < b);
}

void groups_sort(struct group_info *group_info)
{
	sort(group_info->gid, group_info->ngroups, sizeof(*group_info->gid), gid_cmp);
}

/* a simple bsearch */
bool groups_search(const struct group_info *group_info, gid_t grp)
{
	unsigned int left = 0, right = group_info->ngroups;

	while (left < right) {
		unsigned int mid = (left + right) / 2;

		if (grp > group_info->gid[mid])
			left = mid + 1;
		else if (grp < group_info->gid[mid])
			right = mid;
		else
			return true;
	}
	return false;
}

/* Give @new the list @group_info (the caller keeps its own reference). */
void set_groups(struct cred *new, struct group_info *group_info)
{
	put_group_info(new->group_info);
	new->group_info = get_group_info(group_info);
}

int set_current_groups(struct group_info *group_info)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	set_groups(new, group_info);
	return commit_creds(new);
}

long sys_getgroups(int gidsetsize, gid_t __user *grouplist)
{
	const struct cred *cred = &current->cred;
	int i;

	if (gidsetsize < 0)
		return -EINVAL;
	/* no need to grab task_lock here; it cannot change */
	i = cred->group_info->ngroups;
	if (gidsetsize) {
		if (i > gidsetsize)
			return -EINVAL;
		if (groups_to_user(grouplist, cred->group_info))
			return -EFAULT;
	}
	return i;
}

/*
 *	SMP: Our groups are copy-on-write. We can set them safely
 *	without another task interfering.
 */
long sys_setgroups(int gidsetsize, gid_t __user *grouplist)
{
	struct group_info *group_info;
	int retval;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	group_info = groups_alloc(gidsetsize);
	if (!group_info)
		return -ENOMEM;
	retval = groups_from_user(group_info, grouplist);
	if (retval) {
		put_group_info(group_info);
		return retval;
	}
	groups_sort(group_info);
	retval = set_current_groups(group_info);
	put_group_info(group_info);
	return retval;
}

/*
 * Check whether we're fsgid/egid or in the supplemental group..
 */
bool in_group_p(gid_t grp)
{
	const struct cred *cred = &current->cred;

	return grp == cred->fsgid || groups_search(cred->group_info, grp);
}

bool in_egroup_p(gid_t grp)
{
	const struct cred *cred = &current->cred;

	return grp == cred->egid || groups_search(cred->group_info, grp);
}
