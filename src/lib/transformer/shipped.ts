/**
 * The shipped checkpoints as the build reads them (Node only, at build time): 附录 A's exercise
 * answer and its ladder table take their numbers from these files, not from the config in
 * source, and the build fails with a message when the files disagree with each other.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterCount, parseConfig, type TransformerConfig } from './config';

/** The shipped checkpoints, relative to the repository root (where `astro build` runs). */
export const SHIPPED = {
  transformer: 'public/models/transformer',
  lstm: 'public/models/poetry',
  ladder: 'public/models/ladder.json',
} as const;

/**
 * The parameter count a Transformer meta.json (parsed JSON, untrusted) states, checked against
 * the documented formula for its own config: parameterCount(meta.config). Throws an Error in
 * words when the config is invalid, the count is missing or the two differ, since then the
 * checkpoint and the formula the book teaches disagree.
 */
export function checkpointParameters(meta: unknown): { parameters: number; config: TransformerConfig } {
  const get = (k: string) => (typeof meta === 'object' && meta !== null && Object.hasOwn(meta, k) ? (meta as Record<string, unknown>)[k] : undefined);
  const config = parseConfig(get('config'));
  if (!config) throw new Error('Transformer checkpoint meta.json: no valid config');
  const parameters = get('parameters');
  if (typeof parameters !== 'number' || !Number.isInteger(parameters)) throw new Error('Transformer checkpoint meta.json: no parameter count');
  const formula = parameterCount(config);
  if (parameters !== formula)
    throw new Error(`Transformer checkpoint meta.json states ${parameters} parameters, but parameterCount(meta.config) gives ${formula}`);
  return { parameters, config };
}

/** A shipped file's bytes; `root` the repository root. Throws (ENOENT) when it is missing. */
export const readShipped = (path: string, root = '.'): Buffer => readFileSync(join(root, path));

/** The shipped Transformer's meta.json, parsed (not yet checked). */
export const shippedTransformerMeta = (root = '.'): unknown => JSON.parse(readShipped(`${SHIPPED.transformer}/meta.json`, root).toString('utf8'));

/** SHA-256 (hex) of a shipped checkpoint's weights.bin. */
export const weightsSha256 = (dir: string, root = '.'): string =>
  createHash('sha256')
    .update(readShipped(`${dir}/weights.bin`, root))
    .digest('hex');
