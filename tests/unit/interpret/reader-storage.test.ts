import { describe, expect, it } from 'vitest';
import { readerStorageNotice, STORAGE_LATE, STORAGE_REFUSED } from '../../../src/lib/interpret/reader-storage';

describe('§10.4’s notice when the reader’s models cannot be read', () => {
  it('says nothing when storage answered: the saved models are read', () => {
    expect(readerStorageNotice('ok')).toBeNull();
  });

  it('says storage did not answer within 3 seconds, and that the checkpoints are analysed instead', () => {
    expect(readerStorageNotice('late')).toBe(STORAGE_LATE);
    expect(STORAGE_LATE).toBe('读不到你在本书里训练的模型：浏览器的本地存储 3 秒内没有响应。已改用预训练检查点。');
  });

  it('says the browser refuses the site its storage, in the book’s wording for that', () => {
    expect(readerStorageNotice('refused')).toBe(STORAGE_REFUSED);
    expect(STORAGE_REFUSED).toContain('浏览器不允许本站使用本地存储（可能是隐私窗口，或电脑的安全设置禁止了网站存储）');
  });
});
