/** Progress as a downloadable JSON file, and a chosen file read back for merging. */
import { parseProgress } from '../../lib/progress/parse';
import type { Progress } from '../../lib/progress/schema';

export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file's progress, or a message; a file is refused above 1 MB or when it is not progress. */
export async function readProgressFile(file: File): Promise<{ ok: true; progress: Progress } | { ok: false; message: string }> {
  if (file.size > 1024 * 1024) return { ok: false, message: '文件太大，不像是学习进度文件。' };
  const loaded = parseProgress(await file.text());
  if (loaded.problem) return { ok: false, message: `无法导入：${loaded.problem.message}` };
  return { ok: true, progress: loaded.progress };
}
