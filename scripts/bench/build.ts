/** Wall time of `astro build`, run the way `npm run build` runs it. */
import { spawnSync } from 'node:child_process';

export function timedBuild(): number {
  const start = process.hrtime.bigint();
  const res = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`astro build failed (exit ${res.status})`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}
