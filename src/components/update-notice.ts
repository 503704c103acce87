/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (src/sw.ts) and, when a new build has been deployed and its
 * worker is waiting, shows a small notice: 本书已更新 with 重新加载 and 稍后. 重新加载 lets the
 * new worker take over and reloads the page; 稍后 hides the notice until the next page, where it
 * comes back, so a reader is never left on an old build without knowing. The browser looks for
 * a new worker on every navigation; a long-open page also checks once an hour.
 * Loaded with a dynamic import after the page (UpdateNotice.astro), so it costs a reader nothing
 * at page load.
 */
import { registerSW } from 'virtual:pwa-register';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Set by 稍后. registerSW may report the same waiting worker twice (workbox-window's `installed`
 * for an update it did not start, then its `waiting` event a moment later), so without this a
 * notice put off with 稍后 could come straight back on the same page.
 */
let putOff = false;

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
  b.addEventListener('click', onClick);
  return b;
}

/** Shows the notice (once per page, and never again on a page where it was put off); `reload` switches to the new build. */
function showNotice(reload: () => void): void {
  if (putOff || document.getElementById('update-notice')) return;
  // The live region is in the page before its text, so screen readers announce the text.
  const notice = Object.assign(document.createElement('div'), { id: 'update-notice', className: 'update-notice' });
  notice.setAttribute('role', 'status');
  document.body.append(notice);
  const text = Object.assign(document.createElement('p'), { textContent: '本书已更新。重新加载即可阅读新版本。' });
  const reloadButton = button('重新加载', () => {
    if (reloadButton.getAttribute('aria-disabled') === 'true') return;
    reloadButton.setAttribute('aria-disabled', 'true');
    text.textContent = '正在加载新版本…';
    reload();
  });
  requestAnimationFrame(() =>
    notice.append(
      text,
      reloadButton,
      button('稍后', () => {
        putOff = true;
        notice.remove();
      }),
    ),
  );
}

/** Registers the worker and wires the notice. */
export function start(): void {
  const update = registerSW({
    onNeedRefresh: () => showNotice(switchToNewBuild),
    // registerSW would reload only if a worker controlled this page when it registered, so the
    // page of a first visit would never reload; switchToNewBuild reloads on any page instead.
    onNeedReload: () => {},
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => {}), CHECK_EVERY_MS);
    },
  });
  /** Lets the waiting worker take over (SKIP_WAITING), then reloads once it controls the page. */
  function switchToNewBuild(): void {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    void update(true);
  }
}
