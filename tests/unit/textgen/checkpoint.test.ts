import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromModelJson, SHIPPED_NAMES, weightBytes } from '../../../src/lib/textgen/checkpoint';

type ModelJson = Parameters<typeof fromModelJson>[0];
const SHIPPED = ['poetry', 'transformer'] as const;
const modelJsonOf = (dir: string): ModelJson => JSON.parse(readFileSync(`public/models/${dir}/model.json`, 'utf8'));
const weightsOf = (dir: string): ArrayBuffer => {
  const bytes = readFileSync(`public/models/${dir}/weights.bin`);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
};
const specsOf = (json: ModelJson) => json.weightsManifest.flatMap((g) => g.weights ?? []);

describe('the weights file’s length from the manifest', () => {
  it.each(SHIPPED)('is exactly the length of the shipped %s checkpoint’s weights.bin (float16)', (dir) => {
    expect(weightBytes(specsOf(modelJsonOf(dir)))).toBe(weightsOf(dir).byteLength);
  });

  it('counts each element by the bytes of its stored dtype: float32 4, int32 4, float16 2, uint8 1', () => {
    const specs = [
      { name: 'a', shape: [2, 3], dtype: 'float32' },
      { name: 'b', shape: [5], dtype: 'int32' },
      { name: 'c', shape: [4], dtype: 'float32', quantization: { dtype: 'float16' } },
      { name: 'd', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', min: 0, scale: 1 } },
    ] as const;
    expect(weightBytes(specs as never)).toBe(6 * 4 + 5 * 4 + 4 * 2 + 3 * 1);
  });

  it('gives no length for a dtype with no fixed size (string)', () => {
    expect(weightBytes([{ name: 's', shape: [1], dtype: 'string' }])).toBeNull();
  });
});

describe('fromModelJson', () => {
  it.each(SHIPPED)('accepts the shipped %s checkpoint whole', (dir) => {
    const artifacts = fromModelJson(modelJsonOf(dir), weightsOf(dir));
    expect(artifacts.weightData).toBeInstanceOf(ArrayBuffer);
    expect(artifacts.weightSpecs?.length).toBeGreaterThan(0);
  });

  it('refuses a weights file cut short, naming the file and both lengths in Chinese', () => {
    const whole = weightsOf('poetry');
    const cut = whole.slice(0, 1000);
    expect(() => fromModelJson(modelJsonOf('poetry'), cut)).toThrow(
      `“weights.bin”的长度不对：应为 ${whole.byteLength} 字节，实为 1000 字节（可能下载时被截断了，或服务器返回的是网页）。请刷新页面再试。`,
    );
  });

  it('says whose weights file it is when the caller knows the model', () => {
    const whole = weightsOf('poetry');
    expect(() => fromModelJson(modelJsonOf('poetry'), whole.slice(0, 1000), SHIPPED_NAMES.lstm)).toThrow(
      `LSTM 预训练检查点（5.2 节）的权重文件“weights.bin”长度不对：应为 ${whole.byteLength} 字节，实为 1000 字节（可能下载时被截断了，或服务器返回的是网页）。请刷新页面再试。`,
    );
  });

  it('refuses an HTML page served in place of the weights', () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>404 Not Found</body></html>');
    const expected = weightsOf('transformer').byteLength;
    expect(() => fromModelJson(modelJsonOf('transformer'), html.buffer as ArrayBuffer)).toThrow(
      `“weights.bin”的长度不对：应为 ${expected} 字节，实为 ${html.length} 字节`,
    );
  });
});
