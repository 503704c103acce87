/**
 * `astro preview` of dist/ for a benchmark, started and stopped by the caller.
 * Vite's preview server does not use strictPort: if the port is taken it silently moves to the
 * next one, and our requests would then reach someone else's server (4321 is often busy with
 * another checkout's preview). So we pick a free port, read the URL astro actually prints, and
 * refuse to go on if it differs from the one asked for.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface Preview {
  url: string;
  port: number;
  stop: () => void;
}

/** A port the OS reports free right now (listen on 0, read it back, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `astro preview` on `port` (a free one when omitted), waiting up to `startSeconds` for it
 * to answer. `env` is added to the server's environment (e.g. BOOK_CROSS_ORIGIN_ISOLATION=off).
 */
export async function servePreview(port?: number, startSeconds = 30, env: Record<string, string> = {}): Promise<Preview> {
  port ??= await freePort();
  // The local bin rather than npx: astro then runs in this one child (no npx or shell in between),
  // so killing it stops the server, and Ctrl-C in the terminal reaches it with ours.
  const server = spawn('node_modules/.bin/astro', ['preview', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let log = '';
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  const stop = () => void server.kill();
  // Do not leave a server behind if the benchmark is interrupted.
  process.once('exit', stop);

  // astro preview needs a few seconds before it accepts connections.
  for (let i = 0; i < startSeconds * 4 && server.exitCode === null; i++) {
    // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes (ESC[…m) from astro's log
    const printed = log.replace(/\x1b\[[0-9;]*m/g, '').match(/https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):(\d+)/);
    if (printed && Number(printed[1]) !== port) {
      stop();
      throw new Error(`astro preview moved from port ${port} to ${printed[1]} (port taken?)`);
    }
    if (printed) {
      try {
        const res = await fetch(`http://localhost:${port}/`);
        if (res.ok) return { url: `http://localhost:${port}`, port, stop };
      } catch {
        // not accepting connections yet: try again
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`astro preview did not start on port ${port}:\n${log.slice(-2000)}`);
}
