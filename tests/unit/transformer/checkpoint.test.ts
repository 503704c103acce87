import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromModelJson } from '../../../src/lib/textgen/checkpoint';
import { quantizeFloat16 } from '../../../src/lib/textgen/float16';
import { fromArtifacts, toArtifacts, transformerModelJson } from '../../../src/lib/transformer/checkpoint';
import { parseConfig } from '../../../src/lib/transformer/config';
import { checkpointFromFiles, CHECKPOINT_DIR } from '../../../src/lib/transformer/files';
import { disposeWeights, initWeights } from '../../../src/lib/transformer/weights';
import { boldWeights, TINY, useCpu } from './tiny';

beforeAll(useCpu);
const values = (w: tf.NamedTensorMap) => Object.fromEntries(Object.entries(w).map(([k, t]) => [k, Array.from(t.dataSync())]));

describe('Transformer checkpoints', () => {
  it('name a shipped weights file cut short as the Transformer checkpoint’s', () => {
    const json = JSON.parse(readFileSync(`public/${CHECKPOINT_DIR}model.json`, 'utf8'));
    const meta = JSON.parse(readFileSync(`public/${CHECKPOINT_DIR}meta.json`, 'utf8'));
    expect(() => checkpointFromFiles(json, new ArrayBuffer(1000), meta)).toThrow(
      /^Transformer 预训练检查点（附录 A）的权重文件“weights\.bin”长度不对：应为 \d+ 字节，实为 1000 字节/,
    );
  });

  it('round-trip exactly through float32 artifacts', async () => {
    const w = initWeights({ ...TINY, tiedEmbeddings: false }, 3);
    const back = fromArtifacts(await toArtifacts({ ...TINY, tiedEmbeddings: false }, w));
    expect(back.config).toEqual({ ...TINY, tiedEmbeddings: false });
    expect(values(back.weights)).toEqual(values(w));
    disposeWeights(w);
    disposeWeights(back.weights);
  });

  it('round-trip through float16 model.json + weights.bin on disk, at half the bytes and within float16 precision', async () => {
    const w = boldWeights(TINY, 4);
    const full = await toArtifacts(TINY, w);
    const half = quantizeFloat16(full);
    expect((half.weightData as ArrayBuffer).byteLength).toBe((full.weightData as ArrayBuffer).byteLength / 2);
    const dir = mkdtempSync(join(tmpdir(), 'tf-ckpt-'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify(transformerModelJson(half)));
    writeFileSync(join(dir, 'weights.bin'), new Uint8Array(half.weightData as ArrayBuffer));
    const bytes = readFileSync(join(dir, 'weights.bin'));
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const back = fromArtifacts(fromModelJson(json, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
    const original = values(w);
    for (const [name, v] of Object.entries(values(back.weights)))
      v.forEach((x, i) => expect(Math.abs(x - original[name][i])).toBeLessThanOrEqual(Math.abs(original[name][i]) * 1e-3 + 1e-7));
    disposeWeights(w);
    disposeWeights(back.weights);
  });

  it('refuses another format, a bad config and missing weights, in words', async () => {
    const w = initWeights(TINY, 1);
    const good = await toArtifacts(TINY, w);
    expect(() => fromArtifacts({ ...good, format: 'layers-model' })).toThrow('不是 Transformer 检查点');
    expect(() => fromArtifacts({ ...good, modelTopology: { config: { ...TINY, heads: 3 } } })).toThrow('配置无效');
    expect(() => fromArtifacts({ ...good, modelTopology: { config: { ...TINY, layers: 3 } } })).toThrow('缺少权重 block2');
    disposeWeights(w);
  });

  it('reads a config only from own, well-typed fields', () => {
    expect(parseConfig(TINY)).toEqual(TINY);
    expect(parseConfig(Object.create(TINY))).toBeNull();
    expect(parseConfig({ ...TINY, dropout: 1 })).toBeNull();
    expect(parseConfig({ ...TINY, layers: 1.5 })).toBeNull();
    expect(parseConfig({ ...TINY, tiedEmbeddings: 'yes' })).toBeNull();
    expect(parseConfig('TINY')).toBeNull();
  });
});
