/** Whether MDX source contains `$…$` or `$$` math (outside fenced code blocks). */
export function hasMath(mdx: string): boolean {
  const prose = mdx.replace(/^```[\s\S]*?^```/gm, '');
  return /\$\$|\$[^$\n]+\$/.test(prose);
}
