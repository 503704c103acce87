/**
 * `client:interaction`: hydrate an island the first time the reader points at, touches or
 * focuses it. For widgets near the top of a page, where `client:visible` would hydrate during
 * page load and cost first-load main-thread time; hovering or tabbing in is enough warning to
 * be ready by the click. A click that still comes first is held and carried out after hydration
 * (held-clicks.ts). Registered as an Astro client directive in astro.config.mjs.
 *
 * `client:interaction="scale"` names the widget's link prefix: when the page's #fragment carries
 * a `scale.…` setting (a link an instructor shared), the island hydrates at once, so the reader
 * sees the linked numbers (or the link's problems) rather than the server-rendered defaults.
 */
import type { ClientDirective } from 'astro';
import { holdClicks } from './held-clicks';

const EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'focusin'] as const;

/**
 * True when `hash` (location.hash, `#` included or not) has a parameter `prefix.<name>`, also
 * after up to three rounds of percent-decoding (chat apps re-encode links). Never throws; a
 * prefix that is not a plain name (letters, digits) matches nothing.
 */
export function hashNamesWidget(hash: string, prefix: unknown): boolean {
  if (typeof prefix !== 'string' || !/^[a-z][a-z0-9]*$/i.test(prefix)) return false;
  const key = new RegExp(`(?:^#?|&)${prefix}\\.`);
  let text = hash;
  for (let round = 0; round < 4; round++) {
    if (key.test(text)) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return false;
    }
    if (decoded === text) return false;
    text = decoded;
  }
  return false;
}

const interaction: ClientDirective = (load, options, el) => {
  const hydrate = holdClicks(el, load);
  const start = () => {
    for (const e of EVENTS) el.removeEventListener(e, start);
    removeEventListener('hashchange', linked);
    void hydrate();
  };
  const linked = () => {
    if (hashNamesWidget(location.hash, options.value)) start();
  };
  for (const e of EVENTS) el.addEventListener(e, start, { once: true, passive: true });
  addEventListener('hashchange', linked);
  linked();
};

export default interaction;
