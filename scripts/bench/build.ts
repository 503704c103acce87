/**
 * Wall time of `astro build`, run the way `npm run build` runs it (the local bin, from the repo
 * root), including node's start-up, since that is what a developer waits for.
 */
import { spawnSync } from 'node:child_process';

export function timedBuild(): number {
  const start = process.hrtime.bigint();
  // Output is captured rather than shown: it would bury the table, and with --json stdout must
  // hold nothing but the JSON object. It is printed (to stderr) only if the build fails.
  const res = spawnSync('node_modules/.bin/astro', ['build'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.error || res.status !== 0) {
    process.stderr.write(`${res.stdout ?? ''}${res.stderr ?? ''}`.slice(-8000));
    throw new Error(`astro build failed (${res.error?.message ?? `exit ${res.status}`})`);
  }
  return seconds;
}
