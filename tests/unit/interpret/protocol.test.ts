import { describe, expect, it } from 'vitest';
import { parseFromInterpretWorker } from '../../../src/lib/interpret/protocol';

const prediction = { target: 3, logProb: -0.5, scores: [0.1, 0, 2], shown: '山', probability: Math.exp(-0.5) };
const lstm = {
  chars: ['白', '日', '依'],
  notices: [],
  prediction,
  acts: [
    [0.1, -0.2],
    [0.3, 0.4],
    [0, 1],
  ],
};
const gpt = { chars: ['白', '日', '依'], notices: ['提示'], prediction, lastRow: [[[0.2, 0.3, 0.5]], [[1, 0, 0]]] };
const done = { type: 'done', job: 2, lstm, gpt, lstmLabel: 'LSTM', gptLabel: 'Transformer', notices: [], tensors: 12 };

describe('interpretability worker messages', () => {
  it('accepts every message the worker sends, unchanged', () => {
    for (const m of [{ type: 'step', job: 1, step: { done: 2, total: 5, label: 'LSTM 的梯度显著性' } }, done, { type: 'error', job: 1, message: '文字为空' }])
      expect(parseFromInterpretWorker(m), m.type).toEqual(m);
  });

  it('refuses an analysis whose numbers are not finite or whose shapes do not fit the characters read', () => {
    for (const [what, bad] of [
      [
        'NaN activation',
        {
          ...done,
          lstm: {
            ...lstm,
            acts: [
              [NaN, 0],
              [0, 0],
              [0, 0],
            ],
          },
        },
      ],
      ['ragged activations', { ...done, lstm: { ...lstm, acts: [[0, 0], [0], [0, 0]] } }],
      [
        'a row short',
        {
          ...done,
          lstm: {
            ...lstm,
            acts: [
              [0, 0],
              [0, 0],
            ],
          },
        },
      ],
      ['negative saliency', { ...done, lstm: { ...lstm, prediction: { ...prediction, scores: [-1, 0, 0] } } }],
      ['saliency of another length', { ...done, gpt: { ...gpt, prediction: { ...prediction, scores: [1, 2] } } }],
      ['Infinity attention', { ...done, gpt: { ...gpt, lastRow: [[[Infinity, 0, 0]]] } }],
      ['positive ln p', { ...done, gpt: { ...gpt, prediction: { ...prediction, logProb: 0.5 } } }],
      ['probability over 1', { ...done, gpt: { ...gpt, prediction: { ...prediction, probability: 2 } } }],
      ['no characters', { ...done, lstm: { ...lstm, chars: [], acts: [] } }],
      ['tensors missing', { ...done, tensors: undefined }],
    ] as const)
      expect(parseFromInterpretWorker(bad), what).toBeNull();
  });

  it('refuses what is not a message of the protocol, own keys only, without throwing', () => {
    for (const bad of [
      null,
      7,
      'done',
      [],
      Object.create(done) as object,
      { type: 'step', job: 1, step: { done: 6, total: 5, label: '' } },
      { type: 'error', message: 'x' },
    ])
      expect(parseFromInterpretWorker(bad)).toBeNull();
  });
});
