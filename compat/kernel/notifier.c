// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/notifier.c - blocking and raw notifier chains, with the
 * behaviour of kernel/notifier.c of 6.1 (see linux/notifier.h): a chain is
 * a singly linked list sorted by priority, highest first; a block of the
 * same priority as others goes after them; the same block registered
 * twice is the kernel's WARN and -EEXIST; a call walks the chain until a
 * callback's result has NOTIFY_STOP_MASK and returns the last result.
 */
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/notifier.h>
#include <linux/rwsem.h>

static int chain_insert(struct notifier_block **link,
			struct notifier_block *nb)
{
	for (; *link; link = &(*link)->next) {
		if (WARN(*link == nb, "notifier callback %ps already registered",
			 nb->notifier_call))
			return -EEXIST;
		if (nb->priority > (*link)->priority)
			break;
	}
	nb->next = *link;
	WRITE_ONCE(*link, nb);
	return 0;
}

static int chain_remove(struct notifier_block **link,
			struct notifier_block *nb)
{
	for (; *link; link = &(*link)->next) {
		if (*link == nb) {
			WRITE_ONCE(*link, nb->next);
			return 0;
		}
	}
	return -ENOENT;
}

static int chain_call(struct notifier_block *nb, unsigned long val, void *v)
{
	int result = NOTIFY_DONE;

	while (nb) {
		/* The callback may unregister itself: read next first. */
		struct notifier_block *following = READ_ONCE(nb->next);

		result = nb->notifier_call(nb, val, v);
		if (result & NOTIFY_STOP_MASK)
			break;
		nb = following;
	}
	return result;
}

int blocking_notifier_chain_register(struct blocking_notifier_head *nh,
				     struct notifier_block *nb)
{
	int err;

	down_write(&nh->rwsem);
	err = chain_insert(&nh->head, nb);
	up_write(&nh->rwsem);
	return err;
}
EXPORT_SYMBOL_GPL(blocking_notifier_chain_register);

int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh,
				       struct notifier_block *nb)
{
	int err;

	down_write(&nh->rwsem);
	err = chain_remove(&nh->head, nb);
	up_write(&nh->rwsem);
	return err;
}
EXPORT_SYMBOL_GPL(blocking_notifier_chain_unregister);

int blocking_notifier_call_chain(struct blocking_notifier_head *nh,
				 unsigned long val, void *v)
{
	int result = NOTIFY_DONE;

	/* An empty chain costs no lock (the kernel checks it the same way). */
	if (!READ_ONCE(nh->head))
		return result;
	down_read(&nh->rwsem);
	result = chain_call(nh->head, val, v);
	up_read(&nh->rwsem);
	return result;
}
EXPORT_SYMBOL_GPL(blocking_notifier_call_chain);

int raw_notifier_chain_register(struct raw_notifier_head *nh,
				struct notifier_block *nb)
{
	return chain_insert(&nh->head, nb);
}
EXPORT_SYMBOL_GPL(raw_notifier_chain_register);

int raw_notifier_chain_unregister(struct raw_notifier_head *nh,
				  struct notifier_block *nb)
{
	return chain_remove(&nh->head, nb);
}
EXPORT_SYMBOL_GPL(raw_notifier_chain_unregister);

int raw_notifier_call_chain(struct raw_notifier_head *nh,
			    unsigned long val, void *v)
{
	return chain_call(nh->head, val, v);
}
EXPORT_SYMBOL_GPL(raw_notifier_call_chain);
