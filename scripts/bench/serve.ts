/** `astro preview` on a port of its own for a benchmark, started and stopped by the caller. */
import { spawn } from 'node:child_process';

export async function servePreview(port: number): Promise<{ stop: () => void }> {
  const server = spawn('npx', ['astro', 'preview', '--port', String(port)], { stdio: 'ignore', detached: true });
  const stop = () => process.kill(-server.pid!);
  // astro preview needs a few seconds before it accepts connections.
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return { stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`astro preview did not start on port ${port}`);
}
