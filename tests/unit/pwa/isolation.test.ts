import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, previewHeaders, withIsolationHeaders } from '../../../src/lib/pwa/isolation';

describe('withIsolationHeaders', () => {
  it('adds COOP and COEP, keeping the body, status and other headers', async () => {
    const original = new Response('<p>页</p>', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html' } });
    const isolated = withIsolationHeaders(original);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('Content-Type')).toBe('text/html');
    expect(isolated.status).toBe(200);
    expect(await isolated.text()).toBe('<p>页</p>');
  });

  it('replaces headers already set to other values', () => {
    const original = new Response('', { headers: { 'Cross-Origin-Opener-Policy': 'unsafe-none' } });
    expect(withIsolationHeaders(original).headers.get('Cross-Origin-Opener-Policy')).toBe(ISOLATION_HEADERS['Cross-Origin-Opener-Policy']);
  });

  it('returns an error response as it is', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
  });
});

describe('previewHeaders', () => {
  it('sends COOP and COEP by default', () => {
    expect(previewHeaders({})).toEqual(ISOLATION_HEADERS);
  });

  it('sends none when BOOK_CROSS_ORIGIN_ISOLATION is off', () => {
    expect(previewHeaders({ BOOK_CROSS_ORIGIN_ISOLATION: 'off' })).toEqual({});
  });
});
