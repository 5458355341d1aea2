/**
 * The widget pages' CSP (scripts/csp.mjs): strict where it protects us, open where Zoho's SDK may need
 * it (issue 14). Checked on the policy itself here; securityScan checks the built pages carry exactly it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCsp, contentSecurityPolicy, cspDirectives, validOrigins } from '../../../scripts/csp.mjs';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'plugin-manifest.json'), 'utf8')) as { whiteListedDomains: string[] };
const directives = new Map(cspDirectives(manifest));
const get = (name: string) => directives.get(name) ?? [];

describe('kept strict', () => {
  it('scripts only from our files and Zoho\'s SDK host: no inline, no eval, no wildcard', () => {
    expect(get('script-src')).toEqual(["'self'", 'https://js.zohostatic.com']);
  });

  it("object-src 'none' and base-uri 'none'", () => {
    expect(get('object-src')).toEqual(["'none'"]);
    expect(get('base-uri')).toEqual(["'none'"]);
  });

  it("no directive allows 'unsafe-eval', and no source is plain http", () => {
    const all = [...directives.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.filter((s) => s.startsWith('http:'))).toEqual([]);
  });
});

describe('loosened for the platform', () => {
  it('inline styles', () => {
    expect(get('style-src')).toContain("'unsafe-inline'");
  });

  it("connect-src: Zoho's static, Sigma and Zapps hosts, and every whitelisted domain of the manifest", () => {
    expect(get('connect-src')).toEqual(
      expect.arrayContaining(['https://*.zohostatic.com', 'https://*.sigmausercontent.com', 'https://*.zappsusercontent.com', ...manifest.whiteListedDomains]),
    );
  });

  it("images and frames Desk may use: https images, data:/blob:, every region's Zoho hosts in frames", () => {
    expect(get('img-src')).toEqual(expect.arrayContaining(['data:', 'blob:', 'https:']));
    expect(get('frame-src')).toEqual(expect.arrayContaining(['https://*.zoho.com', 'https://*.zoho.eu', 'https://*.zohocloud.ca', 'https://*.zoho.sa', 'https://*.zoho.com.cn', 'blob:']));
  });

  it('cspDomains of the manifest extend connect/img/style, never scripts', () => {
    const policy = new Map(
      cspDirectives({ ...manifest, cspDomains: { 'connect-src': ['https://api.example.com'], 'script-src': ['https://cdn.example.com'], 'img-src': ['https://img.example.com/'] } }),
    );
    expect(policy.get('connect-src')).toContain('https://api.example.com');
    expect(policy.get('img-src')).toContain('https://img.example.com');
    expect(policy.get('script-src')).not.toContain('https://cdn.example.com');
  });
});

describe('manifest entries are taken only as https origins', () => {
  it('keywords, http, paths and junk are left out', () => {
    expect(validOrigins(["'unsafe-eval'", 'http://x.example', 'https://x.example/path', 'https://*.ok.example', 'https://ok.example/', 42, 'https://ok.example'])).toEqual([
      'https://*.ok.example',
      'https://ok.example',
    ]);
    expect(validOrigins('https://x.example')).toEqual([]);
  });

  it('a page without the placeholder is an error, not a page without CSP', () => {
    expect(() => applyCsp('<html></html>', manifest)).toThrow(/no __CONTENT_SECURITY_POLICY__/);
    expect(applyCsp('<meta content="__CONTENT_SECURITY_POLICY__">', manifest)).toContain(contentSecurityPolicy(manifest));
  });
});
