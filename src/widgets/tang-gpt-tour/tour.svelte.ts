/**
 * State of 附录 A's guided tour: which step is shown (in the URL as `tour.step`, 1-based), and
 * what happens when the reader moves: the step's Focus goes to its widget (shared/focus.ts) and
 * the widget is scrolled into view (jump.ts). The Focus is also written to the widget's own URL keys, so a
 * widget that hydrates only once scrolled to starts from it, and 复制链接 shares it. Nothing is sent or scrolled on page load: the page's own
 * default already matches step 1, and a link's `map.`… keys already carry the widget's state.
 */
import { TOUR_PREFIX, TOUR_STEPS, tourStepFrom, FOCUS_HEADINGS } from '../../lib/transformer/tour';
import { focusKeys } from '../../lib/transformer/focus-link';
import { focusPart } from '../../lib/transformer/focus';
import { sendFocus } from '../shared/focus';
import { jumpTo } from './jump';
import { copyLink, hashParams, linkDamage, mergeHashParams, writeHash } from '../shared/link';
import { settingProblem, type LinkProblem } from '../../lib/url/link-problem';

/** The element a Focus names: the widget's root, else the heading of its section, else null. */
function target(widget: keyof typeof FOCUS_HEADINGS): HTMLElement | null {
  const root = document.querySelector<HTMLElement>(`[data-focus-widget="${widget}"]`);
  if (root) return root;
  const prefix = FOCUS_HEADINGS[widget];
  return [...document.querySelectorAll<HTMLElement>('h2, h3')].find((h) => h.textContent?.trim().startsWith(prefix)) ?? null;
}

export class TourState {
  step = $state(0);
  /** After the reader's first move the tour stays in view while the page scrolls to the widgets. */
  active = $state(false);
  /** What the live region says: the step's text, after the reader moved to it. */
  announced = $state('');
  linkProblems = $state<LinkProblem[]>([]);
  copyStatus = $state('');
  readonly count = TOUR_STEPS.length;
  current = $derived(TOUR_STEPS[this.step]);

  constructor() {
    const { step, problem } = tourStepFrom(hashParams());
    this.step = step;
    this.linkProblems = [...linkDamage(TOUR_PREFIX), ...(problem ? [settingProblem(problem, false)] : [])];
  }

  /**
   * Shows step `i` (clamped), drives its widget and brings the widget into view, `panel` kept clear
   * of it; where `panel` does not stick, focus follows to the widget's heading (jump.ts).
   */
  go(i: number, panel?: HTMLElement): void {
    this.step = Math.min(Math.max(0, i), this.count - 1);
    this.active = true;
    this.announced = `第 ${this.step + 1} 步，共 ${this.count} 步：${this.current.title}。${this.current.text}`;
    writeHash({ step: this.step + 1 }, TOUR_PREFIX);
    const link = focusKeys(this.current.focus);
    if (link) mergeHashParams(link.keys); // before sendFocus: a hydrated widget then writes its whole state over it
    try {
      sendFocus(this.current.focus);
    } catch (e) {
      console.warn('导览无法驱动部件：', e); // a widget's handler failed; the tour itself goes on
    }
    const el = target(this.current.focus.widget);
    if (!el) return;
    jumpTo(el, panel, focusPart(this.current.focus));
  }

  close(): void {
    this.active = false;
  }

  async copyLink(): Promise<void> {
    writeHash({ step: this.step + 1 }, TOUR_PREFIX);
    this.copyStatus = await copyLink();
  }
}
