/**
 * The page's one localStorage, shared by every island and script on the page (ES modules are
 * instantiated once per page), so a value kept in memory by one is seen by all. The getter is
 * called lazily and inside a try: reading `window.localStorage` itself may throw.
 */
import { safeStore } from './store';

export const local = safeStore(() => globalThis.localStorage);
