/**
 * The stepper's equations typeset by KaTeX once, at build time, with every number left as an
 * empty slot (`data-slot="k"`). The page fills slot k of a line with lineNumbers(line)[k], so
 * readers get typeset maths without downloading KaTeX, and the numbers stay live.
 */
import katex from 'katex';
import { explainStep, type Line } from './explain';
import { planSteps } from './stepper';
import type { Trace } from './trace';

export interface StepTemplate {
  formula: string;
  lines: string[];
}

/** A trace of zeros with the shapes of a network of these layer sizes: the lines' structure depends only on shapes. */
export function shapeTrace(sizes: number[]): Trace {
  const vec = (n: number) => Array<number>(n).fill(0);
  const layers = sizes.slice(1).map((n, l) => ({ n, m: sizes[l] }));
  const mats = () => layers.map(({ n, m }) => Array.from({ length: n }, () => vec(m)));
  const vecs = () => layers.map(({ n }) => vec(n));
  const out = sizes.at(-1)!;
  return {
    z: vecs(),
    a: [vec(sizes[0]), ...vecs()],
    yHat: vec(out),
    y: vec(out),
    loss: 0,
    delta: vecs(),
    dW: mats(),
    db: vecs(),
    W: mats(),
    b: vecs(),
    nextW: mats(),
    nextB: vecs(),
    alpha: 0,
  };
}

export function lineTex(line: Line): string {
  let slot = 0;
  return line.map((p) => (typeof p === 'number' ? `\\htmlData{slot=${slot++}}{0.0000}` : typeof p === 'string' ? p : p.tex)).join('');
}

/** Only \htmlData is trusted, and only because these strings are ours, never a reader's. */
const render = (tex: string) =>
  katex.renderToString(tex, {
    output: 'html',
    throwOnError: true,
    trust: (ctx) => ctx.command === '\\htmlData',
    strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  });

export function stepTemplates(sizes: number[]): StepTemplate[] {
  const trace = shapeTrace(sizes);
  return planSteps(sizes).map((step) => {
    const { formula, lines } = explainStep(step, trace);
    return { formula: render(lineTex(formula)), lines: lines.map((l) => render(lineTex(l))) };
  });
}
