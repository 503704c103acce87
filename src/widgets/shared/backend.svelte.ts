/**
 * The page's one TF.js backend, shared by every widget on it: which one is in use, why others
 * were skipped, and recovery when the browser takes the WebGL context away. Widgets get the
 * runtime through here so the badge and notice stay true for all of them.
 */
import { backendLabel, NN_BACKEND_ORDER, type BackendName } from '../../lib/nn/backend-names';

type Runtime = typeof import('./tf-runtime');
type Choice = Awaited<ReturnType<Runtime['ready']>>;

/** Why the page is on this backend rather than the one it tried first; empty when nothing failed. */
const fallbackNotice = (c: Choice) => (c.skipped.length ? `${c.skipped.join(' ')}已改用 ${backendLabel(c.name)}。` : '');

class PageBackend {
  name = $state<BackendName | null>(null);
  label = $derived(this.name ? backendLabel(this.name) : '');
  /** Why the page is not on the backend it tried first; empty when all went to plan. */
  notice = $state('');
  /** Counts recoveries from a lost context; widgets compare it to rebuild their tensors. */
  generation = $state(0);
  busy = $state(false);

  /**
   * Loads TF.js on first use and picks the backend (once per page). Widgets call it before every
   * computation: it also waits for a switch the reader started from the badge.
   */
  async runtime(order: BackendName[] = NN_BACKEND_ORDER): Promise<Runtime> {
    const rt = await import('./tf-runtime');
    const choice = await rt.ready(order);
    this.name = choice.name;
    this.notice ||= fallbackNotice(choice);
    return rt;
  }

  /** The reader picked a backend; if it fails, the next one in order takes over and the notice says why. */
  async choose(name: BackendName): Promise<void> {
    this.busy = true;
    try {
      const rt = await import('./tf-runtime');
      const choice = await rt.use(name);
      this.name = choice.name;
      this.notice = fallbackNotice(choice);
    } catch (e) {
      this.notice = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Call after a computation. If the WebGL context was lost, its tensors are gone: switch to
   * the next backend and return true, so the widget rebuilds from its settings.
   */
  async recover(rt: Runtime): Promise<boolean> {
    if (!rt.contextLost()) return false;
    const choice = await rt.use(NN_BACKEND_ORDER.find((n) => n !== 'webgl') ?? 'cpu');
    this.name = choice.name;
    this.generation++;
    this.notice = `WebGL 上下文丢失（浏览器收回了图形资源），已改用 ${backendLabel(choice.name)} 并按当前设置重新开始。`;
    return true;
  }
}

export const pageBackend = new PageBackend();
