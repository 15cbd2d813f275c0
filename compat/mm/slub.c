// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/slub.c - the SLUB allocator with SLUB debugging.
 *
 * Follows mm/slub.c of 6.1 with slub_debug (CONFIG_SLUB_DEBUG_ON): by
 * default every cache has F (consistency checks), Z (red zones), P
 * (poisoning) and U (allocation/free tracking), KSHIM_SLUB_DEBUG picks
 * others with the kernel's letters.  Objects are laid out as 6.1 lays
 * them out (calculate_sizes()), filled with the same patterns
 * (init_object(): redzones 0xbb free / 0xcc in use, body 0x6b..0xa5,
 * padding 0x5a), and checked at allocation and free with the kernel's
 * report text (slab_bug(), print_trailer(), check_bytes_and_report(),
 * slab_err(), slab_fix()...), so a report reads as a debug kernel's.  As
 * in 6.1, a debug cache checks every allocation and free; a failed free
 * check leaves the object allocated ("Object at ... not freed"), a failed
 * allocation check takes the slab out of use ("Marking all objects
 * used").  kshim also checks the poison of every free object when a test
 * ends, so a write after free is found even if the object is never
 * allocated again.  A check first compares the object's redzones, poison
 * and padding with an image of the slot (struct kmem_cache), 16 bytes at
 * a time; only when they differ does the kernel's byte-by-byte check run
 * and report.
 *
 * Differences from the kernel, all deliberate:
 * - kshim allocates from an out-of-band stack of free object indices
 *   (struct kshim_slab, mm/slab.h) and finds double frees in O(1) from
 *   each object's state.  The kernel's free chain is kept in the objects
 *   too (the free pointer at s->offset, a freed object its head at once,
 *   also while the sanitizer builds' quarantine holds it back), and
 *   checked as 6.1 checks it: check_object() ("Freepointer corrupt") and
 *   validate_slab_cache() (on_freelist(): "Freechain corrupt", "Wrong
 *   object count"...).  What a repair cuts from the chain is lost, as in
 *   the kernel: those objects are never allocated again, until a chain
 *   that reaches them again is validated.  A corrupt free pointer never
 *   makes kshim hand out a wild or live object (the kernel would, after
 *   a pointer that still looks valid): its chain only holds free objects.
 * - One lock per cache, no per-CPU slabs (6.1 bypasses them for debug
 *   caches anyway); empty slabs beyond one per cache go back to the buddy
 *   allocator at once.
 * - Caches are never merged (slab_nomerge): with the default debug flags
 *   the kernel does not merge them either.
 * - Allocation tracks hold the caller's site (function, file:line), not
 *   a stack depot handle: "Allocated in <function> age=..." is followed
 *   by one line naming the file and line.
 * - ASan / memcheck builds (arch/poison.h) also poison redzones and free
 *   objects for the tool, keep freed objects in a quarantine before reuse
 *   and unpoison exactly the requested size (KASAN's view).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/might_sleep.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/debug_locks.h>
#include <linux/debugobjects.h>
#include <kshim/report.h>

#include <kunit/resource.h>

#include "kshim/internal.h"
#include "arch/poison.h"
#include "mm/internal.h"
#include "mm/slab.h"

/* Kernel code sees the lock as opaque storage of this size (mm/slab.h). */
_Static_assert(sizeof(pthread_mutex_t) == 5 * sizeof(unsigned long),
	       "kshim_slab_lock_t of kernel code");

pthread_mutex_t slab_mutex = PTHREAD_MUTEX_INITIALIZER;
LIST_HEAD(slab_caches);
long kshim_slab_pages;

#define MAX_OBJS_PER_PAGE	32767
#define SLUB_MAX_ORDER		3	/* PAGE_ALLOC_COSTLY_ORDER */
#define TRACK_SIZE		32	/* sizeof(struct track) in 6.1 */

/* ---- KSHIM_SLUB_DEBUG: the kernel's slub_debug= ---- */

struct debug_rule {
	slab_flags_t flags;
	char *names;		/* ","-separated cache names, NULL: all */
};
#define MAX_RULES 8
static struct debug_rule rules[MAX_RULES];
static unsigned int nr_rules;
static slab_flags_t global_debug = DEBUG_DEFAULT_FLAGS;
static char *applied_spec;

/* Parse @val; with @apply store it.  0 or -EINVAL. */
static int parse_slub_debug(const char *val, bool apply)
{
	struct debug_rule r[MAX_RULES];
	slab_flags_t global = 0;
	unsigned int n = 0, i;
	char *copy, *block, *save = NULL;

	if (!*val)
		return -EINVAL;
	copy = strdup(val);
	if (!copy)
		return -ENOMEM;
	for (block = strtok_r(copy, ";", &save); block;
	     block = strtok_r(NULL, ";", &save)) {
		char *comma = strchr(block, ',');
		slab_flags_t f = 0;
		const char *p;

		if (comma)
			*comma = '\0';
		if (!*block) {
			f = DEBUG_DEFAULT_FLAGS;
		}
		for (p = block; *p; p++) {
			switch (*p | 0x20) {
			case '-' | 0x20:
				f = 0;
				break;
			case 'f':
				f |= SLAB_CONSISTENCY_CHECKS;
				break;
			case 'z':
				f |= SLAB_RED_ZONE;
				break;
			case 'p':
				f |= SLAB_POISON;
				break;
			case 'u':
				f |= SLAB_STORE_USER;
				break;
			case 't':
				f |= SLAB_TRACE;
				break;
			case 'a':
				f |= SLAB_FAILSLAB;
				break;
			case 'o':	/* no higher-order debug: nothing here */
				break;
			default:
				goto bad;
			}
			if (*p == '-' && (p != block || p[1]))
				goto bad;
		}
		if (!comma) {
			global = f;
			continue;
		}
		if (!comma[1] || n == MAX_RULES)
			goto bad;
		r[n].flags = f;
		r[n].names = strdup(comma + 1);
		n++;
	}
	if (!apply) {
		for (i = 0; i < n; i++)
			free(r[i].names);
		free(copy);
		return 0;
	}
	for (i = 0; i < nr_rules; i++)
		free(rules[i].names);
	memcpy(rules, r, sizeof(r[0]) * n);
	nr_rules = n;
	global_debug = global;
	free(copy);
	return 0;
bad:
	for (i = 0; i < n; i++)
		free(r[i].names);
	free(copy);
	return -EINVAL;
}

int kshim_parse_slub_debug(const char *val, struct kshim_config *c)
{
	if (parse_slub_debug(val, false))
		return -EINVAL;
	c->slub_debug = val;
	return 0;
}

const char *kshim_show_slub_debug(const struct kshim_config *c, char *buf,
				  size_t len)
{
	return c->slub_debug ? c->slub_debug : "FZPU";
}

static bool name_in_list(const char *list, const char *name)
{
	size_t nl = strlen(name);
	const char *p = list;

	while (*p) {
		const char *end = strchrnul(p, ',');
		size_t len = end - p;

		if (len && p[len - 1] == '*') {
			if (!strncmp(p, name, len - 1))
				return true;
		} else if (len == nl && !strncmp(p, name, len)) {
			return true;
		}
		p = *end ? end + 1 : end;
	}
	return false;
}

slab_flags_t kshim_slub_debug_flags(const char *name)
{
	unsigned int i;

	if (kshim_config.slub_debug != applied_spec) {
		/* A reboot with another value: parsed before, cannot fail. */
		if (!kshim_config.slub_debug)
			parse_slub_debug("FZPU", true);
		else
			parse_slub_debug(kshim_config.slub_debug, true);
		applied_spec = (char *)kshim_config.slub_debug;
	}
	for (i = 0; i < nr_rules; i++)
		if (name && name_in_list(rules[i].names, name))
			return rules[i].flags;
	return global_debug;
}

/* ---- cache geometry (calculate_sizes(), calculate_order()) ---- */

static unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)((PAGE_SIZE << order) / size);
}

static unsigned int calc_slab_order(unsigned int size,
				    unsigned int min_objects,
				    unsigned int max_order,
				    unsigned int fract_leftover)
{
	unsigned int order;

	if (order_objects(0, size) > MAX_OBJS_PER_PAGE)
		return get_order((unsigned long)size * MAX_OBJS_PER_PAGE) - 1;
	for (order = max(0, get_order((unsigned long)min_objects * size));
	     order <= max_order; order++) {
		unsigned long slab_size = PAGE_SIZE << order;
		unsigned long rem = slab_size % size;

		if (rem <= slab_size / fract_leftover)
			break;
	}
	return order;
}

static int calculate_order(unsigned int size)
{
	unsigned int min_objects, max_objects, order;

	min_objects = 4 * (fls(kshim_config.cpus ? kshim_config.cpus : 1) +
			   1);
	max_objects = order_objects(SLUB_MAX_ORDER, size);
	min_objects = min(min_objects, max_objects);
	while (min_objects > 1) {
		unsigned int fraction = 16;

		while (fraction >= 4) {
			order = calc_slab_order(size, min_objects,
						SLUB_MAX_ORDER, fraction);
			if (order <= SLUB_MAX_ORDER)
				return order;
			fraction /= 2;
		}
		min_objects--;
	}
	order = calc_slab_order(size, 1, SLUB_MAX_ORDER, 1);
	if (order <= SLUB_MAX_ORDER)
		return order;
	order = calc_slab_order(size, 1, MAX_PAGE_ORDER, 1);
	if (order <= MAX_PAGE_ORDER)
		return order;
	return -ENOSYS;
}

static int build_images(struct kmem_cache *s);

int kshim_cache_setup(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, sizeof(void *));
	int order;

	if ((flags & SLAB_POISON) && !(flags & SLAB_TYPESAFE_BY_RCU) &&
	    !s->ctor)
		s->flags |= __OBJECT_POISON;
	else
		s->flags &= ~__OBJECT_POISON;
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & (SLAB_TYPESAFE_BY_RCU | SLAB_POISON)) ||
	    ((flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *)) ||
	    s->ctor) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	if (flags & SLAB_STORE_USER) {
		size += 2 * TRACK_SIZE;
		if (flags & SLAB_KMALLOC)
			size += sizeof(unsigned int);
	}
	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	s->size = ALIGN(size, s->align);
	order = calculate_order(s->size);
	if (order < 0)
		return -EINVAL;
	s->order = order;
	s->objects = order_objects(order, s->size);
	s->allocflags = order ? __GFP_COMP : 0;
	if (flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->sanitized = arch_poison_watched();
	/*
	 * off / size as a multiplication where that is exact for every
	 * offset in a slab: (slab bytes + size) * size < 2^32.
	 */
	s->recip = 0;
	if (((PAGE_SIZE << order) + s->size) * (u64)s->size < (1ULL << 32))
		s->recip = (unsigned int)((1ULL << 32) / s->size + 1);
	if (build_images(s)) {
		free(s->img[SLAB_IMG_FREE]);
		free(s->img[SLAB_IMG_ALLOC]);
		return -ENOMEM;
	}
	pthread_mutex_init(&s->lock, NULL);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	INIT_LIST_HEAD(&s->empty);
	return 0;
}

size_t kshim_slab_ksize(const struct kmem_cache *s)
{
	/* mm/slab.h:slab_ksize() */
	if (s->flags & (SLAB_RED_ZONE | SLAB_POISON))
		return s->object_size;
	if (s->flags & (SLAB_TYPESAFE_BY_RCU | SLAB_STORE_USER))
		return s->inuse;
	return s->size;
}

/* get_info_end() + tracks + orig size: where the padding starts */
static unsigned int pad_start(const struct kmem_cache *s)
{
	unsigned int off = s->inuse;

	if (s->offset >= s->inuse)
		off += sizeof(void *);
	if (s->flags & SLAB_STORE_USER) {
		off += 2 * TRACK_SIZE;
		if (s->flags & SLAB_KMALLOC)
			off += sizeof(unsigned int);
	}
	return off;
}

static unsigned int size_from_object(const struct kmem_cache *s)
{
	if (s->flags & SLAB_RED_ZONE)
		return s->size - s->red_left_pad;
	return s->size;
}

/* ---- object lookup ---- */

struct kshim_slab *kshim_virt_to_slab(const void *x)
{
	struct page *page;

	if (!virt_addr_valid(x))
		return NULL;
	page = compound_head(virt_to_page(x));
	if (!PageSlab(page))
		return NULL;
	return (struct kshim_slab *)page_private(page);
}

static __always_inline long obj_index(struct kshim_slab *sl, const void *x,
				      bool exact)
{
	const struct kmem_cache *s = sl->cache;
	unsigned long off = (const char *)x - sl->addr;
	unsigned long idx;

	if ((const char *)x < sl->addr)
		return -1;
	if (likely(s->recip))
		idx = (unsigned long)(((u64)off * s->recip) >> 32);
	else
		idx = off / s->size;
	if (idx >= sl->objects)
		return -1;
	if (exact && off - idx * s->size != s->red_left_pad)
		return -1;
	return (long)idx;
}

long kshim_slab_obj_index(struct kshim_slab *sl, const void *x, bool exact)
{
	return obj_index(sl, x, exact);
}

/* The backdoor address of @p, a direct-map address in slab @sl. */
static inline unsigned char *bd(const struct kshim_slab *sl, const void *p)
{
	return (unsigned char *)sl->bd + ((const char *)p - sl->addr);
}

/* ---- the free chain (set_freepointer(), get_freepointer()) ---- */

static inline void *get_fp(const struct kshim_slab *sl, const void *obj)
{
	void *fp;

	memcpy(&fp, bd(sl, obj) + sl->cache->offset, sizeof(fp));
	return fp;
}

static inline void set_fp(const struct kshim_slab *sl, const void *obj,
			  const void *fp)
{
	memcpy(bd(sl, obj) + sl->cache->offset, &fp, sizeof(fp));
}

/* check_valid_pointer(): NULL, or the address of an object of @sl */
static bool check_valid_pointer(const struct kmem_cache *s,
				const struct kshim_slab *sl, const void *obj)
{
	const char *o = obj;

	if (!o)
		return true;
	o -= s->red_left_pad;
	return o >= sl->addr && o < sl->addr + (size_t)sl->objects * s->size &&
	       !((size_t)(o - sl->addr) % s->size);
}

/* The oldest quarantined object of @sl (the chain's last before the stack) */
static inline unsigned short *q_at(struct kshim_slab *sl, unsigned int k)
{
	return &sl->qring[(sl->qhead + k) % sl->objects];
}

static inline char *free_top(struct kshim_slab *sl)
{
	return sl->nfree ? kshim_slab_obj(sl, sl->freestack[sl->nfree - 1]) :
			   NULL;
}

/*
 * slab->freelist: the newest quarantined object, else the free stack's
 * top (a slab marked all used has none).
 */
static char *chain_head(struct kshim_slab *sl)
{
	if (sl->frozen)
		return NULL;
	if (sl->nq)
		return kshim_slab_obj(sl, *q_at(sl, sl->nq - 1));
	return free_top(sl);
}

static void chain_resync(struct kmem_cache *s, struct kshim_slab *sl,
			 bool cleared);

/* ---- reports ---- */

static unsigned long track_now(void);

/*
 * slab_add_kunit_errors(): a KUnit case that holds a resource named
 * "slab_errors" (an int) counts the slab errors there, unreported.
 */
static bool slab_add_kunit_errors(void)
{
	struct kunit_resource *resource;

	if (likely(!current->kunit_test))
		return false;
	resource = kunit_find_named_resource(current->kunit_test,
					     "slab_errors");
	if (!resource)
		return false;
	(*(int *)resource->data)++;
	kunit_put_resource(resource);
	return true;
}

static __thread bool rep_open;
static __thread const struct kshim_site *rep_site;

static void rep_begin(void)
{
	const struct kshim_site *s = rep_site;

	if (rep_open)
		return;
	rep_open = true;
	kshim_report_begin(KSHIM_REPORT_SLAB, s ? s->file : NULL,
			   s ? s->line : 0, s ? s->func : NULL);
}

static void rep_end(void)
{
	if (!rep_open)
		return;
	rep_open = false;
	kshim_report_end();
}

static const char *tainted(char *buf, size_t len)
{
	static const char set[] = "PFSRMBUDAWCIOELKXTN";
	unsigned long mask = get_taint();
	size_t n;
	int i;

	if (!mask)
		return "Not tainted";
	n = snprintf(buf, len, "Tainted: ");
	for (i = 0; set[i] && n + 1 < len; i++)
		buf[n++] = (mask >> i) & 1 ? set[i] : (i == 0 ? 'G' : ' ');
	buf[n] = '\0';
	return buf;
}

static void slab_taint(void)
{
	add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE);
	if (debug_locks_off())
		pr_warn("Disabling lock debugging due to kernel taint\n");
}

static void slab_bug(struct kmem_cache *s, const char *fmt, ...)
	__printf(2, 3);
static void slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	char msg[256], taint[64];
	va_list args;

	va_start(args, fmt);
	kshim_vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	rep_begin();
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s->name, tainted(taint, sizeof(taint)),
	       msg);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

static void slab_fix(struct kmem_cache *s, const char *fmt, ...)
	__printf(2, 3);
static void slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	if (slab_add_kunit_errors())
		return;
	va_start(args, fmt);
	kshim_vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	rep_begin();
	pr_err("FIX %s: %s\n", s->name, msg);
}

/* print_hex_dump(DUMP_PREFIX_ADDRESS) of @addr, read from the backdoor */
static void print_section(const struct kshim_slab *sl, const char *text,
			  const char *addr, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i += 16) {
		char line[80];

		hex_dump_to_buffer(bd(sl, addr + i), min(16U, len - i), 16, 1,
				   line, sizeof(line), true);
		pr_err("%s%p: %s\n", text, addr + i, line);
	}
}

static void print_track(const char *what, const struct kshim_track *t,
			unsigned long now)
{
	if (!t->site)
		return;
	pr_err("%s in %s age=%lu cpu=%u pid=%d\n", what,
	       t->site->func ? t->site->func : "?", now - t->when, t->cpu,
	       t->pid);
	/* where the stack depot's frames would be: the caller's line */
	pr_err(" %s %s:%d\n", t->site->func ? t->site->func : "?",
	       t->site->file, t->site->line);
}

static void print_tracking(struct kmem_cache *s, struct kshim_slab *sl,
			   unsigned int idx)
{
	unsigned long now = track_now();

	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", &sl->track[2 * idx], now);
	print_track("Freed", &sl->track[2 * idx + 1], now);
}

static void print_slab_info(struct kshim_slab *sl)
{
	pr_err("Slab 0x%p objects=%u used=%u fp=0x%p flags=%pGp\n",
	       sl->page, sl->objects, sl->kinuse, chain_head(sl),
	       &sl->page->flags);
}

/* The free pointer of object @idx, as it is in the object. */
static void *obj_fp(struct kshim_slab *sl, unsigned int idx)
{
	return get_fp(sl, kshim_slab_obj(sl, idx));
}

static void print_trailer(struct kmem_cache *s, struct kshim_slab *sl,
			  unsigned int idx)
{
	char *p = kshim_slab_obj(sl, idx);
	unsigned int off;

	print_tracking(s, sl, idx);
	print_slab_info(sl);
	pr_err("Object 0x%p @offset=%tu fp=0x%p\n\n", p, p - sl->addr,
	       obj_fp(sl, idx));
	if (s->flags & SLAB_RED_ZONE)
		print_section(sl, "Redzone  ", p - s->red_left_pad,
			      s->red_left_pad);
	else if (p > sl->addr + 16)
		print_section(sl, "Bytes b4 ", p - 16, 16);
	print_section(sl, "Object   ", p, min_t(unsigned int, s->object_size,
						 PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section(sl, "Redzone  ", p + s->object_size,
			      s->inuse - s->object_size);
	off = pad_start(s);
	if (off != size_from_object(s))
		print_section(sl, "Padding  ", p + off,
			      size_from_object(s) - off);
	dump_stack();
}

static void object_err(struct kmem_cache *s, struct kshim_slab *sl,
		       unsigned int idx, const char *reason)
{
	if (slab_add_kunit_errors())
		return;
	slab_bug(s, "%s", reason);
	print_trailer(s, sl, idx);
	slab_taint();
}

static void slab_err(struct kmem_cache *s, struct kshim_slab *sl,
		     const char *fmt, ...) __printf(3, 4);
static void slab_err(struct kmem_cache *s, struct kshim_slab *sl,
		     const char *fmt, ...)
{
	char buf[100];
	va_list args;

	if (slab_add_kunit_errors())
		return;
	va_start(args, fmt);
	kshim_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	slab_bug(s, "%s", buf);
	print_slab_info(sl);
	dump_stack();
	slab_taint();
}

/* ---- patterns ---- */

/* The first byte of @p..@p+@n that is not @c, or NULL (8 at a time). */
static const unsigned char *find_inv(const unsigned char *p, int c,
				     size_t n)
{
	unsigned long pat = 0x0101010101010101UL * (unsigned char)c;

	while (n && ((unsigned long)p & 7)) {
		if (*p != c)
			return p;
		p++;
		n--;
	}
	while (n >= 8) {
		unsigned long w;

		memcpy(&w, p, 8);
		if (w != pat)
			break;
		p += 8;
		n -= 8;
	}
	for (; n; p++, n--)
		if (*p != c)
			return p;
	return NULL;
}

/* 16 bytes at a time, unaligned (SSE2 on x86-64, two words elsewhere). */
typedef unsigned long long slab_vec __attribute__((__vector_size__(16)));

static __always_inline slab_vec vload(const unsigned char *p)
{
	slab_vec v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/*
 * Whether @p..@p+@n holds the bytes of @t..@t+@n.  16 bytes at a time,
 * then 8, 4, 2, 1: the same pieces bytes_copy() writes, so a check right
 * after a fill of the same range reads each piece from one store.
 */
static __always_inline bool bytes_same(const unsigned char *p,
				       const unsigned char *t, unsigned int n)
{
	slab_vec acc = { 0, 0 };
	u64 diff = 0, a, b;
	unsigned int i;

	for (i = 0; i + 16 <= n; i += 16)
		acc |= vload(p + i) ^ vload(t + i);
	if (n - i >= 8) {
		memcpy(&a, p + i, 8);
		memcpy(&b, t + i, 8);
		diff |= a ^ b;
		i += 8;
	}
	if (n - i >= 4) {
		u32 c, d;

		memcpy(&c, p + i, 4);
		memcpy(&d, t + i, 4);
		diff |= c ^ d;
		i += 4;
	}
	for (; i < n; i++)
		diff |= p[i] ^ t[i];
	return !(acc[0] | acc[1] | diff);
}

static __always_inline void bytes_copy(unsigned char *p,
				       const unsigned char *t, unsigned int n)
{
	unsigned int i;

	for (i = 0; i + 16 <= n; i += 16)
		memcpy(p + i, t + i, 16);
	if (n - i >= 8) {
		memcpy(p + i, t + i, 8);
		i += 8;
	}
	if (n - i >= 4) {
		memcpy(p + i, t + i, 4);
		i += 4;
	}
	for (; i < n; i++)
		p[i] = t[i];
}

static inline unsigned int img_of(unsigned char val)
{
	return val == SLUB_RED_ACTIVE ? SLAB_IMG_ALLOC : SLAB_IMG_FREE;
}

/* The slot (left redzone first) of object @obj, in the backdoor view. */
static inline unsigned char *bd_slot(const struct kmem_cache *s,
				     const struct kshim_slab *sl,
				     const void *obj)
{
	return bd(sl, obj) - s->red_left_pad;
}

/*
 * The redzones and poison of @obj, as init_object() of 6.1 writes them:
 * copied from the cache's image of a slot in that state.
 */
static inline void init_object(struct kmem_cache *s, struct kshim_slab *sl,
			       char *obj, unsigned char val)
{
	const unsigned char *img = s->img[img_of(val)];
	unsigned char *slot = bd_slot(s, sl, obj);
	unsigned int i;

	for (i = 0; i < s->nfill; i++)
		bytes_copy(slot + s->fill[i].off, img + s->fill[i].off,
			   s->fill[i].len);
}

/*
 * init_object(@obj, SLUB_RED_ACTIVE) of an object whose poison the
 * allocation checks just found intact: only the redzones change.
 */
static inline void init_object_redzones(struct kmem_cache *s,
					struct kshim_slab *sl, char *obj)
{
	const unsigned char *img = s->img[SLAB_IMG_ALLOC];
	unsigned char *slot = bd_slot(s, sl, obj);
	unsigned int i;

	for (i = 0; i < s->nfill_rz; i++)
		bytes_copy(slot + s->fill_rz[i].off, img + s->fill_rz[i].off,
			   s->fill_rz[i].len);
}

/* Whether every byte check_object(@val) reads holds what it wants. */
static inline bool object_intact(const struct kmem_cache *s,
				 struct kshim_slab *sl, unsigned int idx,
				 unsigned char val)
{
	unsigned int st = img_of(val), i;
	const unsigned char *img = s->img[st];
	const unsigned char *slot = bd_slot(s, sl, kshim_slab_obj(sl, idx));

	for (i = 0; i < s->nchk[st]; i++)
		if (!bytes_same(slot + s->chk[st][i].off,
				img + s->chk[st][i].off, s->chk[st][i].len))
			return false;
	return true;
}

static void add_range(struct kshim_byte_range *r, unsigned char *n,
		      unsigned int off, unsigned int len)
{
	if (!len)
		return;
	if (*n && r[*n - 1].off + r[*n - 1].len == off) {
		r[*n - 1].len += len;
		return;
	}
	r[*n].off = off;
	r[*n].len = len;
	++*n;
}

/*
 * The images and ranges of struct kmem_cache: what init_object() writes
 * and check_object() reads, slot-relative (the left redzone at 0).
 */
static int build_images(struct kmem_cache *s)
{
	unsigned int rlp = s->red_left_pad, osz = s->object_size;
	unsigned int st, pad = pad_start(s);
	slab_flags_t f = s->flags;

	s->nfill = s->nfill_rz = 0;
	if (f & SLAB_RED_ZONE) {
		add_range(s->fill, &s->nfill, 0, rlp);
		add_range(s->fill_rz, &s->nfill_rz, 0, rlp);
	}
	if ((f & __OBJECT_POISON) && osz)
		add_range(s->fill, &s->nfill, rlp, osz);
	if (f & SLAB_RED_ZONE) {
		add_range(s->fill, &s->nfill, rlp + osz, s->inuse - osz);
		add_range(s->fill_rz, &s->nfill_rz, rlp + osz,
			  s->inuse - osz);
	}
	for (st = 0; st < 2; st++) {
		unsigned char val = st == SLAB_IMG_ALLOC ? SLUB_RED_ACTIVE :
					SLUB_RED_INACTIVE;
		unsigned char *img = calloc(1, s->size);
		unsigned char *n = &s->nchk[st];
		struct kshim_byte_range *r = s->chk[st];

		if (!img)
			return -ENOMEM;
		s->img[st] = img;
		*n = 0;
		if (f & SLAB_RED_ZONE) {
			memset(img, val, rlp);
			add_range(r, n, 0, rlp);
		}
		if ((f & __OBJECT_POISON) && osz) {
			memset(img + rlp, POISON_FREE, osz - 1);
			img[rlp + osz - 1] = POISON_END;
			if (val != SLUB_RED_ACTIVE && (f & SLAB_POISON))
				add_range(r, n, rlp, osz);
		}
		if (f & SLAB_RED_ZONE) {
			memset(img + rlp + osz, val, s->inuse - osz);
			add_range(r, n, rlp + osz, s->inuse - osz);
		} else if ((f & SLAB_POISON) && osz < s->inuse) {
			memset(img + rlp + osz, POISON_INUSE, s->inuse - osz);
			add_range(r, n, rlp + osz, s->inuse - osz);
		}
		if ((f & SLAB_POISON) && rlp + pad < s->size) {
			memset(img + rlp + pad, POISON_INUSE,
			       s->size - rlp - pad);
			add_range(r, n, rlp + pad, s->size - rlp - pad);
		}
	}
	return 0;
}

static int check_bytes_and_report(struct kmem_cache *s,
				  struct kshim_slab *sl, unsigned int idx,
				  const char *what, char *start,
				  unsigned int value, unsigned int bytes)
{
	const unsigned char *b = bd(sl, start), *fault, *end;
	char *ffault, *fend;

	fault = find_inv(b, value, bytes);
	if (!fault)
		return 1;
	end = b + bytes;
	while (end > fault && end[-1] == value)
		end--;
	ffault = start + (fault - b);
	fend = start + (end - b);
	if (slab_add_kunit_errors())
		goto skip_bug_print;
	slab_bug(s, "%s overwritten", what);
	pr_err("0x%p-0x%p @offset=%tu. First byte 0x%x instead of 0x%x\n",
	       ffault, fend - 1, ffault - sl->addr, fault[0], value);
	print_trailer(s, sl, idx);
	slab_taint();
skip_bug_print:
	slab_fix(s, "Restoring %s 0x%p-0x%p=0x%x", what, ffault, fend - 1,
		 value);
	memset(bd(sl, ffault), value, fend - ffault);
	return 0;
}

static int check_pad_bytes(struct kmem_cache *s, struct kshim_slab *sl,
			   unsigned int idx)
{
	unsigned int off = pad_start(s);
	char *p = kshim_slab_obj(sl, idx);

	if (size_from_object(s) == off)
		return 1;
	return check_bytes_and_report(s, sl, idx, "Object padding", p + off,
				      POISON_INUSE,
				      size_from_object(s) - off);
}

static int __cold check_object_bytes(struct kmem_cache *s,
				      struct kshim_slab *sl, unsigned int idx,
				      unsigned char val)
{
	char *p = kshim_slab_obj(sl, idx);
	char *endobject = p + s->object_size;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(s, sl, idx, "Left Redzone",
					    p - s->red_left_pad, val,
					    s->red_left_pad))
			return 0;
		if (!check_bytes_and_report(s, sl, idx, "Right Redzone",
					    endobject, val,
					    s->inuse - s->object_size))
			return 0;
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		check_bytes_and_report(s, sl, idx, "Alignment padding",
				       endobject, POISON_INUSE,
				       s->inuse - s->object_size);
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && (s->flags & __OBJECT_POISON) &&
		    (!check_bytes_and_report(s, sl, idx, "Poison", p,
					     POISON_FREE,
					     s->object_size - 1) ||
		     !check_bytes_and_report(s, sl, idx, "End Poison",
					     p + s->object_size - 1,
					     POISON_END, 1)))
			return 0;
		check_pad_bytes(s, sl, idx);
	}
	return 1;
}

/*
 * check_object() of 6.1: one pass of wide compares against the cache's
 * image; the byte-exact checks and their reports only if it differs.
 */
/*
 * The end of check_object(): the free pointer, where it is not the
 * object's own data (in use, with the pointer inside the object).
 */
static int check_freepointer(struct kmem_cache *s, struct kshim_slab *sl,
			     unsigned int idx, unsigned char val)
{
	char *p = kshim_slab_obj(sl, idx);

	if (s->offset < s->inuse && val == SLUB_RED_ACTIVE)
		return 1;
	if (likely(check_valid_pointer(s, sl, get_fp(sl, p))))
		return 1;
	object_err(s, sl, idx, "Freepointer corrupt");
	/*
	 * No choice but to zap it and thus lose the remainder of the free
	 * objects in this slab (the kernel's comment).
	 */
	set_fp(sl, p, NULL);
	chain_resync(s, sl, false);
	return 0;
}

static inline int check_object(struct kmem_cache *s, struct kshim_slab *sl,
			       unsigned int idx, unsigned char val)
{
	if (unlikely(!object_intact(s, sl, idx, val)) &&
	    !check_object_bytes(s, sl, idx, val))
		return 0;
	return check_freepointer(s, sl, idx, val);
}

/* The slab's tail: remainder after the last object, 0x5a with P. */
static void slab_pad_check(struct kmem_cache *s, struct kshim_slab *sl)
{
	size_t length = PAGE_SIZE << s->order;
	size_t remainder = length % s->size;
	const unsigned char *fault, *end, *pad;
	char *ffault, *fend;

	if (!(s->flags & SLAB_POISON) || !remainder)
		return;
	pad = (unsigned char *)sl->bd + length - remainder;
	fault = find_inv(pad, POISON_INUSE, remainder);
	if (!fault)
		return;
	end = (unsigned char *)sl->bd + length;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	ffault = sl->addr + (fault - (unsigned char *)sl->bd);
	fend = sl->addr + (end - (unsigned char *)sl->bd);
	slab_err(s, sl, "Padding overwritten. 0x%p-0x%p @offset=%tu", ffault,
		 fend - 1, ffault - sl->addr);
	print_section(sl, "Padding ", sl->addr + length - remainder,
		      remainder);
	slab_fix(s, "Restoring %s 0x%p-0x%p=0x%x", "slab padding", ffault,
		 fend - 1, POISON_INUSE);
	memset(bd(sl, ffault), POISON_INUSE, fend - ffault);
}

/*
 * The tracks' clock: milliseconds, i.e. jiffies at HZ=1000, from the
 * coarse clock (a full clock_gettime() per allocation costs more than
 * the rest of the allocation); only ages are printed.
 */
static unsigned long track_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return ts.tv_sec * 1000UL + ts.tv_nsec / 1000000;
}

static inline void set_track(struct kshim_slab *sl, unsigned int idx,
			     int which, const struct kshim_site *site)
{
	struct kshim_track *t = &sl->track[2 * idx + which];

	t->site = site;
	t->when = track_now();
	t->cpu = current_thread_info()->cpu;
	t->pid = current->pid;
}

static void trace(struct kmem_cache *s, struct kshim_slab *sl,
		  unsigned int idx, int alloc)
{
	char *p = kshim_slab_obj(sl, idx);

	if (!(s->flags & SLAB_TRACE))
		return;
	pr_info("TRACE %s %s 0x%p inuse=%d fp=0x%p\n", s->name,
		alloc ? "alloc" : "free", p, sl->kinuse, chain_head(sl));
	if (!alloc)
		print_section(sl, "Object ", p, s->object_size);
	dump_stack();
}

/* ---- the host checkers' view (ASan, memcheck) ---- */

static inline bool want_quarantine(const struct kmem_cache *s)
{
	return s->sanitized && !(s->flags & SLAB_TYPESAFE_BY_RCU);
}

/* A new slab: everything inaccessible, but objects a reader may touch. */
static void sanitize_new_slab(struct kmem_cache *s, struct kshim_slab *sl)
{
	unsigned int i;

	if (!s->sanitized)
		return;
	arch_poison_free(sl->addr, PAGE_SIZE << s->order);
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		for (i = 0; i < sl->objects; i++)
			arch_poison_alloc(kshim_slab_obj(sl, i),
					  s->object_size);
}

/* ---- slabs ---- */

static inline void slab_list_move(struct kmem_cache *s,
				  struct kshim_slab *sl, unsigned char which)
{
	struct list_head *head;

	if (sl->which == which)
		return;
	if (sl->which == SLAB_LIST_EMPTY)
		s->nr_empty--;
	if (sl->which != SLAB_LIST_NONE)
		list_del(&sl->list);
	sl->which = which;
	switch (which) {
	case SLAB_LIST_PARTIAL:
		head = &s->partial;
		break;
	case SLAB_LIST_FULL:
		head = &s->full;
		break;
	case SLAB_LIST_EMPTY:
		s->nr_empty++;
		head = &s->empty;
		break;
	default:
		return;
	}
	list_add(&sl->list, head);
}

static void slab_relist(struct kmem_cache *s, struct kshim_slab *sl)
{
	if (sl->inuse == 0)
		slab_list_move(s, sl, SLAB_LIST_EMPTY);
	else if (sl->inuse == sl->objects)
		slab_list_move(s, sl, SLAB_LIST_FULL);
	else
		slab_list_move(s, sl, SLAB_LIST_PARTIAL);
}

static struct kshim_slab *slab_meta_alloc(unsigned int objects)
{
	size_t n = sizeof(struct kshim_slab) +
		   objects * (2 * sizeof(unsigned short) + 2 +
			      2 * sizeof(unsigned int) +
			      2 * sizeof(struct kshim_track)) + 16;
	struct kshim_slab *sl = calloc(1, n);
	char *p;

	if (!sl)
		return NULL;
	p = (char *)(sl + 1);
	sl->track = (struct kshim_track *)p;
	p += objects * 2 * sizeof(struct kshim_track);
	sl->gen = (unsigned int *)p;
	p += objects * sizeof(unsigned int);
	sl->req = (unsigned int *)p;
	p += objects * sizeof(unsigned int);
	sl->freestack = (unsigned short *)p;
	p += objects * sizeof(unsigned short);
	sl->qring = (unsigned short *)p;
	p += objects * sizeof(unsigned short);
	sl->state = (unsigned char *)p;
	p += objects;
	sl->oflags = (unsigned char *)p;
	return sl;
}

/* kmalloc_fix_flags() */
static gfp_t fix_flags(gfp_t flags, const struct kshim_site *site)
{
	gfp_t invalid = flags & (__GFP_DMA32 | __GFP_HIGHMEM);
	char a[256], b[256];

	flags &= ~(__GFP_DMA32 | __GFP_HIGHMEM);
	kshim_report_begin(KSHIM_REPORT_SLAB, site->file, site->line,
			   site->func);
	pr_warn("Unexpected gfp: %#x (%s). Fixing up to gfp: %#x (%s). Fix your code!\n",
		invalid, kshim_format_gfp(invalid, a, sizeof(a)), flags,
		kshim_format_gfp(flags, b, sizeof(b)));
	dump_stack();
	kshim_report_end();
	return flags;
}

gfp_t kshim_slab_fix_gfp(gfp_t flags, const struct kshim_site *site)
{
	if (unlikely(flags & (__GFP_DMA32 | __GFP_HIGHMEM)))
		return fix_flags(flags, site);
	return flags;
}

static struct kshim_slab *new_slab(struct kmem_cache *s, gfp_t flags,
				   int node, const struct kshim_site *site)
{
	struct kshim_slab *sl;
	struct page *page;
	unsigned int i;
	gfp_t gfp;

	flags = kshim_slab_fix_gfp(flags, site);
	/* The driver's might_sleep was checked already: not twice. */
	gfp = (flags & ~(__GFP_ZERO | __GFP_DIRECT_RECLAIM)) | s->allocflags;
	if (s->ctor && (flags & __GFP_ZERO)) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
	}
	sl = slab_meta_alloc(s->objects);
	if (!sl)
		return NULL;
	/* For the sweep, a new slab's pages are the kmalloc()'s call. */
	fault_nest_begin();
	page = __kshim_alloc_pages(gfp, s->order, node, site->file,
				   site->line, site->func);
	fault_nest_end();
	if (!page) {
		free(sl);
		return NULL;
	}
	/* The pages are the allocator's, not the driver's (page ledger). */
	kshim_page_owner_clear(page, s->order);
	__atomic_fetch_add(&kshim_slab_pages, 1L << s->order,
			   __ATOMIC_RELAXED);
	sl->cache = s;
	sl->page = page;
	sl->addr = page_address(page);
	sl->bd = kshim_pfn_backdoor(page_to_pfn(page));
	sl->objects = s->objects;
	__SetPageSlab(page);
	set_page_private(page, (unsigned long)sl);

	if (s->flags & SLAB_POISON)
		memset(sl->bd, POISON_INUSE, PAGE_SIZE << s->order);
	sanitize_new_slab(s, sl);
	for (i = 0; i < sl->objects; i++) {
		char *p = kshim_slab_obj(sl, i);

		init_object(s, sl, p, SLUB_RED_INACTIVE);
		if (s->ctor) {
			if (s->sanitized)
				arch_poison_alloc(p, s->object_size);
			s->ctor(p);
			if (s->sanitized &&
			    !(s->flags & SLAB_TYPESAFE_BY_RCU))
				arch_poison_free(p, s->object_size);
		}
		/* Lowest address first out, as the kernel's freelist. */
		sl->freestack[i] = sl->objects - 1 - i;
		set_fp(sl, p, i + 1 < sl->objects ?
		       kshim_slab_obj(sl, i + 1) : NULL);
	}
	sl->nfree = sl->objects;
	return sl;
}

/* Give the slab's pages back (the cache lock is not needed). */
static void discard_slab(struct kmem_cache *s, struct kshim_slab *sl)
{
	struct page *page = sl->page;
	unsigned int i;

	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		slab_pad_check(s, sl);
		for (i = 0; i < sl->objects; i++)
			if (sl->state[i] == OBJ_FREE)
				check_object(s, sl, i, SLUB_RED_INACTIVE);
		rep_end();
	}
	if (s->sanitized)
		arch_poison_alloc(sl->addr, PAGE_SIZE << s->order);
	__ClearPageSlab(page);
	set_page_private(page, 0);
	__atomic_fetch_sub(&kshim_slab_pages, 1L << s->order,
			   __ATOMIC_RELAXED);
	__kshim_free_pages(page, s->order, LINUX_VERSION_CODE, __FILE__,
			   __LINE__, __func__);
	free(sl);
}

/*
 * SLAB_TYPESAFE_BY_RCU: objects may be reused at once, but the slab's
 * pages go back to the buddy allocator only after a grace period, so a
 * reader still holding a pointer reads an object of this type (6.1
 * free_slab() -> call_rcu(rcu_free_slab)).  kmem_cache_destroy() waits
 * for them with rcu_barrier().
 */
static void rcu_free_slab(struct callback_head *h)
{
	struct kshim_slab *sl = container_of(h, struct kshim_slab, rcu);
	struct kmem_cache *s = sl->cache;

	pthread_mutex_lock(&s->lock);
	s->nr_slabs--;
	s->nr_rcu_free--;
	pthread_mutex_unlock(&s->lock);
	discard_slab(s, sl);
}

static void free_slab(struct kmem_cache *s, struct kshim_slab *sl)
{
	if (s->flags & SLAB_TYPESAFE_BY_RCU) {
		/* the kernel's counter drops now (validate_slab_cache()) */
		pthread_mutex_lock(&s->lock);
		s->nr_rcu_free++;
		pthread_mutex_unlock(&s->lock);
		call_rcu(&sl->rcu, rcu_free_slab);
		return;
	}
	pthread_mutex_lock(&s->lock);
	s->nr_slabs--;
	pthread_mutex_unlock(&s->lock);
	discard_slab(s, sl);
}

/* ---- allocation ---- */

static bool alloc_consistency_checks(struct kmem_cache *s,
				     struct kshim_slab *sl, unsigned int idx)
{
	return check_object(s, sl, idx, SLUB_RED_INACTIVE);
}

/* "Marking all objects used": the slab is never allocated from again. */
static void mark_all_used(struct kmem_cache *s, struct kshim_slab *sl)
{
	unsigned int i;

	slab_fix(s, "Marking all objects used");
	for (i = 0; i < sl->nfree; i++)
		sl->state[sl->freestack[i]] = OBJ_UNUSABLE;
	sl->nfree = 0;
	sl->inuse = sl->objects;
	sl->kinuse = sl->objects;
	sl->frozen = true;
	slab_list_move(s, sl, SLAB_LIST_FULL);
}

static inline bool slab_want_init_on_alloc(gfp_t flags,
					   const struct kmem_cache *s)
{
	if (kshim_init_on_alloc_enabled) {
		if (s->ctor)
			return false;
		if (s->flags & (SLAB_TYPESAFE_BY_RCU | SLAB_POISON))
			return flags & __GFP_ZERO;
		return true;
	}
	return flags & __GFP_ZERO;
}

static inline bool slab_want_init_on_free(const struct kmem_cache *s)
{
	if (kshim_init_on_free_enabled)
		return !(s->ctor ||
			 (s->flags & (SLAB_TYPESAFE_BY_RCU | SLAB_POISON)));
	return false;
}

void *kshim_slab_alloc(struct kmem_cache *s, gfp_t flags, int node,
		       size_t orig_size, const struct kshim_site *site)
{
	struct kshim_slab *sl;
	unsigned int idx;
	char *obj;

	flags = current_gfp_context(flags);
	if (gfpflags_allow_blocking(flags))
		__kshim_might_sleep(site->file, site->line, site->func);
	if (!kshim_slab_in_bulk && kshim_should_failslab(s, flags, site))
		return NULL;

	pthread_mutex_lock(&s->lock);
again:
	if (!list_empty(&s->partial)) {
		sl = list_first_entry(&s->partial, struct kshim_slab, list);
	} else if (!list_empty(&s->empty)) {
		sl = list_first_entry(&s->empty, struct kshim_slab, list);
	} else {
		pthread_mutex_unlock(&s->lock);
		sl = new_slab(s, flags, node, site);
		if (!sl)
			return NULL;
		pthread_mutex_lock(&s->lock);
		s->nr_slabs++;
		slab_list_move(s, sl, SLAB_LIST_EMPTY);
		goto again;
	}
	if (unlikely(!sl->nfree)) {
		/* a validation cut its chain: on the list it belongs to */
		slab_relist(s, sl);
		goto again;
	}
	idx = sl->freestack[--sl->nfree];
	sl->inuse++;
	sl->kinuse++;
	/* the chain skips it: the oldest quarantined object to the new top */
	if (unlikely(sl->nq))
		set_fp(sl, kshim_slab_obj(sl, *q_at(sl, 0)), free_top(sl));
	if (unlikely(s->flags & SLAB_CONSISTENCY_CHECKS)) {
		rep_site = site;
		if (!alloc_consistency_checks(s, sl, idx)) {
			sl->state[idx] = OBJ_UNUSABLE;
			mark_all_used(s, sl);
			rep_end();
			goto again;
		}
	}
	obj = kshim_slab_obj(sl, idx);
	sl->state[idx] = OBJ_ALLOC;
	sl->oflags[idx] = 0;
	sl->gen[idx] = kshim_slab_gen;
	sl->req[idx] = orig_size;
	if (s->flags & SLAB_STORE_USER)
		set_track(sl, idx, 0, site);
	if (unlikely(s->flags & SLAB_TRACE))
		trace(s, sl, idx, 1);
	/* The poison was just checked (F): it needs no rewriting. */
	if ((s->flags & (SLAB_CONSISTENCY_CHECKS | __OBJECT_POISON)) ==
	    (SLAB_CONSISTENCY_CHECKS | __OBJECT_POISON))
		init_object_redzones(s, sl, obj);
	else if (s->flags & (SLAB_RED_ZONE | __OBJECT_POISON))
		init_object(s, sl, obj, SLUB_RED_ACTIVE);
	if (sl->inuse == sl->objects || sl->which != SLAB_LIST_PARTIAL)
		slab_relist(s, sl);
	s->live++;
	pthread_mutex_unlock(&s->lock);

	/* maybe_wipe_obj_freeptr() */
	if (unlikely(slab_want_init_on_free(s)))
		memset(bd(sl, obj) + s->offset, 0, sizeof(void *));
	if (slab_want_init_on_alloc(flags, s))
		memset(bd(sl, obj), 0, s->object_size);
	/* Defined for memcheck when something wrote every byte: the
	 * constructor, init_on_alloc, or init_on_free at the last free. */
	if (s->sanitized && !(s->flags & SLAB_TYPESAFE_BY_RCU))
		arch_slab_object_alloc(obj, orig_size,
				       s->ctor || slab_want_init_on_alloc(flags, s) ||
				       slab_want_init_on_free(s));
	return obj;
}

/* ---- quarantine (sanitizer builds): freed objects wait before reuse ---- */

#define QUARANTINE_BYTES	(4UL << 20)
#define QUARANTINE_SLOTS	8192

static struct {
	pthread_mutex_t lock;
	void *obj[QUARANTINE_SLOTS];
	unsigned int head, count;
	unsigned long bytes;
} quarantine = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* Take quarantined object @idx out of its slab's ring (it is there). */
static void q_remove(struct kshim_slab *sl, unsigned int idx)
{
	unsigned int k, j;

	if (likely(*q_at(sl, 0) == idx)) {
		/* the oldest: its free pointer is the stack's top already */
		sl->qhead = (sl->qhead + 1) % sl->objects;
		sl->nq--;
		return;
	}
	for (k = 1; k < sl->nq && *q_at(sl, k) != idx; k++)
		;
	/* the newer neighbour skips it; it goes below the oldest */
	if (k + 1 < sl->nq)
		set_fp(sl, kshim_slab_obj(sl, *q_at(sl, k + 1)),
		       kshim_slab_obj(sl, *q_at(sl, k - 1)));
	set_fp(sl, kshim_slab_obj(sl, *q_at(sl, 0)), kshim_slab_obj(sl, idx));
	set_fp(sl, kshim_slab_obj(sl, idx), free_top(sl));
	for (j = k; j + 1 < sl->nq; j++)
		*q_at(sl, j) = *q_at(sl, j + 1);
	sl->nq--;
}

/*
 * Back to its slab's free stack (or the slab back to the buddy).  A
 * freed object is the chain's head (set_freepointer() to the old head);
 * one leaving the quarantine is in the chain already, right above the
 * stack's top.
 */
static void release_object(struct kmem_cache *s, struct kshim_slab *sl,
			   unsigned int idx, bool quarantined)
{
	struct kshim_slab *discard = NULL;

	if (quarantined && (sl->oflags[idx] & OBJF_CHAIN_LOST)) {
		/* cut from the chain by a validation: lost, as the kernel's */
		sl->state[idx] = OBJ_UNUSABLE;
		pthread_mutex_unlock(&s->lock);
		return;
	}
	if (quarantined)
		q_remove(sl, idx);
	else
		set_fp(sl, kshim_slab_obj(sl, idx), free_top(sl));
	sl->freestack[sl->nfree++] = idx;
	sl->state[idx] = OBJ_FREE;
	sl->inuse--;
	slab_relist(s, sl);
	if (sl->inuse == 0 && s->nr_empty > 1) {
		slab_list_move(s, sl, SLAB_LIST_NONE);
		discard = sl;
	}
	pthread_mutex_unlock(&s->lock);
	if (discard)
		free_slab(s, discard);
}

static void quarantine_evict(unsigned long keep_bytes)
{
	for (;;) {
		struct kshim_slab *sl;
		struct kmem_cache *s;
		void *obj;
		long idx;

		pthread_mutex_lock(&quarantine.lock);
		if (!quarantine.count || (quarantine.bytes <= keep_bytes &&
					  quarantine.count < QUARANTINE_SLOTS)) {
			pthread_mutex_unlock(&quarantine.lock);
			return;
		}
		obj = quarantine.obj[quarantine.head];
		quarantine.head = (quarantine.head + 1) % QUARANTINE_SLOTS;
		quarantine.count--;
		sl = kshim_virt_to_slab(obj);
		s = sl->cache;
		quarantine.bytes -= s->size;
		pthread_mutex_unlock(&quarantine.lock);

		pthread_mutex_lock(&s->lock);
		idx = kshim_slab_obj_index(sl, obj, true);
		release_object(s, sl, idx, true);
	}
}

static void quarantine_put(struct kmem_cache *s, void *obj)
{
	pthread_mutex_lock(&quarantine.lock);
	quarantine.obj[(quarantine.head + quarantine.count) %
		       QUARANTINE_SLOTS] = obj;
	quarantine.count++;
	quarantine.bytes += s->size;
	pthread_mutex_unlock(&quarantine.lock);
	quarantine_evict(QUARANTINE_BYTES);
}

void kshim_slab_flush_quarantine(void)
{
	quarantine_evict(0);
}

/* ---- free ---- */

void kshim_slab_free(struct kmem_cache *s, struct kshim_slab *sl, void *x,
		     const struct kshim_site *site)
{
	long idx;
	bool counted;

	/* slab_free_hook(): ODEBUG, before the object is given back. */
	if (!(s->flags & SLAB_DEBUG_OBJECTS))
		__kshim_debug_check_no_obj_freed(x, s->object_size, site);
	pthread_mutex_lock(&s->lock);
	rep_site = site;
	idx = obj_index(sl, x, true);
	/*
	 * 6.1 checks with F only; without it a bad pointer or a double free
	 * corrupts the free list.  kshim reports them whatever the flags
	 * (its free list is out of band and would not notice).
	 */
	if (idx < 0) {
		slab_err(s, sl, "Invalid object pointer 0x%p", x);
		goto fail;
	}
	if (sl->state[idx] == OBJ_FREE || sl->state[idx] == OBJ_QUARANTINE ||
	    sl->state[idx] == OBJ_UNUSABLE) {
		object_err(s, sl, idx, "Object already free");
		goto fail;
	}
	if ((s->flags & SLAB_CONSISTENCY_CHECKS) &&
	    !check_object(s, sl, idx, SLUB_RED_ACTIVE))
		goto fail;
	counted = sl->state[idx] == OBJ_ALLOC &&
		  sl->gen[idx] == kshim_slab_gen &&
		  !(sl->oflags[idx] & OBJF_NOT_LEAK);
	if (s->flags & SLAB_STORE_USER)
		set_track(sl, idx, 1, site);
	if (unlikely(s->flags & SLAB_TRACE))
		trace(s, sl, idx, 0);
	if (slab_want_init_on_free(s))
		memset(bd(sl, x), 0, s->object_size);
	if (s->flags & (SLAB_RED_ZONE | __OBJECT_POISON))
		init_object(s, sl, x, SLUB_RED_INACTIVE);
	if (counted)
		s->live--;
	sl->kinuse--;
	if (s->sanitized && !(s->flags & SLAB_TYPESAFE_BY_RCU))
		arch_slab_object_free(x, s->object_size);
	if (want_quarantine(s)) {
		/* the chain's head, as the kernel's freed object is */
		set_fp(sl, x, chain_head(sl));
		*q_at(sl, sl->nq++) = idx;
		sl->state[idx] = OBJ_QUARANTINE;
		sl->oflags[idx] &= ~OBJF_CHAIN_LOST;
		pthread_mutex_unlock(&s->lock);
		quarantine_put(s, x);
		return;
	}
	release_object(s, sl, idx, false);	/* unlocks */
	return;
fail:
	slab_fix(s, "Object at 0x%p not freed", x);
	if (idx >= 0 && sl->state[idx] == OBJ_ALLOC) {
		/* kmemleak forgot it (kmemleak_free() runs first) */
		sl->state[idx] = OBJ_LOST;
		if (sl->gen[idx] == kshim_slab_gen &&
		    !(sl->oflags[idx] & OBJF_NOT_LEAK))
			s->live--;
	}
	rep_end();
	pthread_mutex_unlock(&s->lock);
}

/* ---- shutdown, shrink, test end ---- */

int kshim_cache_shrink(struct kmem_cache *s)
{
	struct kshim_slab *sl, *tmp;
	LIST_HEAD(discard);

	kshim_slab_flush_quarantine();
	pthread_mutex_lock(&s->lock);
	list_for_each_entry_safe(sl, tmp, &s->empty, list) {
		list_del(&sl->list);
		sl->which = SLAB_LIST_NONE;
		s->nr_empty--;
		list_add(&sl->list, &discard);
	}
	pthread_mutex_unlock(&s->lock);
	list_for_each_entry_safe(sl, tmp, &discard, list) {
		list_del(&sl->list);
		free_slab(s, sl);
	}
	return 0;
}

/* list_slab_objects() */
static void list_slab_objects(struct kmem_cache *s, struct kshim_slab *sl,
			      const struct kshim_site *site)
{
	unsigned int i;

	rep_site = site;
	slab_err(s, sl, "Objects remaining in %s on __kmem_cache_shutdown()",
		 s->name);
	for (i = 0; i < sl->objects; i++) {
		char *p;

		if (sl->state[i] != OBJ_ALLOC && sl->state[i] != OBJ_LOST)
			continue;
		p = kshim_slab_obj(sl, i);
		pr_err("Object 0x%p @offset=%tu\n", p, p - sl->addr);
		print_tracking(s, sl, i);
	}
	rep_end();
}

int kshim_cache_shutdown(struct kmem_cache *s, const struct kshim_site *site)
{
	struct kshim_slab *sl;
	int busy;

	kshim_cache_shrink(s);
	pthread_mutex_lock(&s->lock);
	list_for_each_entry(sl, &s->partial, list)
		list_slab_objects(s, sl, site);
	busy = !list_empty(&s->partial) || !list_empty(&s->full) ||
	       !list_empty(&s->empty);
	pthread_mutex_unlock(&s->lock);
	return busy;
}

/* Only after a successful shutdown: the cache is empty. */
void kshim_cache_release(struct kmem_cache *s)
{
	pthread_mutex_destroy(&s->lock);
	free(s->img[SLAB_IMG_FREE]);
	free(s->img[SLAB_IMG_ALLOC]);
	free((char *)s->name);
	free(s);
}

/*
 * A test ended: every free object of every cache must still hold its
 * poison (a write after free that no allocation found yet).
 */
static void scan_free_objects(struct kmem_cache *s)
{
	struct list_head *lists[] = { &s->partial, &s->full, &s->empty };
	struct kshim_slab *sl;
	unsigned int l, i;

	if (!(s->flags & SLAB_CONSISTENCY_CHECKS))
		return;
	pthread_mutex_lock(&s->lock);
	for (l = 0; l < 3; l++)
		list_for_each_entry(sl, lists[l], list)
			for (i = 0; i < sl->objects; i++) {
				if (sl->state[i] != OBJ_FREE &&
				    sl->state[i] != OBJ_QUARANTINE)
					continue;
				rep_site = sl->track[2 * i + 1].site;
				check_object(s, sl, i, SLUB_RED_INACTIVE);
				rep_end();
			}
	pthread_mutex_unlock(&s->lock);
}

/*
 * A test begins (in its own process, with RAM copied): reopen kshim's
 * view of every slab, which memcheck sees closed again in the child.
 */
void kshim_slab_reopen_all(void)
{
	struct list_head *lists[3];
	struct kmem_cache *s;
	struct kshim_slab *sl;
	unsigned int l;

	pthread_mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		lists[0] = &s->partial;
		lists[1] = &s->full;
		lists[2] = &s->empty;
		pthread_mutex_lock(&s->lock);
		for (l = 0; l < 3; l++)
			list_for_each_entry(sl, lists[l], list)
				sl->bd = kshim_pfn_backdoor(
					page_to_pfn(sl->page));
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_unlock(&slab_mutex);
}

/* Live objects of this test in every cache (the ledger's value). */
long kshim_slab_live_objects(bool reset)
{
	struct kmem_cache *s;
	long n = 0;

	pthread_mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		pthread_mutex_lock(&s->lock);
		n += s->live;
		if (reset)
			s->live = 0;
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_unlock(&slab_mutex);
	return n;
}

void kshim_slab_scan_all(void)
{
	struct kmem_cache *s;

	pthread_mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		scan_free_objects(s);
	pthread_mutex_unlock(&slab_mutex);
}

/* ---- helpers for slab_common.c and kmemleak.c ---- */

void kshim_slab_print_tracking(struct kshim_slab *sl, const void *x)
{
	long idx = kshim_slab_obj_index(sl, x, false);

	if (idx >= 0)
		print_tracking(sl->cache, sl, idx);
}

size_t kshim_slab_ksize_obj(struct kshim_slab *sl, const void *x)
{
	struct kmem_cache *s = sl->cache;
	size_t ks = kshim_slab_ksize(s);
	long idx = kshim_slab_obj_index(sl, x, true);

	/* 6.1 ksize(): the caller may use all of it (kasan_unpoison_range) */
	if (idx >= 0 && s->sanitized && sl->req[idx] < ks &&
	    !(s->flags & SLAB_TYPESAFE_BY_RCU)) {
		arch_slab_object_resize((void *)x, sl->req[idx], ks);
		sl->req[idx] = ks;
	}
	return ks;
}

void kshim_slab_copy_out(void *dst, const void *src, size_t n)
{
	struct kshim_slab *sl = kshim_virt_to_slab(src);

	memcpy(dst, sl ? bd(sl, src) : src, n);
}

void kshim_slab_zero(const void *p, size_t n)
{
	struct kshim_slab *sl = kshim_virt_to_slab(p);

	memset(sl ? (void *)bd(sl, p) : (void *)p, 0, n);
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

void kshim_slab_list_leaks(struct kmem_cache *s, unsigned long *lines,
			   unsigned long *total, unsigned long max)
{
	struct list_head *lists[] = { &s->partial, &s->full, &s->empty };
	struct kshim_slab *sl;
	unsigned int l, i;

	pthread_mutex_lock(&s->lock);
	for (l = 0; l < 3; l++)
		list_for_each_entry(sl, lists[l], list)
			for (i = 0; i < sl->objects; i++) {
				const struct kshim_site *site;

				if (sl->state[i] != OBJ_ALLOC ||
				    sl->gen[i] != kshim_slab_gen ||
				    (sl->oflags[i] & OBJF_NOT_LEAK))
					continue;
				++*total;
				if ((*lines)++ >= max)
					continue;
				site = sl->track[2 * i].site;
				pr_err("kshim: unreferenced object 0x%p (size %u): %s allocated at %s:%d (%s)\n",
				       kshim_slab_obj(sl, i), sl->req[i],
				       s->name, site ? site->file : "?",
				       site ? site->line : 0,
				       site && site->func ? site->func : "?");
			}
	pthread_mutex_unlock(&s->lock);
}

/* kmemleak_not_leak() of a slab object: true if @ptr was one */
bool kshim_slab_obj_not_leak(const void *ptr)
{
	struct kshim_slab *sl = kshim_virt_to_slab(ptr);
	struct kmem_cache *s;
	long idx;

	if (!sl)
		return false;
	s = sl->cache;
	pthread_mutex_lock(&s->lock);
	idx = kshim_slab_obj_index(sl, ptr, false);
	if (idx >= 0 && sl->state[idx] == OBJ_ALLOC &&
	    !(sl->oflags[idx] & OBJF_NOT_LEAK)) {
		sl->oflags[idx] |= OBJF_NOT_LEAK;
		if (sl->gen[idx] == kshim_slab_gen)
			s->live--;
	}
	pthread_mutex_unlock(&s->lock);
	return true;
}

void kshim_slab_rcu_barrier(void)
{
	rcu_barrier();
}

/*
 * The machine reboots (kshim_boot()): RAM, and every slab in it, is
 * about to go.  Each cache forgets its slabs without touching their
 * memory; the caches themselves stay (slab_common.c drops the kmalloc
 * ones, made again with the next boot's KSHIM_SLUB_DEBUG).
 */
/*
 * The objects still allocated stop being blocks for memcheck (else the
 * next boot's object at the same address overlaps them).
 */
static void forget_objects(struct kmem_cache *s, struct kshim_slab *sl)
{
	unsigned int i;

	if (!s->sanitized || (s->flags & SLAB_TYPESAFE_BY_RCU))
		return;
	for (i = 0; i < sl->objects; i++)
		if (sl->state[i] == OBJ_ALLOC || sl->state[i] == OBJ_LOST)
			arch_slab_object_free(kshim_slab_obj(sl, i),
					      s->object_size);
}

void kshim_slab_forget_all(void)
{
	struct kshim_slab *sl, *n;
	struct kmem_cache *s;
	unsigned int l;

	/* SLAB_TYPESAFE_BY_RCU slabs waiting for a grace period. */
	rcu_barrier();
	pthread_mutex_lock(&quarantine.lock);
	quarantine.head = quarantine.count = 0;
	quarantine.bytes = 0;
	pthread_mutex_unlock(&quarantine.lock);
	pthread_mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		struct list_head *lists[] = { &s->partial, &s->full,
					      &s->empty };

		pthread_mutex_lock(&s->lock);
		for (l = 0; l < 3; l++) {
			list_for_each_entry_safe(sl, n, lists[l], list) {
				forget_objects(s, sl);
				list_del(&sl->list);
				free(sl);
			}
		}
		s->nr_slabs = s->nr_empty = s->nr_rcu_free = 0;
		s->live = 0;
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_unlock(&slab_mutex);
	__atomic_store_n(&kshim_slab_pages, 0, __ATOMIC_RELAXED);
}

/* ---- the free chain after a repair; validate_slab_cache() ---- */

/*
 * Walk the chain from slab->freelist (at most objects + 1 links, as
 * on_freelist() does): @seen marks the objects reached, @order lists
 * them.  The walk stops at NULL, at a pointer to no object, or at an
 * object reached before.  The number reached.
 */
static unsigned int chain_walk(struct kmem_cache *s, struct kshim_slab *sl,
			       unsigned char *seen, unsigned short *order)
{
	char *fp = chain_head(sl);
	unsigned int n = 0;
	long idx;

	memset(seen, 0, sl->objects);
	while (fp && n <= sl->objects) {
		if (!check_valid_pointer(s, sl, fp))
			break;
		idx = obj_index(sl, fp, true);
		if (idx < 0 || seen[idx])
			break;
		seen[idx] = 1;
		if (order)
			order[n] = idx;
		n++;
		fp = get_fp(sl, fp);
	}
	return n;
}

/*
 * A repair changed the chain (a free pointer zapped, the freelist
 * cleared): kshim's free stack and quarantine ring become what the chain
 * now holds.  Free objects it no longer reaches are lost (OBJ_UNUSABLE:
 * never allocated, as in the kernel), lost ones it reaches are free
 * again; quarantined ones it does not reach are lost when they leave the
 * quarantine.  Live objects a corrupt chain reached stay out of it.  The
 * chain is rewritten from the new stack and ring: the same pointers
 * unless the corruption mixed their order.  Lists are left alone
 * (allocation moves a slab whose stack is empty).
 */
static void chain_resync(struct kmem_cache *s, struct kshim_slab *sl,
			 bool cleared)
{
	unsigned short *order, *q, *f;
	unsigned int n = 0, nq = 0, nf = 0, i;
	unsigned char *seen;
	char *next = NULL;

	if (sl->frozen)
		return;
	seen = calloc(sl->objects, 1);
	order = calloc(sl->objects * 3 + 3, sizeof(*order));
	if (!seen || !order) {
		free(seen);
		free(order);
		return;
	}
	q = order + sl->objects + 1;
	f = q + sl->objects + 1;
	if (!cleared)
		n = chain_walk(s, sl, seen, order);
	for (i = 0; i < n; i++) {
		unsigned int idx = order[i];

		if (sl->state[idx] == OBJ_QUARANTINE) {
			sl->oflags[idx] &= ~OBJF_CHAIN_LOST;
			q[nq++] = idx;
		} else if (sl->state[idx] == OBJ_FREE ||
			   sl->state[idx] == OBJ_UNUSABLE) {
			sl->state[idx] = OBJ_FREE;
			f[nf++] = idx;
		}
	}
	for (i = 0; i < sl->objects; i++) {
		if (seen[i])
			continue;
		if (sl->state[i] == OBJ_FREE)
			sl->state[i] = OBJ_UNUSABLE;
		else if (sl->state[i] == OBJ_QUARANTINE)
			sl->oflags[i] |= OBJF_CHAIN_LOST;
	}
	/* the chain: ring newest first, then the stack top first */
	sl->qhead = 0;
	sl->nq = nq;
	for (i = 0; i < nq; i++)
		sl->qring[i] = q[nq - 1 - i];
	sl->nfree = nf;
	for (i = 0; i < nf; i++)
		sl->freestack[i] = f[nf - 1 - i];
	sl->inuse = sl->objects - nf;
	for (i = nf; i-- > 0;) {
		set_fp(sl, kshim_slab_obj(sl, f[i]), next);
		next = kshim_slab_obj(sl, f[i]);
	}
	for (i = nq; i-- > 0;) {
		set_fp(sl, kshim_slab_obj(sl, q[i]), next);
		next = kshim_slab_obj(sl, q[i]);
	}
	free(seen);
	free(order);
}

/* check_slab() */
static int check_slab(struct kmem_cache *s, struct kshim_slab *sl)
{
	unsigned int maxobj;

	if (!PageSlab(sl->page)) {
		slab_err(s, sl, "Not a valid slab page");
		return 0;
	}
	maxobj = order_objects(s->order, s->size);
	if (sl->objects > maxobj) {
		slab_err(s, sl, "objects %u > max %u", sl->objects, maxobj);
		return 0;
	}
	if (sl->kinuse > sl->objects) {
		slab_err(s, sl, "inuse %u > max %u", sl->kinuse, sl->objects);
		return 0;
	}
	if (sl->frozen) {
		slab_err(s, sl,
			 "Slab disabled since SLUB metadata consistency check failed");
		return 0;
	}
	/* Slab_pad_check fixes things up after itself */
	slab_pad_check(s, sl);
	return 1;
}

/* on_freelist(s, slab, NULL): the chain and the in-use count */
static int on_freelist(struct kmem_cache *s, struct kshim_slab *sl)
{
	char *fp = chain_head(sl), *object = NULL;
	unsigned int max_objects;
	int nr = 0;
	bool cut = false;

	while (fp && nr <= (int)sl->objects) {
		if (!check_valid_pointer(s, sl, fp)) {
			if (object) {
				object_err(s, sl, obj_index(sl, object, true),
					   "Freechain corrupt");
				set_fp(sl, object, NULL);
				cut = true;
			} else {
				slab_err(s, sl, "Freepointer corrupt");
				sl->kinuse = sl->objects;
				slab_fix(s, "Freelist cleared");
				chain_resync(s, sl, true);
				return 0;
			}
			break;
		}
		object = fp;
		fp = get_fp(sl, object);
		nr++;
	}
	rep_end();
	max_objects = order_objects(s->order, s->size);
	if (max_objects > MAX_OBJS_PER_PAGE)
		max_objects = MAX_OBJS_PER_PAGE;
	if (sl->objects != max_objects) {
		slab_err(s, sl,
			 "Wrong number of objects. Found %d but should be %d",
			 sl->objects, max_objects);
		sl->objects = max_objects;
		slab_fix(s, "Number of objects adjusted");
		rep_end();
	}
	if ((int)sl->kinuse != (int)sl->objects - nr) {
		slab_err(s, sl,
			 "Wrong object count. Counter is %d but counted were %d",
			 sl->kinuse, (int)sl->objects - nr);
		sl->kinuse = sl->objects - nr;
		slab_fix(s, "Object count adjusted");
		rep_end();
	}
	/* kshim's stack follows the chain (unchanged unless cut or stale) */
	if (cut || sl->kinuse != sl->objects - sl->nfree - sl->nq)
		chain_resync(s, sl, false);
	return 1;
}

/* validate_slab(): every object checked by whether the chain holds it */
static void validate_slab(struct kmem_cache *s, struct kshim_slab *sl,
			  unsigned char *map)
{
	unsigned int i;

	if (!check_slab(s, sl) || !on_freelist(s, sl)) {
		rep_end();
		return;
	}
	/* Now we know that a valid freelist exists */
	chain_walk(s, sl, map, NULL);
	for (i = 0; i < sl->objects; i++) {
		unsigned char val = map[i] ? SLUB_RED_INACTIVE :
					     SLUB_RED_ACTIVE;

		if (!check_object(s, sl, i, val))
			break;
	}
	rep_end();
}

/*
 * The count line of validate_slab_node(): printed, and an error (a report
 * naming the caller's line, or counted by the KUnit case).
 */
static void validate_count_err(const struct kshim_site *site,
			       struct kmem_cache *s, long count)
{
	bool counted = slab_add_kunit_errors();

	if (!counted)
		kshim_report_begin(KSHIM_REPORT_SLAB, site->file, site->line,
				   site->func);
	pr_err("SLUB: %s %ld slabs counted but counter=%ld\n", s->name, count,
	       (long)(s->nr_slabs - s->nr_rcu_free));
	if (!counted)
		kshim_report_end();
}

long __kshim_validate_slab_cache(struct kmem_cache *s,
				 const struct kshim_site *site)
{
	struct list_head *lists[] = { &s->partial, &s->empty, &s->full };
	struct kshim_slab **slabs = NULL, *sl;
	unsigned char *map;
	unsigned long n = 0, max = 0, i;
	unsigned int l;

	/* bitmap_alloc(GFP_KERNEL) */
	__kshim_might_sleep(site->file, site->line, site->func);
	map = calloc(s->objects, 1);
	if (!map)
		return -ENOMEM;
	pthread_mutex_lock(&s->lock);
	/*
	 * The kernel's partial list holds kshim's partial and empty slabs;
	 * its full list (kept with SLAB_STORE_USER only) the full ones but
	 * those marked all used (alloc_debug_processing() took them off).
	 * kshim's lists are the counter of partial slabs (n->nr_partial).
	 */
	for (l = 0; l < 3; l++)
		list_for_each_entry(sl, lists[l], list)
			max++;
	slabs = calloc(max + 1, sizeof(*slabs));
	if (!slabs) {
		pthread_mutex_unlock(&s->lock);
		free(map);
		return -ENOMEM;
	}
	for (l = 0; l < 3; l++)
		list_for_each_entry(sl, lists[l], list) {
			if (l == 2 && (!(s->flags & SLAB_STORE_USER) ||
				       sl->frozen))
				continue;
			slabs[n++] = sl;
		}
	rep_site = site;
	for (i = 0; i < n; i++)
		validate_slab(s, slabs[i], map);
	if ((s->flags & SLAB_STORE_USER) && n != s->nr_slabs - s->nr_rcu_free)
		validate_count_err(site, s, n);
	/*
	 * The kernel's slabs stay on its partial list: kshim's empty and
	 * partial lists follow what the repairs left (a slab whose stack is
	 * empty moves when allocation finds it there).
	 */
	for (i = 0; i < n; i++) {
		sl = slabs[i];
		if (sl->frozen || sl->which == SLAB_LIST_FULL)
			continue;
		slab_list_move(s, sl, sl->inuse ? SLAB_LIST_PARTIAL :
						  SLAB_LIST_EMPTY);
	}
	pthread_mutex_unlock(&s->lock);
	free(map);
	free(slabs);
	return n;
}

#undef validate_slab_cache
long validate_slab_cache(struct kmem_cache *s)
{
	static const struct kshim_site site = {
		"validate_slab_cache", 0, "validate_slab_cache", NULL
	};

	return __kshim_validate_slab_cache(s, &site);
}

/* ---- kasan_disable_current() in the ASan build (mm/kasan/common.c) ---- */

static void sanitizer_slabs(bool poison)
{
	struct kshim_slab *sl;
	struct kmem_cache *s;
	unsigned int l, i;

	pthread_mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		struct list_head *lists[] = { &s->partial, &s->full,
					      &s->empty };

		if (!s->sanitized)
			continue;
		pthread_mutex_lock(&s->lock);
		for (l = 0; l < 3; l++)
			list_for_each_entry(sl, lists[l], list) {
				if (!poison) {
					arch_poison_alloc(sl->addr,
							  PAGE_SIZE << s->order);
					continue;
				}
				/* as new_slab() and the allocations left them */
				sanitize_new_slab(s, sl);
				if (s->flags & SLAB_TYPESAFE_BY_RCU)
					continue;
				for (i = 0; i < sl->objects; i++)
					if (sl->state[i] == OBJ_ALLOC ||
					    sl->state[i] == OBJ_LOST)
						arch_poison_alloc(
							kshim_slab_obj(sl, i),
							sl->req[i]);
			}
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_unlock(&slab_mutex);
}

void kshim_slab_sanitizer_suspend(void)
{
	sanitizer_slabs(false);
}

void kshim_slab_sanitizer_resume(void)
{
	sanitizer_slabs(true);
}
