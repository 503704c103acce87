/**
 * What the profiling scripts (profile-train.ts, profile-stream.ts, profile-load.ts) read: Chromium
 * trace events, the page's main thread among them, and a V8 sampling CPU profile (CDP
 * `Profiler.stop`) summed per function.
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

/** A complete ('X') trace event: it has a duration. */
export type CompleteEvent = TraceEvent & { dur: number };

/**
 * The complete events of the page's renderer main thread: of the threads named CrRendererMain,
 * the one whose tasks (RunTask) took the most time. A trace may hold several (other tabs' renderers,
 * the process left behind by a navigation's process swap); the page's is the busy one.
 * Throws when the trace has no renderer main thread, or has several and no RunTask events to tell
 * them apart (tracing without the `disabled-by-default-devtools.timeline` category).
 */
export function pageMainThread(events: TraceEvent[]): CompleteEvent[] {
  const key = (e: TraceEvent) => `${e.pid}/${e.tid}`;
  const complete = events.filter((e): e is CompleteEvent => e.ph === 'X' && typeof e.dur === 'number');
  const busy = new Map<string, number>();
  for (const e of complete) if (e.name === 'RunTask') busy.set(key(e), (busy.get(key(e)) ?? 0) + e.dur);
  const busyOf = (t: TraceEvent) => busy.get(key(t)) ?? 0;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = mains.reduce<TraceEvent | undefined>((best, t) => (!best || busyOf(t) > busyOf(best) ? t : best), undefined);
  if (!main) throw new Error('No renderer main thread in the trace');
  if (mains.length > 1 && busyOf(main) === 0)
    throw new Error('No RunTask events to tell the renderer main threads apart: trace with disabled-by-default-devtools.timeline');
  return complete.filter((e) => e.pid === main.pid && e.tid === main.tid);
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
