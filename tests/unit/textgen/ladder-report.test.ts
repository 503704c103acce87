import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNGS, shippedLadder, type LadderReport } from '../../../src/lib/textgen/ladder-report';
import { SHIPPED, weightsSha256 } from '../../../src/lib/transformer/shipped';

/** A repository root in a temporary folder with two weights files and a ladder.json scored on `scored` of them. */
function fakeRoot(weights: { lstm: string; transformer: string }, scored = weights, rows = RUNGS.map(({ name }) => name)) {
  const root = mkdtempSync(join(tmpdir(), 'ladder-'));
  for (const [name, dir] of [
    ['lstm', SHIPPED.lstm],
    ['transformer', SHIPPED.transformer],
  ] as const) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'weights.bin'), weights[name]);
  }
  const score = { nats: 1, bits: 1 / Math.LN2, characters: 4 };
  const sha = (dir: string, text: string) => {
    const other = mkdtempSync(join(tmpdir(), 'ladder-w-'));
    mkdirSync(join(other, dir), { recursive: true });
    writeFileSync(join(other, dir, 'weights.bin'), text);
    return weightsSha256(dir, other);
  };
  const report = {
    checkpoints: { lstm: { weightsSha256: sha(SHIPPED.lstm, scored.lstm) }, transformer: { weightsSha256: sha(SHIPPED.transformer, scored.transformer) } },
    rows: rows.map((name) => ({ name, all: score, content: score })),
  } as unknown as LadderReport;
  writeFileSync(join(root, SHIPPED.ladder), JSON.stringify(report));
  return root;
}

describe('the shipped ladder as the build reads it', () => {
  it('is accepted when it scored the shipped weights and has every rung', () => {
    expect(shippedLadder(fakeRoot({ lstm: 'a', transformer: 'b' })).rows).toHaveLength(RUNGS.length);
  });

  it('fails the build when a checkpoint changed after the ladder was computed', () => {
    expect(() => shippedLadder(fakeRoot({ lstm: 'a', transformer: 'new' }, { lstm: 'a', transformer: 'old' }))).toThrow(
      /another transformer checkpoint.*npm run ladder/,
    );
  });

  it('fails the build when a rung is missing', () => {
    const w = { lstm: 'a', transformer: 'b' };
    expect(() => shippedLadder(fakeRoot(w, w, ['uniform', 'unigram', 'bigram', 'lstm']))).toThrow(/lacks the rung transformer/);
  });

  it('fails the build when there is no ladder.json', () => {
    expect(() => shippedLadder(mkdtempSync(join(tmpdir(), 'ladder-none-')))).toThrow(/missing or unreadable.*npm run ladder/);
  });

  it('holds for the checkpoints in public/models (rerun npm run ladder after a new checkpoint)', () => {
    const report = shippedLadder();
    expect(report.heldOut.characters).toBe(report.heldOut.windows * report.heldOut.len);
    expect(report.rows.find((r) => r.name === 'uniform')!.all.nats).toBeCloseTo(Math.log(report.heldOut.vocabSize), 12);
  });
});
