/* The table of file system types mount(2) knows, by name (Linux's
 * fs/filesystems.c). Types register at boot, from vfs_caches_init(). */
#include <linux/fs.h>
#include <linux/string.h>

static struct file_system_type *file_systems;

/* RETURNS: 0, or -EBUSY if a type of that name is registered. */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (!strcmp((*p)->name, fs->name))
			return -EBUSY;
	fs->next = NULL;
	*p = fs;
	return 0;
}

/* RETURNS: the type called @name, or NULL. */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *p;

	for (p = file_systems; p; p = p->next)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}
