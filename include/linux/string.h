/* The C string functions the kernel provides itself (kernel/lib/string.c);
 * host unit tests get the same prototypes from the C library. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strcpy(char *dst, const char *src);
char *strcat(char *dst, const char *src);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **stringp, const char *delim);

/* kernel/lib/string_words.c */
char *skip_spaces(const char *str);
char *strim(char *s);
#define strstrip(s) strim(s)
int match_string(const char *const *array, int n, const char *string);

#endif
