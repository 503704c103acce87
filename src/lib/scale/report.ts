/**
 * Everything the calculator shows for one set of valid settings: the model's count, memory,
 * compute, time and cards needed. Pure; the widget only renders it.
 */
import { ACCELERATORS, acceleratorsNeeded, chinchillaTokens, trainingFlops, trainingSeconds, type Accelerator } from './compute';
import { transformerParams } from './count';
import { memoryRows, type MemoryRow } from './memory';
import { presetById } from './presets';
import { checkCustom, CUSTOM_NAME, type ScaleSettings } from './settings';

export interface ScaleReport {
  name: string;
  params: number;
  memory: MemoryRow[];
  tokens: number;
  flops: number;
  accelerator: Accelerator;
  /** Seconds on `n` cards. */
  seconds: number;
  /** Cards needed to finish within `days`. */
  needed: number;
}

/** The report, or a message saying why it cannot be made (the custom shape is invalid). Never throws. */
export function scaleReport(s: ScaleSettings): { ok: true; report: ScaleReport } | { ok: false; message: string } {
  let name: string;
  let params: number;
  const preset = presetById(s.m);
  if (preset) {
    name = preset.name;
    params = preset.params;
  } else {
    const custom = checkCustom(s);
    if (!custom.ok) return custom;
    name = CUSTOM_NAME;
    params = transformerParams(custom.arch);
  }
  const accelerator = ACCELERATORS.find((a) => a.id === s.g) ?? ACCELERATORS[0];
  const flops = trainingFlops(params, s.D);
  const u = s.u / 100;
  return {
    ok: true,
    report: {
      name,
      params,
      memory: memoryRows(params),
      tokens: s.D,
      flops,
      accelerator,
      seconds: trainingSeconds(flops, accelerator, s.n, u),
      needed: acceleratorsNeeded(flops, accelerator, u, s.days * 86400),
    },
  };
}

/** The token count a model starts with: its published one, else 20·N (rounded to a whole token). */
export function defaultTokens(params: number, published: number | null): number {
  return published ?? Math.round(chinchillaTokens(params));
}
