/**
 * The guided tour's channel to the lab widgets (see lib/transformer/focus.ts). Islands hydrate at
 * different times, so the latest Focus for each widget is kept here and handed to a widget that
 * subscribes later; all islands share this module's one instance.
 */
import type { Focus } from '../../lib/transformer/focus';

type Handler<W extends Focus['widget']> = (f: Extract<Focus, { widget: W }>) => void;

const latest = new Map<Focus['widget'], Focus>();
const handlers = new Map<Focus['widget'], Set<(f: Focus) => void>>();

/** Sends `f` to its widget now, or when the widget subscribes. */
export function sendFocus(f: Focus): void {
  latest.set(f.widget, f);
  for (const h of handlers.get(f.widget) ?? []) h(f);
}

/**
 * Calls `handler` with every Focus for `widget` from now on, and at once with the latest one sent
 * before this call, if any. Returns the unsubscribe function (for an $effect's cleanup).
 */
export function onFocus<W extends Focus['widget']>(widget: W, handler: Handler<W>): () => void {
  const h = handler as (f: Focus) => void;
  const set = handlers.get(widget) ?? new Set();
  handlers.set(widget, set);
  set.add(h);
  const pending = latest.get(widget);
  if (pending) h(pending);
  return () => set.delete(h);
}
