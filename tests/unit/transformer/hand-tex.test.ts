import { describe, expect, it } from 'vitest';
import { lineNumbers, lineText } from '../../../src/lib/nn/explain';
import { explainHandStep } from '../../../src/lib/transformer/hand-explain';
import { handTemplates } from '../../../src/lib/transformer/hand-tex';
import { handSteps } from '../../../src/lib/transformer/hand';
import { toPlain } from '../../../src/lib/transformer/reference';
import { disposeWeights } from '../../../src/lib/transformer/weights';
import { boldWeights, someIds, TINY, useCpu } from './tiny';
import { beforeAll } from 'vitest';

beforeAll(useCpu);

describe('the stepper equations typeset at build time', () => {
  it('give every step a formula and, per line, one slot for each live number', () => {
    const w = boldWeights(TINY, 3);
    const steps = handSteps(TINY, toPlain(w), someIds(4), 1, 1);
    disposeWeights(w);
    const templates = handTemplates();
    expect(templates).toHaveLength(10);
    templates.forEach((t, i) => {
      const { lines } = explainHandStep(i + 1, steps);
      expect(t.formula).toContain('katex');
      expect(t.lines).toHaveLength(lines.length);
      lines.forEach((line, j) => expect((t.lines[j].match(/data-slot="/g) ?? []).length).toBe(lineNumbers(line).length));
    });
  });

  it('put the numbers of the live steps into the lines: the weights of the last row sum to 1, S = q·k/√d_k', () => {
    const w = boldWeights(TINY, 4);
    const s = handSteps(TINY, toPlain(w), someIds(5), 0, 1);
    disposeWeights(w);
    const [dot, root, score] = lineNumbers(explainHandStep(3, s).lines[0]);
    expect(root).toBeCloseTo(Math.sqrt(TINY.dModel / TINY.heads), 12);
    expect(score).toBeCloseTo(dot / root, 12);
    expect(score).toBe(s.scores[4][0]);
    expect(lineNumbers(explainHandStep(5, s).lines[1])[0]).toBeCloseTo(1, 12);
    expect(() => explainHandStep(11, s)).toThrow(RangeError);
  });

  it('writes a sum’s second term in parentheses, so a negative one reads a + (−b), not a + −b (steps 1 and 8)', () => {
    const w = boldWeights(TINY, 4);
    const s = handSteps(TINY, toPlain(w), someIds(5), 0, 1);
    disposeWeights(w);
    for (const k of [1, 8]) expect(lineText(explainHandStep(k, s).lines[0])).toMatch(/ = −?\d+\.\d{4} \+ \(−?\d+\.\d{4}\) = /);
  });
});
