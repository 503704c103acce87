import { describe, expect, it } from 'vitest';
import { BASE_DIRECTIVES, buildPolicy, parsePolicy, scriptPolicyProblems } from '../../../src/lib/csp/policy';

describe('buildPolicy', () => {
  it('adds the page hashes to script-src and style-src only', () => {
    const policy = parsePolicy(buildPolicy({ scripts: ["'sha256-AAA='"], styles: ["'sha256-BBB='"] }));
    expect(policy.get('script-src')).toEqual([...BASE_DIRECTIVES['script-src'], "'sha256-AAA='"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'sha256-BBB='"]);
    expect(policy.get('img-src')).toEqual([...BASE_DIRECTIVES['img-src']]);
  });

  it('lists a hash shared by two elements once', () => {
    const policy = parsePolicy(buildPolicy({ scripts: ["'sha256-AAA='", "'sha256-AAA='"], styles: [] }));
    expect(policy.get('script-src')?.filter((s) => s === "'sha256-AAA='")).toHaveLength(1);
  });

  it('allows inline style attributes through style-src-attr, not style-src', () => {
    const policy = parsePolicy(buildPolicy({ scripts: [], styles: [] }));
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
  });

  it('is strict about scripts', () => {
    expect(scriptPolicyProblems(buildPolicy({ scripts: [], styles: [] }))).toEqual([]);
  });
});

describe('scriptPolicyProblems', () => {
  it("reports 'unsafe-inline' and 'unsafe-eval' in script-src, in any letter case", () => {
    expect(scriptPolicyProblems("script-src 'self' 'UNSAFE-INLINE' 'unsafe-eval'")).toEqual([
      "script-src allows 'unsafe-inline'",
      "script-src allows 'unsafe-eval'",
    ]);
  });

  it('falls back to default-src when script-src is absent', () => {
    expect(scriptPolicyProblems("default-src 'self' 'unsafe-inline'")).toEqual(["script-src allows 'unsafe-inline'"]);
  });

  it('reports a policy that says nothing about scripts', () => {
    expect(scriptPolicyProblems("img-src 'self'")).toEqual(['no script-src or default-src']);
  });

  it("accepts 'wasm-unsafe-eval', which allows WebAssembly only", () => {
    expect(scriptPolicyProblems("script-src 'self' 'wasm-unsafe-eval'")).toEqual([]);
  });
});

describe('parsePolicy', () => {
  it('keeps the first of a repeated directive, as browsers do', () => {
    expect(parsePolicy("script-src 'self'; script-src 'unsafe-inline'").get('script-src')).toEqual(["'self'"]);
  });

  it('ignores empty parts and extra spaces', () => {
    expect([...parsePolicy(" ; img-src  'self'  data: ;").entries()]).toEqual([['img-src', ["'self'", 'data:']]]);
  });
});
