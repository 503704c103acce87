/**
 * The book's Content Security Policy: one fixed list of directives, plus the hashes of the
 * inline scripts and styles of each page (see inline-hashes.ts). Delivered as a
 * `<meta http-equiv="content-security-policy">`, so directives a meta tag cannot carry
 * (frame-ancestors, report-uri, sandbox) are left out.
 *
 * Why each source is here:
 * - script-src 'wasm-unsafe-eval': TF.js's WebAssembly backend and Pagefind compile .wasm;
 *   it allows WebAssembly compilation only, never `eval` or `new Function`.
 * - style-src-attr 'unsafe-inline': KaTeX and the Mermaid SVGs position glyphs with `style=""`
 *   attributes. Once style-src holds a hash, browsers ignore 'unsafe-inline' there, so the
 *   attributes get their own directive; `<style>` elements still need a hash.
 * - img-src data:: Starlight's and KaTeX's CSS use data: URLs for small images.
 * - font-src data:: Vite inlines KaTeX's smallest font (KaTeX_Size3, under 4 KB) into the CSS.
 * - worker-src 'self' blob: and script-src blob:: the labs' training workers and Pagefind's search
 *   worker are same-origin files. TF.js's threaded wasm build (used when the page is cross-origin
 *   isolated, src/lib/pwa/isolation.ts) starts each thread as a worker from a blob: URL, which
 *   then loads the Emscripten glue with importScripts from another blob: URL. Only script already
 *   running on the page can mint a blob: URL, so this adds no way in for injected markup.
 */

/** Directive name → sources, before the per-page hashes are added. */
export const BASE_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
});

/** Script sources a strict policy must never contain. */
export const FORBIDDEN_SCRIPT_SOURCES = ["'unsafe-inline'", "'unsafe-eval'"] as const;

/** Hashes of one page's inline code, each already a CSP source such as `'sha256-…'`. */
export interface PageHashes {
  scripts: readonly string[];
  styles: readonly string[];
}

/**
 * The policy text for one page: BASE_DIRECTIVES with the page's script hashes added to
 * script-src and its style hashes to style-src, duplicates dropped, in a stable order.
 */
export function buildPolicy(hashes: PageHashes): string {
  const extra: Record<string, readonly string[]> = { 'script-src': hashes.scripts, 'style-src': hashes.styles };
  return Object.entries(BASE_DIRECTIVES)
    .map(([name, sources]) => [name, ...new Set([...sources, ...(extra[name] ?? [])])].join(' '))
    .join('; ');
}

/**
 * Parses a policy text into directive name → sources (names lower-cased; a repeated directive
 * keeps its first occurrence, as browsers do). Never throws.
 */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The reasons a policy's scripts are not strict: script-src (or default-src when script-src
 * is absent) missing, or allowing 'unsafe-inline' / 'unsafe-eval'. Empty when strict.
 */
export function scriptPolicyProblems(policy: string): string[] {
  const directives = parsePolicy(policy);
  const sources = directives.get('script-src') ?? directives.get('default-src');
  if (!sources) return ['no script-src or default-src'];
  return FORBIDDEN_SCRIPT_SOURCES.filter((s) => sources.some((x) => x.toLowerCase() === s)).map((s) => `script-src allows ${s}`);
}
