/**
 * The Transformer reads the LSTM's data: the same vocabulary and the same held-out characters.
 * Validation uses the LSTM's own validation windows (makeWindows in textgen/windows.ts), so the
 * two models' losses are measured on exactly the same characters. Training windows are longer
 * (the whole context, so every position embedding is trained) and are laid over the text
 * around the validation windows, never reading a held-out character.
 */
import type { WindowSplit } from '../textgen/windows';

export interface TransformerData {
  /** The corpus as ids of the shared vocabulary. */
  ids: Int32Array;
  /** The LSTM's split; its `val` windows (of `split.len` characters) are the held-out characters. */
  split: WindowSplit;
  /** Starts of training windows of `trainLen` characters (inputs ids[s … s+trainLen), targets one further). */
  train: number[];
  trainLen: number;
}

/**
 * Starts of windows reading ids[s … s+len] (len inputs, their targets one further), stepping by
 * len from the start of the text and jumping past every held-out window [v, v + held.len], so no
 * training window reads a character a validation window reads. O(windows).
 */
export function windowsAround(length: number, len: number, held: WindowSplit): number[] {
  const blocked = [...held.val].sort((a, b) => a - b).map((v) => [v, v + held.len] as const);
  const out: number[] = [];
  let next = 0; // first held-out window not yet passed
  for (let s = 0; s + len + 1 <= length;) {
    while (next < blocked.length && blocked[next][1] < s) next++;
    const hit = next < blocked.length && blocked[next][0] <= s + len ? blocked[next] : null;
    if (hit) s = hit[1] + 1;
    else {
      out.push(s);
      s += len;
    }
  }
  return out;
}

/** The Transformer's data over the LSTM's split, training on windows of `trainLen` (≤ the context length). */
export const transformerData = (ids: Int32Array, split: WindowSplit, trainLen: number): TransformerData => ({
  ids,
  split,
  train: windowsAround(ids.length, trainLen, split),
  trainLen,
});
