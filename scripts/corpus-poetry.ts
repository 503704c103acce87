/**
 * npm run corpus:poetry: builds public/corpora/poetry.txt, the 唐诗 corpus of the text lab, from
 * the npm package chinese-poetry (MIT), which is fetched into a temporary folder, not installed.
 * Keeps 五言绝句 (4 lines) and 五言律诗 (8 lines) of 全唐诗, converted to simplified characters,
 * one poem per line, deduplicated, in a fixed order and capped at 400 KB. Prints statistics.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';

const VERSION = '2.0.1';
const CAP = 400 * 1024;
const OUT = 'public/corpora';

/** CHINESE_POETRY_DIR may name an extracted package (…/package) or a folder to fetch into. */
function packageDir(): string {
  const dir = process.env.CHINESE_POETRY_DIR ?? join(tmpdir(), `chinese-poetry-${VERSION}`);
  if (existsSync(join(dir, 'dist', 'quantangshi'))) return join(dir, 'dist', 'quantangshi');
  if (!existsSync(join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`fetching chinese-poetry@${VERSION} (85 MB) into ${dir} …`);
    execFileSync('npm', ['pack', `chinese-poetry@${VERSION}`, '--pack-destination', dir], { stdio: 'inherit' });
    execFileSync('tar', ['xzf', join(dir, `chinese-poetry-${VERSION}.tgz`), '-C', dir]);
  }
  return join(dir, 'package', 'dist', 'quantangshi');
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * "五字，五字。" × 2 or × 4, exactly, after conversion. Poems with ！？； are dropped rather than
 * normalised (about 130 of 18,000, under 1 %), so every line keeps the punctuation its editors gave
 * it; so are notes, brackets, gaps □ and other metres.
 */
function poemText(paragraphs: unknown): { text: string; kind: '绝句' | '律诗' } | null {
  if (!Array.isArray(paragraphs)) return null;
  const text = toSimplified(paragraphs.join('').replace(/\s/g, ''));
  const couplets = text.match(/\p{Script=Han}{5}，\p{Script=Han}{5}。/gu);
  if (!couplets || couplets.join('') !== text) return null;
  if (couplets.length === 2) return { text, kind: '绝句' };
  if (couplets.length === 4) return { text, kind: '律诗' };
  return null;
}

const started = Date.now();
const dir = packageDir();
const seen = new Map<string, '绝句' | '律诗'>();
for (const file of readdirSync(dir).filter((f) => /^poet\.tang\.\d+\.json$/.test(f))) {
  for (const poem of JSON.parse(readFileSync(join(dir, file), 'utf8')) as { paragraphs?: unknown }[]) {
    const p = poemText(poem.paragraphs);
    if (p) seen.set(p.text, p.kind);
  }
}
// Order by a hash of the text: deterministic, and mixes poets and periods, so the cap keeps a fair sample.
const key = (t: string) => createHash('sha256').update(t).digest('hex');
const ordered = [...seen.keys()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
const must = '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。';
if (!seen.has(must)) throw new Error('春晓 is missing: the selection or conversion changed');
const kept = [must];
let bytes = Buffer.byteLength(must) + 1;
for (const t of ordered) {
  if (t === must) continue;
  const size = Buffer.byteLength(t) + 1;
  if (bytes + size > CAP) break;
  kept.push(t);
  bytes += size;
}
const text = kept.map((t) => `${t}\n`).join('');

const counts = new Map<string, number>();
for (const c of text.replace(/\n/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
const total = [...counts.values()].reduce((a, b) => a + b, 0);
const top3000 = [...counts.values()]
  .sort((a, b) => b - a)
  .slice(0, 3000)
  .reduce((a, b) => a + b, 0);
const stats = {
  poems: kept.length,
  jueju: kept.filter((t) => seen.get(t) === '绝句').length,
  lvshi: kept.filter((t) => seen.get(t) === '律诗').length,
  candidates: seen.size,
  characters: total,
  distinct: counts.size,
  top3000Coverage: Number((top3000 / total).toFixed(4)),
  bytes: Buffer.byteLength(text),
  sha256: createHash('sha256').update(text).digest('hex'),
};
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'poetry.txt'), text);
writeFileSync(
  join(OUT, 'poetry.meta.json'),
  `${JSON.stringify({ source: { package: 'chinese-poetry', version: VERSION, license: 'MIT', upstream: 'https://github.com/chinese-poetry/chinese-poetry' }, selection: '全唐诗中严格为“五字，五字。”两联（五言绝句）或四联（五言律诗）、除汉字与，。外别无字符（用！？；者不收）的诗，opencc-js 转为简体，去重，按文本的 SHA-256 排序，截至 400 KB，春晓必选。', ...stats }, null, 2)}\n`,
);
console.table(stats);
console.log(`wrote ${OUT}/poetry.txt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
