import { describe, expect, it } from 'vitest';
import { endMessage, savedLabel } from '../../../src/lib/transformer/train-messages';

describe('the saved model’s description', () => {
  it('names the corpus as the reader sees it, the epochs and the validation loss', () => {
    expect(savedLabel({ vocab: [], epochs: 4, corpus: 'poetry', valLoss: 2.34567 })).toBe('语料：唐诗，共 4 轮，验证损失 2.346');
  });

  it('leaves out an unknown loss and shows an unknown corpus as saved', () => {
    expect(savedLabel({ vocab: [], epochs: 1, corpus: 'other' })).toBe('语料：other，共 1 轮');
  });

  it('is empty when nothing is saved', () => {
    expect(savedLabel(null)).toBe('');
  });
});

describe('the message after a run', () => {
  it('says the model is saved only when the save was kept', () => {
    expect(endMessage('done', true, '')).toContain('模型已保存');
    expect(endMessage('done', false, '不会保存。')).toBe('训练完成。不会保存。');
  });

  it('says a diverged run was rolled back, and why its weights were not saved', () => {
    expect(endMessage('diverged', false, '不会保存。')).toMatch(/已恢复到出错前.*不会保存。$/);
  });
});
