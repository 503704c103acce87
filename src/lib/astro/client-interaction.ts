/**
 * `client:interaction`: hydrate an island the first time the reader points at, touches or
 * focuses it. For widgets near the top of a page, where `client:visible` would hydrate during
 * page load and cost first-load main-thread time; hovering or tabbing in is enough warning to
 * be ready by the click. A click that still comes first is held and carried out after hydration
 * (held-clicks.ts). Registered as an Astro client directive in astro.config.mjs.
 */
import type { ClientDirective } from 'astro';
import { holdClicks } from './held-clicks';

const EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'focusin'] as const;

const interaction: ClientDirective = (load, _options, el) => {
  const hydrate = holdClicks(el, load);
  const start = () => {
    for (const e of EVENTS) el.removeEventListener(e, start);
    void hydrate();
  };
  for (const e of EVENTS) el.addEventListener(e, start, { once: true, passive: true });
};

export default interaction;
