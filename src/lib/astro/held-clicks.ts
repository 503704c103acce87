/**
 * Clicks on an island that has not hydrated yet are held, not lost. Server-rendered buttons look
 * ready before their handlers exist; on a slow phone that window lasts seconds. Until the island
 * has hydrated, a click (or Enter/Space on a focused button, which the browser turns into a click)
 * on one of its controls is cancelled and remembered, the island starts hydrating at once, a
 * 加载中… status shows, and once hydrated each remembered click is made again on the same element:
 * Svelte 5 hydrates the server-rendered nodes in place, so the element is still the one clicked.
 * An edit committed before hydration (a field's or a menu's `change`) is remembered the same way,
 * in the same queue, so "type a length, then press 生成" replays in that order.
 */

/**
 * Controls whose click does something: clicks elsewhere (text, links, text fields) pass untouched.
 * `[type=…]` without `input`: only inputs (and buttons, matched anyway) carry these types, and
 * the shorter selector keeps this page-load script small (issue 12's 15 KB budget).
 */
const ACTIONS = 'button,summary,[type=checkbox],[type=radio],[type=submit],[type=button],[type=reset]';

/** Astro's `load` argument to a client directive: fetches the island's code, resolves to its hydrate function. */
export type IslandLoader = () => Promise<() => Promise<void>>;

/** A click to make again, or a committed value to put back and announce again. */
type Held = { click: HTMLElement } | { change: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; value: string };

function replay(held: Held): void {
  if ('click' in held) {
    held.click.removeAttribute('data-held');
    if (held.click.isConnected) held.click.click();
    return;
  }
  const field = held.change;
  if (!field.isConnected) return;
  // Hydration may have written the state's value over the reader's; a file input keeps its files.
  if (!(field instanceof HTMLInputElement && field.type === 'file')) field.value = held.value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Holds clicks on `island`'s controls until it hydrates, then replays them in order.
 * Returns `hydrate`, which the directive calls when its own condition is met (visible, pointed
 * at…); a held click calls it too. Idempotent: later calls return the first call's promise.
 * If loading fails, the status says so and stays, the error is logged (never an unhandled
 * rejection), and the island's controls go back to the browser.
 */
export function holdClicks(island: HTMLElement, load: IslandLoader): () => Promise<void> {
  const queue: Held[] = [];
  let status: HTMLElement | undefined;
  let started: Promise<void> | undefined;

  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>(ACTIONS) : null;
    if (!target || !island.contains(target)) return;
    // Cancelling also keeps a checkbox or radio as it was, and a submit button from reloading the page.
    event.preventDefault();
    event.stopPropagation();
    queue.push({ click: target });
    target.setAttribute('data-held', '');
    showBusy();
    void hydrate();
  };
  const onChange = (event: Event) => {
    const field = event.target;
    const editable = field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement;
    if (!editable || field.type === 'checkbox' || field.type === 'radio') return;
    queue.push({ change: field, value: field.value });
    void hydrate();
  };

  function showBusy(): void {
    island.setAttribute('aria-busy', 'true');
    if (status) return;
    status = document.createElement('p');
    status.className = 'island-loading';
    status.setAttribute('role', 'status');
    status.textContent = '加载中…';
    // Outside the island, so hydration finds exactly the markup the server rendered.
    island.after(status);
  }

  function settle(): void {
    island.removeEventListener('click', onClick, true);
    island.removeEventListener('change', onChange, true);
    island.removeAttribute('aria-busy');
  }

  const hydrate = (): Promise<void> =>
    (started ??= (async () => {
      try {
        const run = await load();
        // Hydration writes a field's value back, which collapses the reader's selection to its end (typing
        // would then append: 1024 selected, 7 typed → 10247): the focused field's selection is put back after it.
        // (Any focused text field: outside the island, putting its own selection back changes nothing.)
        const field = document.activeElement as HTMLInputElement | null; // selectionStart: only on text fields
        const sel = field?.selectionStart != null ? [field.selectionStart, field.selectionEnd] : null;
        await run();
        if (sel && field === document.activeElement) field?.setSelectionRange(sel[0], sel[1]);
      } catch (error) {
        settle();
        for (const held of queue) if ('click' in held) held.click.removeAttribute('data-held');
        showBusy();
        island.removeAttribute('aria-busy');
        if (status) status.textContent = '组件加载失败，请刷新本页再试。';
        console.error('[island] hydration failed', error);
        return;
      }
      settle();
      // Let the island's first effects run before its handlers see the clicks.
      await new Promise((resolve) => setTimeout(resolve, 0));
      status?.remove();
      for (const held of queue.splice(0)) replay(held);
    })());

  island.addEventListener('click', onClick, true);
  island.addEventListener('change', onChange, true);
  return hydrate;
}
