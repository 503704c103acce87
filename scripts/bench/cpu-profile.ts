/**
 * What the profiling scripts (profile-train.ts, profile-stream.ts) read: Chromium trace events,
 * and a V8 sampling CPU profile (CDP `Profiler.stop`) summed per function.
 */

/** One event of a Chromium trace (`browser.stopTracing()`); times in µs. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an 'X' event, in µs. */
  tdur?: number;
  args?: { name?: string; beginData?: unknown };
}
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** µs between consecutive samples. */
  timeDeltas: number[];
}

/** The `top` functions by self time, ms, keyed `name file:line` (1-based), largest first. */
export function topSelfTimes(profile: CpuProfile, top: number): { function: string; 'self ms': string }[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i] / 1000));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const { functionName, url: file, lineNumber } = n.callFrame;
    const key = `${functionName || '(anonymous)'} ${file.split('/').pop()}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  return [...byFn]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ function: fn, 'self ms': ms.toFixed(1) }));
}
