/**
 * The attention stepper's equations typeset by KaTeX once, at build time, with every number an
 * empty slot (`data-slot="k"`), as the §4.2 stepper's are (lib/nn/explain-tex.ts). The page
 * fills slot k of a line with lineNumbers(line)[k]; readers never download KaTeX.
 */
import katex from 'katex';
import { lineTex, type StepTemplate } from '../nn/explain-tex';
import type { HandSteps } from './hand';
import { explainHandStep } from './hand-explain';
import { HAND_STEP_COUNT } from './hand-input';

/** Hand steps of one position with every number 0: the lines' structure depends only on the step. */
function zeroSteps(): HandSteps {
  const m = () => [[0]];
  return {
    ids: [0],
    layer: 0,
    head: 0,
    embeddings: { token: m(), position: m(), sum: m(), x: m() },
    qkv: { u: m(), q: m(), k: m(), v: m() },
    scores: m(),
    masked: m(),
    weights: m(),
    weighted: m(),
    joined: { heads: m(), projected: m() },
    residual: { sum: m(), normed: m() },
    mlp: { hidden: m(), out: m(), output: m() },
    next: m(),
  };
}

/** Only \htmlData is trusted, and only because these strings are ours, never a reader's. */
const render = (tex: string) =>
  katex.renderToString(tex, {
    output: 'html',
    throwOnError: true,
    trust: (ctx) => ctx.command === '\\htmlData',
    strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  });

/** Steps 1 … 10 as KaTeX HTML: index k − 1 holds step k's formula and lines. Throws if KaTeX rejects a line. */
export function handTemplates(): StepTemplate[] {
  const zero = zeroSteps();
  return Array.from({ length: HAND_STEP_COUNT }, (_, i) => {
    const { formula, lines } = explainHandStep(i + 1, zero);
    return { formula: render(lineTex(formula)), lines: lines.map((l) => render(lineTex(l))) };
  });
}
