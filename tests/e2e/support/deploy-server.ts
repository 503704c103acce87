/**
 * A small static server for the built book (`dist/`), on 127.0.0.1 and a free port, that can
 * "deploy a new build": after `deploy()`, its `sw.js` gains a trailing comment (`// build N`),
 * so the browser's next update check finds a byte-different service worker, exactly as after a
 * real deployment. `page.route`/`context.route` cannot do this: they do not see the browser's
 * own service worker update check.
 *
 * Serves files like `astro preview`: content types by extension, a directory's `index.html`,
 * a redirect from `/dir` to `/dir/`, and `404.html` with status 404 for anything else.
 * Only paths inside `dist/` are served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A running server: its origin, a way to deploy a new build, and `close()`. */
export interface DeployServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  /** Deploys a new build: from now on `sw.js` differs from every earlier one. */
  deploy(): void;
  /** Stops the server and drops its open connections. */
  close(): Promise<void>;
}

/** The file under DIST for a URL path, or null when it would leave DIST. */
function fileFor(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(DIST, decoded));
  return file === DIST || file.startsWith(DIST + sep) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function send(res: ServerResponse, status: number, file: string, extra = ''): Promise<void> {
  const body = Buffer.concat([await readFile(file), Buffer.from(extra)]);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}

/**
 * Starts the server. Resolves once it listens. Each request reads `dist/` afresh; a failure
 * while answering becomes a 500, never a crash.
 */
export async function startDeployServer(): Promise<DeployServer> {
  let build = 1;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = fileFor(pathname);
    if (file === null) return void res.writeHead(400).end();
    if (await isFile(file)) return send(res, 200, file, pathname === '/sw.js' && build > 1 ? `\n// build ${build}\n` : '');
    if (await isFile(join(file, 'index.html'))) {
      if (!pathname.endsWith('/')) return void res.writeHead(301, { Location: `${pathname}/` }).end();
      return send(res, 200, join(file, 'index.html'));
    }
    const notFound = join(DIST, '404.html');
    if (await isFile(notFound)) return send(res, 404, notFound);
    res.writeHead(404).end();
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    deploy: () => void (build += 1),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
