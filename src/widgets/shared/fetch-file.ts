/**
 * Downloads the files the labs load on first use (checkpoints, corpora) and says in words what
 * went wrong: the browser's own errors ("Failed to fetch", "Unexpected end of JSON input") are
 * English and name no file. One place for every lab, on the page and in the lab worker.
 */

/** The response for `url`; throws an Error in words when the network fails or the server answers with an error status. */
export async function fetchOk(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`无法下载 ${url}：网络连接失败。请检查网络，然后再试。`);
  }
  if (!response.ok) throw new Error(`无法下载 ${url}（HTTP ${response.status}）`);
  return response;
}

/**
 * The response's JSON, unchecked (the caller validates it); throws an Error in words, naming the
 * file, when it is not whole JSON (a download cut short).
 */
export async function readJson(response: Response): ReturnType<Response['json']> {
  try {
    return await response.json();
  } catch {
    const file = response.url ? new URL(response.url).pathname : '文件';
    throw new Error(`${file} 不是完整的 JSON 文件（可能下载时被截断了）。请刷新页面再试。`);
  }
}
