/**
 * Checks on a reader's own text before it becomes a corpus: each problem gets a sentence a
 * reader can act on. Files are checked as bytes first, so a binary or non-UTF-8 file is named
 * as such instead of arriving as mojibake. Characters no lab shows or reads (U+FFFD, NUL, BEL,
 * zero-width marks: textgen/unreadable.ts, the rule every text field uses) are dropped before
 * training, with a notice naming each and how many (unreadable.ts droppedNotice), so none reaches the samples or the model.
 */
import { droppedNotice, readable } from './unreadable';
import { buildVocab, codePoints, MAX_VOCAB } from './vocab';

export const MIN_CHARS = 200;
export const MAX_BYTES = 2 * 1024 * 1024;

export type CorpusCheck = { ok: true; text: string; notices: string[] } | { ok: false; message: string };

const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The text a corpus trains on: CR LF read as a line break, unreadable characters dropped (and listed). Never throws. */
export const readableCorpus = (raw: string): { text: string; dropped: string[] } => readable(raw.replace(/\r\n/g, '\n'));

/**
 * A pasted or decoded text: not too large, long enough once unreadable characters are dropped,
 * and within the vocabulary cap (else a notice). Windows line ends (CR LF) are read as line
 * breaks; the text returned is what the model trains on. Never throws.
 */
export function checkText(raw: string, maxVocab = MAX_VOCAB): CorpusCheck {
  const bytes = new TextEncoder().encode(raw).length;
  if (bytes > MAX_BYTES) return { ok: false, message: `文本太大（${size(bytes)}），上限是 2 MB。请截取一部分。` };
  const { text, dropped } = readableCorpus(raw);
  const chars = codePoints(text.trim()).length;
  if (chars === 0) return { ok: false, message: dropped.length ? '文本里没有可以显示的字符。请粘贴或选择一段文字。' : '文本是空的。请粘贴或选择一段文字。' };
  if (chars < MIN_CHARS) return { ok: false, message: `文本只有 ${chars} 个字符，至少需要 ${MIN_CHARS} 个，模型才有东西可学。` };
  const notices: string[] = [];
  const droppedText = droppedNotice(dropped, '文本', 'corpus');
  if (droppedText) notices.push(droppedText);
  const vocab = buildVocab(text, maxVocab);
  if (vocab.dropped > 0)
    notices.push(
      `文本里有 ${vocab.dropped + maxVocab - 1} 种不同的字符，超过字符表上限 ${maxVocab}；最少见的 ${vocab.dropped} 种会记作 <unk>（覆盖 ${(vocab.coverage * 100).toFixed(1)}% 的字符）。`,
    );
  return { ok: true, text, notices };
}

/** A .txt file's bytes: refuses binary data and invalid UTF-8 with a message, then checks the text. */
export function checkFile(bytes: Uint8Array, maxVocab = MAX_VOCAB): CorpusCheck {
  if (bytes.length > MAX_BYTES) return { ok: false, message: `文件太大（${size(bytes.length)}），上限是 2 MB。` };
  // NUL never occurs in text; a run of other control bytes marks a binary format.
  const controls = bytes.reduce((n, b) => n + (b < 9 || (b > 13 && b < 32) ? 1 : 0), 0);
  if (bytes.includes(0) || controls > bytes.length * 0.01) return { ok: false, message: '这看起来是二进制文件，不是文本。请选择 UTF-8 编码的 .txt 文件。' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: '文件不是 UTF-8 编码（可能是 GBK）。请用文本编辑器另存为 UTF-8 后再试。' };
  }
  return checkText(text.replace(/^\uFEFF/, ''), maxVocab);
}
