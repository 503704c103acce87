/**
 * Wall time of `npm run build`, exactly the command a developer runs (package.json's script:
 * astro under node with a larger young generation, see scripts/README.md), including npm's and
 * node's start-up, since that is what a developer waits for. Also the CPU
 * time the build used (its processes together) and the host's 1-minute load average when it
 * ended: on a shared machine the wall time swings with other people's work, CPU time far less,
 * so the two side by side say whether a slow figure was the build or the host.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface BuildTime {
  /** Seconds, start to exit. */
  wallS: number;
  /** User + system CPU seconds of the build and the processes it waited for; null off Linux. */
  cpuS: number | null;
  /** The host's 1-minute load average as the build ended. */
  load: number;
}

/** Clock ticks per second of /proc times: USER_HZ, 100 on every Linux build that matters. */
const USER_HZ = 100;

/**
 * CPU seconds of this process's finished, waited-for children (cutime + cstime, fields 16 and
 * 17 of /proc/self/stat, `man 5 proc`); null where /proc is not there.
 */
export function childCpuSeconds(stat = (): string => readFileSync('/proc/self/stat', 'utf8')): number | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const text = stat();
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so field n is fields[n - 3].
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / USER_HZ : null;
  } catch {
    return null;
  }
}

export function timedBuild(): BuildTime {
  const cpuBefore = childCpuSeconds();
  const start = process.hrtime.bigint();
  // Output is captured rather than shown: it would bury the table, and with --json stdout must
  // hold nothing but the JSON object. It is printed (to stderr) only if the build fails.
  const res = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.error || res.status !== 0) {
    process.stderr.write(`${res.stdout ?? ''}${res.stderr ?? ''}`.slice(-8000));
    throw new Error(`npm run build failed (${res.error?.message ?? `exit ${res.status}`})`);
  }
  const cpuAfter = childCpuSeconds();
  return { wallS, cpuS: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, load: loadavg()[0] };
}
