/**
 * Clicks on an island that has not hydrated yet are held, not lost. Server-rendered buttons look
 * ready before their handlers exist; on a slow phone that window lasts seconds. Until the island
 * has hydrated, a click (or Enter/Space on a focused button, which the browser turns into a click)
 * on one of its controls is cancelled and remembered, the island starts hydrating at once, a
 * 加载中… status shows, and once hydrated each remembered click is made again on the same element:
 * Svelte 5 hydrates the server-rendered nodes in place, so the element is still the one clicked.
 */

/** Controls whose click does something: clicks elsewhere (text, links, text fields) pass untouched. */
const ACTIONS = 'button, summary, input[type="checkbox"], input[type="radio"], input[type="submit"], input[type="button"], input[type="reset"]';

/** Astro's `load` argument to a client directive: fetches the island's code, resolves to its hydrate function. */
export type IslandLoader = () => Promise<() => Promise<void>>;

/**
 * Holds clicks on `island`'s controls until it hydrates, then replays them in order.
 * Returns `hydrate`, which the directive calls when its own condition is met (visible, pointed
 * at…); a held click calls it too. Idempotent: later calls return the first call's promise.
 * If loading fails, the status says so and stays, the error is logged (never an unhandled
 * rejection), and the island's controls go back to the browser.
 */
export function holdClicks(island: HTMLElement, load: IslandLoader): () => Promise<void> {
  const held: HTMLElement[] = [];
  let status: HTMLElement | undefined;
  let started: Promise<void> | undefined;

  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>(ACTIONS) : null;
    if (!target || !island.contains(target)) return;
    // Cancelling also keeps a checkbox or radio as it was, and a submit button from reloading the page.
    event.preventDefault();
    event.stopPropagation();
    held.push(target);
    target.setAttribute('data-held', '');
    showBusy();
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
    island.removeAttribute('aria-busy');
    for (const target of held) target.removeAttribute('data-held');
  }

  const hydrate = (): Promise<void> =>
    (started ??= (async () => {
      try {
        await (await load())();
      } catch (error) {
        settle();
        showBusy();
        island.removeAttribute('aria-busy');
        if (status) status.textContent = '组件加载失败，请刷新本页再试。';
        console.error('[island] hydration failed', error);
        return;
      }
      settle();
      status?.remove();
      // Let the island's first effects run before its handlers see the clicks.
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const target of held.splice(0)) if (target.isConnected) target.click();
    })());

  island.addEventListener('click', onClick, true);
  return hydrate;
}
