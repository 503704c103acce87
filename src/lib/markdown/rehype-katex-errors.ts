/**
 * rehype-katex reports a bad formula as a vfile *message* and renders red fallback text,
 * so a typo would ship silently. Run after it: any such message fails the build with file:line.
 * Pair with KaTeX `strict` so that Chinese text inside $…$ is an error as well.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { relative } from 'node:path';

export default function rehypeKatexErrors() {
  return function transformer(_tree: Root, file: VFile): void {
    const problems = file.messages.filter((m) => m.source === 'rehype-katex');
    if (problems.length === 0) return;
    const path = file.path ? relative(process.cwd(), file.path) : '<unknown file>';
    const lines = problems.map((m) => {
      const cause = m.cause instanceof Error ? m.cause.message : m.reason;
      return `${path}:${m.line ?? '?'}:${m.column ?? '?'}: ${cause}`;
    });
    throw new Error(`Invalid math (KaTeX):\n${lines.join('\n')}`);
  };
}

/**
 * KaTeX `strict` handler: everything LaTeX would reject is an error (notably CJK text in
 * math mode), except a `\\` line break in display math, which the article uses on purpose.
 */
export function katexStrict(code: string): 'error' | 'ignore' {
  return code === 'newLineInDisplayMode' ? 'ignore' : 'error';
}
