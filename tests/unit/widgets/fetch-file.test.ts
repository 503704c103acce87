/** The labs' downloads say what went wrong in words, never the browser's English error (shared/fetch-file.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchOk, readJson } from '../../../src/widgets/shared/fetch-file';

/** A response as fetch gives it, with its URL set (a constructed Response has none). */
function response(body: string, status = 200, url = 'https://book.example/models/poetry/model.json'): Response {
  const r = new Response(body, { status });
  Object.defineProperty(r, 'url', { value: url });
  return r;
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchOk', () => {
  it('says the network failed, naming the file, where fetch itself rejects (offline: “Failed to fetch”)', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchOk('/models/poetry/weights.bin')).rejects.toThrow('无法下载 /models/poetry/weights.bin：网络连接失败。请检查网络，然后再试。');
  });

  it('gives the HTTP status of a refused download', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(response('', 404)));
    await expect(fetchOk('/models/poetry/meta.json')).rejects.toThrow('无法下载 /models/poetry/meta.json（HTTP 404）');
  });

  it('hands over a good response as it is', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(response('{}')));
    expect((await fetchOk('/models/poetry/meta.json')).ok).toBe(true);
  });
});

describe('readJson', () => {
  it('names the file when it is not whole JSON (a download cut short), not “Unexpected end of JSON input”', async () => {
    await expect(readJson(response('{"format": "layers-'))).rejects.toThrow('/models/poetry/model.json 不是完整的 JSON 文件');
  });

  it('reads whole JSON', async () => {
    await expect(readJson(response('{"a": 1}'))).resolves.toEqual({ a: 1 });
  });
});
