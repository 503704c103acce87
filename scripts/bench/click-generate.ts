/**
 * One timed generation in a text widget already on the page (§5.2's text lab, 附录 A's): clicks
 * its 生成 button and watches the widget's data-chars / data-generating attributes once a frame,
 * as a reader's eye would. Shared by bench:textgen, bench:transformer and profile-stream.ts.
 */
import type { Page } from 'playwright';

export interface Generation {
  /** From the click to the first character on the page, in ms. */
  firstMs: number;
  /** From the click to generation ending, in ms. */
  totalMs: number;
  /** Characters written. */
  chars: number;
  /** The backend the widget's badge names ('' when it has none). */
  backend: string;
}

/**
 * Clicks 生成 in the first element matching `root` and resolves when its generation has ended, or
 * with a reason in words (no such button, still generating after `limitMs`). Rejects only when
 * `root` matches nothing.
 */
export async function clickGenerate(page: Page, root: string, limitMs = 120_000): Promise<Generation | string> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const got = await page.evaluate<[number, number, number, string] | string>(`new Promise((resolve) => {
    const lab = document.querySelector(${JSON.stringify(root)});
    const button = [...lab.querySelectorAll('button')].find((b) => b.textContent.trim() === '生成');
    if (!button) return resolve('no 生成 button');
    const t0 = performance.now();
    let first = 0;
    button.click();
    (function poll() {
      const chars = Number(lab.getAttribute('data-chars'));
      if (!first && chars > 0) first = performance.now() - t0;
      if (first && lab.getAttribute('data-generating') === 'false')
        resolve([first, performance.now() - t0, chars, lab.querySelector('.badge select')?.value ?? '']);
      else if (performance.now() - t0 > ${limitMs}) resolve('still generating after ${limitMs / 1000} s');
      else requestAnimationFrame(poll);
    })();
  })`);
  if (typeof got === 'string') return got;
  const [firstMs, totalMs, chars, backend] = got;
  return { firstMs, totalMs, chars, backend };
}
