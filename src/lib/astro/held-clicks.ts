/**
 * Clicks on an island that has not hydrated yet are held, not lost. Server-rendered buttons look
 * ready before their handlers exist; on a slow phone that window lasts seconds. Until the island
 * has hydrated, a click (or Enter/Space on a focused button, which the browser turns into a click)
 * on one of its controls is cancelled and remembered, the island starts hydrating at once, a
 * 加载中… status shows, and once hydrated each remembered click is made again on the same element:
 * Svelte 5 hydrates the server-rendered nodes in place, so the element is still the one clicked.
 * An edit committed before hydration (a field's or a menu's `change`) is remembered the same way,
 * in the same queue, so "type a length, then press 生成" replays in that order.
 * An edit typed but not yet committed (the field still has focus) is remembered too: Svelte's
 * `value={…}` writes the state's value over the field as it hydrates, so where it did, the typed
 * text is put back at once (before the next keystroke) and then committed (a `change`), and the
 * widget's state is what the reader sees.
 */

/** Controls whose click does something: clicks elsewhere (text, links, text fields) pass untouched. */
const ACTIONS = 'button, summary, input[type="checkbox"], input[type="radio"], input[type="submit"], input[type="button"], input[type="reset"]';

/** Inputs that hold typed text (not checkboxes, radios, ranges, files or buttons). */
const textLike = (input: HTMLInputElement): boolean => /^(?:text|search|url|tel|email|number|password|date)$/.test(input.type);

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
  /** Fields typed in since their last committed edit, with what was typed. */
  const typed = new Map<HTMLInputElement | HTMLTextAreaElement, string>();
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
    if (!(field instanceof HTMLSelectElement)) typed.delete(field);
    queue.push({ change: field, value: field.value });
    void hydrate();
  };
  const onInput = (event: Event) => {
    const field = event.target;
    if ((field instanceof HTMLInputElement && textLike(field)) || field instanceof HTMLTextAreaElement) typed.set(field, field.value);
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
        await (
          await load()
        )();
      } catch (error) {
        settle();
        island.removeEventListener('input', onInput, true);
        for (const held of queue) if ('click' in held) held.click.removeAttribute('data-held');
        showBusy();
        island.removeAttribute('aria-busy');
        if (status) status.textContent = '组件加载失败，请刷新本页再试。';
        console.error('[island] hydration failed', error);
        return;
      }
      settle();
      // Hydration has just written the state's values over the fields: put the typed text back in
      // this same task, before another keystroke can land on the overwritten text.
      const restored = new Set<HTMLInputElement | HTMLTextAreaElement>();
      for (const [field, value] of typed)
        if (field.value !== value) {
          field.value = value;
          restored.add(field);
        }
      // Let the island's first effects run before its handlers see the clicks.
      await new Promise((resolve) => setTimeout(resolve, 0));
      status?.remove();
      island.removeEventListener('input', onInput, true);
      // Commit what each restored field holds now (the reader may have typed on meanwhile).
      for (const field of restored) queue.push({ change: field, value: field.value });
      typed.clear();
      for (const held of queue.splice(0)) replay(held);
    })());

  island.addEventListener('click', onClick, true);
  island.addEventListener('change', onChange, true);
  island.addEventListener('input', onInput, true);
  return hydrate;
}
