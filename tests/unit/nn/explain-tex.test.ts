import { describe, expect, it } from 'vitest';
import { explainStep, lineNumbers } from '../../../src/lib/nn/explain';
import { lineTex, shapeTrace, stepTemplates } from '../../../src/lib/nn/explain-tex';
import { disposeParams, initParams } from '../../../src/lib/nn/network';
import { planSteps, STEPPER_SPEC } from '../../../src/lib/nn/stepper';
import { traceStep } from '../../../src/lib/nn/trace';
import './tf';

const slots = (html: string) => [...html.matchAll(/data-slot="(\d+)"/g)].map((m) => Number(m[1]));

describe('stepper equations typeset at build time', () => {
  const templates = stepTemplates(STEPPER_SPEC.sizes);

  it('has one template per step, each line with as many slots as the live line has numbers', () => {
    const params = initParams(STEPPER_SPEC, 7);
    const trace = traceStep(STEPPER_SPEC, params, [0.5, -1], [1], 0.5);
    const steps = planSteps(STEPPER_SPEC.sizes);
    expect(templates).toHaveLength(steps.length);
    steps.forEach((step, k) => {
      const { formula, lines } = explainStep(step, trace);
      expect(templates[k].lines).toHaveLength(lines.length);
      expect(slots(templates[k].formula)).toEqual(lineNumbers(formula).map((_, i) => i));
      lines.forEach((line, i) => expect(slots(templates[k].lines[i])).toEqual(lineNumbers(line).map((_, j) => j)));
    });
    disposeParams(params);
  });

  it('emits KaTeX HTML only, without MathML or error markup', () => {
    for (const t of templates)
      for (const html of [t.formula, ...t.lines]) {
        expect(html).toContain('class="katex"');
        expect(html).not.toContain('katex-error');
        expect(html).not.toContain('<math');
      }
  });

  it('typesets the forward line as z₁ = (w)·(a) + … with numbers as slots', () => {
    const tex = lineTex(explainStep(planSteps([2, 2, 1])[0], shapeTrace([2, 2, 1])).lines[0]);
    expect(tex.startsWith('z_{1} = (\\htmlData{slot=0}{0.0000})\\cdot (\\htmlData{slot=1}{0.0000})')).toBe(true);
  });
});
