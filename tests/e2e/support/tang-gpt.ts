/**
 * An independent float64 re-implementation of the shipped Transformer (public/models/transformer),
 * for end-to-end tests that recompute every number a widget shows. It reads model.json,
 * weights.bin and meta.json itself, decodes float16 itself, and writes out embeddings,
 * LayerNorm, causal multi-head attention, the tanh GELU, the MLP and the tied output head from
 * the equations (Vaswani et al. 2017; Radford et al. 2019, pre-LN) — on purpose without
 * importing src/lib/transformer, so a bug there cannot hide itself in the check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type M = number[][];

export interface TangGpt {
  config: { vocabSize: number; contextLength: number; dModel: number; heads: number; layers: number; dFF: number; tiedEmbeddings: boolean };
  vocab: string[];
  /** A weight by name: matrices as rows. */
  w: (name: string) => M;
  v: (name: string) => number[];
}

/** One IEEE half-precision value from its 16 bits. */
function half(bits: number): number {
  const s = bits >> 15 ? -1 : 1;
  const e = (bits >> 10) & 31;
  const f = bits & 1023;
  if (e === 0) return (s * f) / 16_777_216;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** Reads the checkpoint from `dir` (default: the site's public/models/transformer). */
export function loadTangGpt(dir = join(process.cwd(), 'public/models/transformer')): TangGpt {
  const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const buf = readFileSync(join(dir, 'weights.bin'));
  const tensors = new Map<string, { shape: number[]; data: number[] }>();
  let at = 0;
  for (const spec of model.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights)) {
    const n = spec.shape.reduce((a: number, b: number) => a * b, 1);
    const f16 = spec.quantization?.dtype === 'float16';
    const data = Array.from({ length: n }, (_, i) => (f16 ? half(buf.readUInt16LE(at + 2 * i)) : buf.readFloatLE(at + 4 * i)));
    at += n * (f16 ? 2 : 4);
    tensors.set(spec.name, { shape: spec.shape, data });
  }
  const get = (name: string) => {
    const t = tensors.get(name);
    if (!t) throw new Error(`no weight ${name}`);
    return t;
  };
  const rows = new Map<string, M>();
  return {
    config: model.modelTopology.config,
    vocab: meta.vocab,
    w: (name) => {
      if (!rows.has(name)) {
        const { shape, data } = get(name);
        rows.set(
          name,
          Array.from({ length: shape[0] }, (_, i) => data.slice(i * shape[1], (i + 1) * shape[1])),
        );
      }
      return rows.get(name)!;
    },
    v: (name) => get(name).data,
  };
}

const mm = (a: M, b: M): M => a.map((r) => b[0].map((_, j) => r.reduce((s, x, k) => s + x * b[k][j], 0)));
const lin = (x: M, w: M, b: number[]): M => mm(x, w).map((r) => r.map((y, j) => y + b[j]));
const plus = (a: M, b: M): M => a.map((r, i) => r.map((x, j) => x + b[i][j]));
const T = (a: M): M => a[0].map((_, j) => a.map((r) => r[j]));
function norm(x: M, g: number[], b: number[]): M {
  return x.map((r) => {
    const mu = r.reduce((s, y) => s + y, 0) / r.length;
    const s2 = r.reduce((s, y) => s + (y - mu) * (y - mu), 0) / r.length;
    return r.map((y, j) => ((y - mu) / Math.sqrt(s2 + 1e-5)) * g[j] + b[j]);
  });
}
const geluTanh = (z: number) => 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
function rowSoftmax(r: number[]): number[] {
  const top = Math.max(...r);
  const e = r.map((y) => (y === -Infinity ? 0 : Math.exp(y - top)));
  const z = e.reduce((s, y) => s + y, 0);
  return e.map((y) => y / z);
}

/** Everything the attention stepper shows for `ids`, layer `layer`, head `head`. */
export interface Expected {
  token: M;
  position: M;
  x0: M;
  x: M;
  u: M;
  q: M;
  k: M;
  v: M;
  s: M;
  masked: M;
  a: M;
  head: M;
  concat: M;
  multi: M;
  h: M;
  ln2: M;
  z: M;
  mlp: M;
  y: M;
  p: M;
}

/** The model on `ids`, every intermediate of block `layer` and its head `head` kept. */
export function expected(m: TangGpt, ids: number[], layer: number, head: number): Expected {
  const { dModel, heads, layers } = m.config;
  const dk = dModel / heads;
  const token = ids.map((id) => m.w('tok_emb')[id]);
  const position = ids.map((_, i) => m.w('pos_emb')[i]);
  const x0 = plus(token, position);
  let x = x0;
  let out: Expected | null = null;
  for (let l = 0; l < layers; l++) {
    const p = (s: string) => `block${l}/${s}`;
    const u = norm(x, m.v(p('ln1/gamma')), m.v(p('ln1/beta')));
    const [Q, K, V] = ['q', 'k', 'v'].map((c) => lin(u, m.w(p(`attn/w${c}`)), m.v(p(`attn/b${c}`))));
    const per = Array.from({ length: heads }, (_, hh) => {
      const cut = (a: M) => a.map((r) => r.slice(hh * dk, hh * dk + dk));
      const [q, k, v] = [cut(Q), cut(K), cut(V)];
      const s = mm(q, T(k)).map((r) => r.map((y) => y / Math.sqrt(dk)));
      const masked = s.map((r, i) => r.map((y, j) => (j <= i ? y : -Infinity)));
      const a = masked.map(rowSoftmax);
      return { q, k, v, s, masked, a, head: mm(a, v) };
    });
    const concat = x.map((_, i) => per.flatMap((hd) => hd.head[i]));
    const multi = lin(concat, m.w(p('attn/wo')), m.v(p('attn/bo')));
    const h = plus(x, multi);
    const ln2 = norm(h, m.v(p('ln2/gamma')), m.v(p('ln2/beta')));
    const z = lin(ln2, m.w(p('mlp/w1')), m.v(p('mlp/b1'))).map((r) => r.map(geluTanh));
    const mlp = lin(z, m.w(p('mlp/w2')), m.v(p('mlp/b2')));
    const y = plus(h, mlp);
    if (l === layer) out = { token, position, x0, x, u, ...per[head], concat, multi, h, ln2, z, mlp, y, p: [] };
    x = y;
  }
  const f = norm(x, m.v('lnf/gamma'), m.v('lnf/beta'));
  const logits = lin(f, m.config.tiedEmbeddings ? T(m.w('tok_emb')) : m.w('head/kernel'), m.v('head/bias'));
  out!.p = logits.map(rowSoftmax);
  return out!;
}

/** The vocabulary ids of `text`'s characters (0, <unk>, for a character it lacks). */
export const idsOf = (m: TangGpt, text: string) => [...text].map((c) => Math.max(0, m.vocab.indexOf(c)));
