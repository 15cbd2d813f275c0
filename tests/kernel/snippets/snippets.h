/* Kernel-style snippets for the report tests (see bug_snippets.c). */
#ifndef _SNIPPETS_H
#define _SNIPPETS_H

int snip_warn_on(int cond, int *line);
int snip_warn_fmt(int cond, int val, int *line);
int snip_warn_on_once(int cond, int *line);
int snip_warn_on_once_other(int cond, int *line);
int snip_warn_once(int cond, int *line);
void snip_bug_on(int cond, int *line);
void snip_bug(int *line);
void snip_printk_levels(void);

#endif /* _SNIPPETS_H */
