import { describe, expect, it } from 'vitest';
import { LAB_LOAD_FAILED, LAB_NAMES, labHello, readLabHello, workerErrorText } from '../../../src/lib/workers/labs';

describe('the lab worker hello', () => {
  it('names each lab, and reads back the lab it names', () => {
    for (const lab of LAB_NAMES) expect(readLabHello(labHello(lab))).toBe(lab);
  });

  it('reads a hello that went through structured cloning', () => {
    expect(readLabHello(structuredClone(labHello('compress-lab')))).toBe('compress-lab');
  });

  it('is not any lab protocol message: a job or a cancel reads as no hello', () => {
    expect(readLabHello({ type: 'start', job: 1, model: 'lstm' })).toBeNull();
    expect(readLabHello({ type: 'cancel', job: 1 })).toBeNull();
  });

  it('refuses names that are not labs, including inherited keys and other cases', () => {
    for (const lab of ['toString', '__proto__', 'constructor', 'Text-Lab', ' text-lab', '', 'shared']) expect(readLabHello({ type: 'lab', lab })).toBeNull();
  });

  it('refuses non-objects, arrays and wrong field types without throwing', () => {
    for (const data of [null, undefined, 0, 'text-lab', ['lab', 'text-lab'], { type: 'lab' }, { type: 'lab', lab: 3 }, { type: 'Lab', lab: 'text-lab' }])
      expect(readLabHello(data)).toBeNull();
  });

  it('reads own fields only, never a prototype’s', () => {
    const inherited = Object.create({ type: 'lab', lab: 'text-lab' }) as object;
    expect(readLabHello(inherited)).toBeNull();
  });
});

describe('workerErrorText', () => {
  it('drops the browser’s "Uncaught Error: " prefix, so the reader sees only the sentence', () => {
    expect(workerErrorText(`Uncaught Error: ${LAB_LOAD_FAILED}`, '计算线程出错')).toBe(LAB_LOAD_FAILED);
    expect(workerErrorText('Uncaught RangeError: 内存不足', '计算线程出错')).toBe('内存不足');
  });

  it('keeps a message that has no prefix', () => {
    expect(workerErrorText('无法下载 /models/poetry/model.json（HTTP 404）', 'x')).toBe('无法下载 /models/poetry/model.json（HTTP 404）');
  });

  it('gives the fallback for an empty, missing or non-string message', () => {
    for (const m of ['', 'Uncaught Error: ', undefined, null, 3]) expect(workerErrorText(m, '计算线程出错')).toBe('计算线程出错');
  });
});
