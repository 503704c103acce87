/**
 * public/models/ladder.json, written by `npm run ladder` (scripts/ladder.ts) and read at build
 * time by 附录 A's table (src/components/LadderTable.astro): the ladder's rungs (ladder.ts) and
 * which checkpoints and held-out characters they were computed on. shippedLadder reads it (Node
 * only, at build time).
 */
import { readShipped, SHIPPED, weightsSha256 } from '../transformer/shipped';
import type { LadderRow } from './ladder';

export type RungName = 'uniform' | 'unigram' | 'bigram' | 'lstm' | 'transformer';

/** The rungs in ladder order, with the names the table prints. */
export const RUNGS: readonly { name: RungName; label: string }[] = [
  { name: 'uniform', label: '均匀分布（每个字一样可能）' },
  { name: 'unigram', label: '一元模型（只看字频）' },
  { name: 'bigram', label: '二元模型（只看前一个字）' },
  { name: 'lstm', label: '5.2 节的 LSTM' },
  { name: 'transformer', label: '本书的 Transformer' },
];

export interface LadderReport {
  /** The held-out characters: the LSTM's validation windows. */
  heldOut: { corpusSha256: string; vocabSize: number; windows: number; len: number; seed: number; characters: number; contentCharacters: number };
  /** Smoothing chosen on the training characters (ladder.ts). */
  smoothing: { unigramK: number; bigramBeta: number; trainingCharacters: number };
  /** The checkpoints scored: their files' SHA-256 and what their meta.json says of them. */
  checkpoints: {
    lstm: { weightsSha256: string; epochs: number; parameters: number; metaLoss: number };
    transformer: { weightsSha256: string; epochs: number; parameters: number; trainingSeconds: number; metaLoss: number };
  };
  rows: ({ name: RungName } & LadderRow)[];
  /** The goal: the Transformer's validation cross-entropy below the LSTM checkpoint's. */
  goal: { lstmNats: number; transformerNats: number; met: boolean };
}

/** The row of a rung; throws an Error naming it when the report lacks it. */
export function rung(report: LadderReport, name: RungName): LadderRow {
  const row = report.rows.find((r) => r.name === name);
  if (!row) throw new Error(`ladder.json lacks the rung ${name}: run npm run ladder`);
  return row;
}

/**
 * The shipped ladder.json, checked at build time against the shipped checkpoints: its rungs all
 * present and finite, and the weights it scored (SHA-256) those of public/models/. Throws an
 * Error saying to run `npm run ladder` when it is missing, incomplete or stale.
 */
export function shippedLadder(root = '.'): LadderReport {
  let report: LadderReport;
  try {
    report = JSON.parse(readShipped(SHIPPED.ladder, root).toString('utf8')) as LadderReport;
  } catch (e) {
    throw new Error(`${SHIPPED.ladder} is missing or unreadable (${(e as Error).message}): run npm run ladder`);
  }
  for (const { name } of RUNGS) {
    const r = rung(report, name);
    if (![r.all.nats, r.all.bits, r.content.nats, r.content.bits].every(Number.isFinite)) throw new Error(`${SHIPPED.ladder}: the rung ${name} is not finite`);
  }
  for (const [name, dir] of [
    ['lstm', SHIPPED.lstm],
    ['transformer', SHIPPED.transformer],
  ] as const)
    if (report.checkpoints?.[name]?.weightsSha256 !== weightsSha256(dir, root))
      throw new Error(`${SHIPPED.ladder} was computed on another ${name} checkpoint than ${dir}: run npm run ladder`);
  return report;
}
