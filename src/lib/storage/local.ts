/**
 * The page's one localStorage, shared by every island and script on the page (ES modules are
 * instantiated once per page), so a value kept in memory by one is seen by all. The getter is
 * called lazily and inside a try: reading `window.localStorage` itself may throw.
 */
import { safeStore } from './store';

/**
 * Set on the stand-in that src/components/ThemeProvider.astro installs where the browser refuses
 * storage: it keeps Starlight's theme picker working for the visit, but stores nothing.
 */
export const SESSION_ONLY = 'dmxSessionOnly';

export const local = safeStore(() => {
  const storage: Storage | undefined = globalThis.localStorage;
  if (storage && SESSION_ONLY in storage) throw new DOMException('Site storage is refused.', 'SecurityError');
  return storage;
});
