/**
 * The guided tour's Focus in URL form: the keys of the widget it names (`att.…`, `map.…`,
 * `gpt.…`), as that widget itself writes them. The tour writes them into the page's hash when it
 * moves, so a widget that hydrates later (client:near) starts in the state the step talks about,
 * and 复制链接 shares the tour's step together with its widget's state.
 */
import type { Focus } from './focus';
import { GPT_PREFIX } from './generate-settings';
import { HAND_PREFIX } from './hand-input';
import { MAP_PREFIX } from './map-settings';
import { GTRAIN_PREFIX } from './train-settings';

/**
 * The widget's prefix and the keys `f` sets (only the fields `f` names; the others keep the link's
 * value), or null for a Focus with nothing to set (training that names no `compare`). Indices as the widgets store them:
 * 0-based layer, head and position; the stepper's step 1…10. Never throws.
 */
export function focusKeys(f: Focus): { prefix: string; keys: URLSearchParams } | null {
  const keys = new URLSearchParams();
  const put = (prefix: string, name: string, v: string | number | boolean | undefined) => {
    if (v !== undefined) keys.set(`${prefix}.${name}`, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  };
  switch (f.widget) {
    case 'stepper':
      for (const [name, v] of [
        ['text', f.text],
        ['step', f.step],
        ['layer', f.layer],
        ['head', f.head],
      ] as const)
        put(HAND_PREFIX, name, v);
      return { prefix: HAND_PREFIX, keys };
    case 'map':
      for (const [name, v] of [
        ['text', f.text],
        ['pos', f.position],
        ['layer', f.layer],
        ['head', f.head],
      ] as const)
        put(MAP_PREFIX, name, v);
      return { prefix: MAP_PREFIX, keys };
    case 'generate':
      put(GPT_PREFIX, 'prompt', f.prompt);
      put(GPT_PREFIX, 'cmp', f.compare);
      return { prefix: GPT_PREFIX, keys };
    case 'train':
      put(GTRAIN_PREFIX, 'cmp', f.compare);
      return keys.size ? { prefix: GTRAIN_PREFIX, keys } : null;
  }
}
