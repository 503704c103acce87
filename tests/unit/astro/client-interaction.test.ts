import { describe, expect, it } from 'vitest';
import { hashNamesWidget } from '../../../src/lib/astro/client-interaction';

describe('hashNamesWidget: does the #fragment carry a setting for this widget?', () => {
  it('finds the prefix as the first parameter, after the checksum, or further on', () => {
    expect(hashNamesWidget('#scale.m=bert-base', 'scale')).toBe(true);
    expect(hashNamesWidget('#sum=abc123&scale.m=gpt2&scale.D=1e9', 'scale')).toBe(true);
    expect(hashNamesWidget('#fx.x1=0.5', 'fx')).toBe(true);
  });

  it('finds it in a fragment a chat app percent-encoded again, up to three rounds', () => {
    expect(hashNamesWidget('#sum%3Dabc%26scale.m%3Dgpt2', 'scale')).toBe(true);
    expect(hashNamesWidget('#sum%253Dabc%2526scale.m%253Dgpt2', 'scale')).toBe(true);
  });

  it("ignores other widgets' settings, plain anchors and keys that only end with the prefix", () => {
    expect(hashNamesWidget('#bp.seed=3', 'scale')).toBe(false);
    expect(hashNamesWidget('#sec-2-1', 'scale')).toBe(false);
    expect(hashNamesWidget('#upscale.m=1', 'scale')).toBe(false);
    expect(hashNamesWidget('', 'scale')).toBe(false);
  });

  it('never throws, and matches nothing for a missing or odd prefix', () => {
    expect(hashNamesWidget('#%E0%A4%A&scale.m=1', 'scale')).toBe(true);
    expect(hashNamesWidget('#%E0%A4%A', 'scale')).toBe(false);
    expect(hashNamesWidget('#scale.m=1', true)).toBe(false);
    expect(hashNamesWidget('#a.b=1', '.*')).toBe(false);
  });
});
